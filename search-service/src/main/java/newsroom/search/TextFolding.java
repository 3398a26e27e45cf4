package newsroom.search;

import java.text.Normalizer;

/**
 * Accent folding done in the application, because the local Elasticsearch distribution has no {@code asciifolding}
 * filter: the same Java code folds the indexed {@code *Folded} fields and the query text, so {@code garcia} finds
 * {@code García} on every distribution.
 *
 * <p>{@link #foldPreservingLength} maps each UTF-16 unit to exactly one unit, so offsets in the folded text are
 * offsets in the original: the highlighter can mark matches found in a folded field on the original text.
 */
public final class TextFolding {

    private TextFolding() {
    }

    /** NFC first, so that a decomposed accent becomes one precomposed letter that folds to one letter. */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** Folds {@code normalize(text)} unit by unit: the result has the same length as {@code normalize(text)}. */
    public static String foldPreservingLength(String text) {
        if (text == null) {
            return null;
        }
        String nfc = normalize(text);
        StringBuilder out = null;
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            char folded = c < 0x80 ? c : foldChar(c);
            if (folded != c && out == null) {
                out = new StringBuilder(nfc.length()).append(nfc, 0, i);
            }
            if (out != null) {
                out.append(folded);
            }
        }
        return out == null ? nfc : out.toString();
    }

    /** Folded and lower-cased: the form of query text, suggestion prefixes and name keys. */
    public static String fold(String text) {
        return text == null ? null : foldPreservingLength(text).toLowerCase(java.util.Locale.ROOT);
    }

    private static char foldChar(char c) {
        switch (c) {
            case 'ß': return 's';
            case 'ø': return 'o';
            case 'Ø': return 'O';
            case 'ł': return 'l';
            case 'Ł': return 'L';
            case 'đ': return 'd';
            case 'Đ': return 'D';
            case 'ı': return 'i';
            case 'æ': return 'a';
            case 'Æ': return 'A';
            case 'œ': return 'o';
            case 'Œ': return 'O';
            case 'þ': return 't';
            case 'Þ': return 'T';
            case 'ð': return 'd';
            case 'Ð': return 'D';
            case '\u2019': return '\''; // typographic apostrophe, as in O’Brien
            default:
                break;
        }
        if (Character.isSurrogate(c)) {
            return c;
        }
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        char base = decomposed.charAt(0);
        // Only letters that decompose to "base letter + combining marks" fold; ligatures and symbols stay.
        if (decomposed.length() > 1 && Character.isLetter(base)
                && decomposed.chars().skip(1).allMatch(m -> Character.getType(m) == Character.NON_SPACING_MARK)) {
            return base;
        }
        return c;
    }
}
