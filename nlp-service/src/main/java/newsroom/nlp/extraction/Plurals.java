package newsroom.nlp.extraction;

import java.util.ArrayList;
import java.util.List;

/**
 * The singulars a plural name may stand for ("Baftas" → "Bafta", "Salvadorians" → "Salvadorian", "Agencies" →
 * "Agency"). Never used alone: a plural only joins an entity that the article or the knowledge base already has under
 * one of these singulars, so "Williams" or "Athens" are never cut to a name nobody wrote.
 */
final class Plurals {

    private Plurals() {
    }

    /** Candidate singulars of the name's last word, most likely first; empty when the last word is no plural. */
    static List<String> singulars(String name) {
        int space = name.lastIndexOf(' ');
        String head = name.substring(0, space + 1);
        String word = name.substring(space + 1);
        List<String> out = new ArrayList<>();
        if (word.length() < 4 || !Character.isUpperCase(word.charAt(0)) || word.charAt(word.length() - 1) != 's'
                || !Character.isLowerCase(word.charAt(word.length() - 2))
                || word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) {
            return out; // "BAFTAS" (no case to read), "Congress", "Cyprus", "Paris"
        }
        out.add(head + word.substring(0, word.length() - 1));
        if (word.endsWith("ies")) {
            out.add(head + word.substring(0, word.length() - 3) + "y");
        } else if (word.endsWith("es")) {
            out.add(head + word.substring(0, word.length() - 2));
        }
        return out;
    }
}
