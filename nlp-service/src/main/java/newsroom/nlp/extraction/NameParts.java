package newsroom.nlp.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import newsroom.support.text.TextFolding;

/**
 * The parts of a person's name an article may use alone: each name word, whole even when hyphenated or with an
 * apostrophe ("Flores-Macías", "O'Brien"), the surname with its particles ("de la Cruz", "van den Broek", "bin
 * Laden"), the name after an "al-"/"el-" prefix ("Assad" of "al-Assad").
 */
final class NameParts {

    /** Titles and particles that are never a name on their own. */
    static final Set<String> NOT_NAMES = Set.of("president", "mr", "mrs", "ms", "dr", "judge", "justice", "senator",
            "sen", "rep", "gov", "governor", "secretary", "general", "gen", "minister", "prime", "chief", "de", "del",
            "la", "las", "los", "el", "da", "do", "dos", "van", "von", "der", "den", "bin", "al", "jr", "sr", "ii",
            "iii", "the", "of", "and", "saint", "st", "former", "vice", "attorney", "u.s");

    private static final Set<String> PARTICLES = Set.of("de", "del", "la", "las", "los", "da", "do", "dos", "das",
            "di", "van", "von", "der", "den", "ter", "ten", "bin", "ibn", "al", "le", "du", "des");

    private NameParts() {
    }

    /** End of the word starting at {@code i}: letters and digits, joined across "-" and "'" (not a possessive 's). */
    static int wordEnd(CharSequence text, int i) {
        int n = text.length();
        int end = i;
        while (true) {
            while (end < n && TextFolding.isWordChar(text.charAt(end))) {
                end++;
            }
            if (end + 1 < n && isJoiner(text.charAt(end)) && Character.isLetter(text.charAt(end + 1))
                    && !isPossessive(text, end)) {
                end++;
                continue;
            }
            return end;
        }
    }

    private static boolean isJoiner(char c) {
        return c == '-' || c == '\'' || c == '\u2019';
    }

    private static boolean isPossessive(CharSequence text, int apostrophe) {
        char c = text.charAt(apostrophe);
        return c != '-' && (text.charAt(apostrophe + 1) == 's' || text.charAt(apostrophe + 1) == 'S')
                && (apostrophe + 2 >= text.length() || !Character.isLetter(text.charAt(apostrophe + 2)));
    }

    static List<String> partsOf(String name) {
        List<String> words = new ArrayList<>();
        for (String w : name.split("[\\s]+")) {
            String clean = w.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
            if (!clean.isEmpty()) {
                words.add(clean);
            }
        }
        List<String> parts = new ArrayList<>();
        if (words.size() < 2) {
            return parts;
        }
        for (int k = 0; k < words.size(); k++) {
            String w = words.get(k);
            String folded = TextFolding.fold(w);
            if (k > 0 && PARTICLES.contains(folded) && k < words.size() - 1
                    && !PARTICLES.contains(TextFolding.fold(words.get(k - 1)))) {
                parts.add(String.join(" ", words.subList(k, words.size()))); // "de la Cruz", "van den Broek"
            }
            if ((folded.startsWith("al-") || folded.startsWith("el-")) && w.length() >= 6) {
                parts.add(w);
                parts.add(w.substring(3));
                continue;
            }
            if (w.length() >= 3 && Character.isUpperCase(w.charAt(0)) && !NOT_NAMES.contains(folded)
                    && w.chars().allMatch(c -> Character.isLetter(c) || isJoiner((char) c))) {
                parts.add(w);
            }
        }
        return parts;
    }
}
