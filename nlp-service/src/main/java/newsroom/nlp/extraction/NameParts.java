package newsroom.nlp.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import newsroom.support.text.TextFolding;

/** The parts of a person's name an article may use alone: each name word and the last two words together. */
final class NameParts {

    /** Titles and particles that are never a name on their own. */
    static final Set<String> NOT_NAMES = Set.of("president", "mr", "mrs", "ms", "dr", "judge", "justice", "senator",
            "sen", "rep", "gov", "governor", "secretary", "general", "gen", "minister", "prime", "chief", "de", "del",
            "la", "las", "los", "el", "da", "do", "dos", "van", "von", "der", "den", "bin", "al", "jr", "sr", "ii",
            "iii", "the", "of", "and", "saint", "st", "former", "vice", "attorney", "u.s");

    private NameParts() {
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
        for (String w : words) {
            if (w.length() >= 3 && Character.isUpperCase(w.charAt(0)) && !NOT_NAMES.contains(TextFolding.fold(w))
                    && w.chars().allMatch(Character::isLetter)) {
                parts.add(w);
            }
        }
        return parts;
    }
}
