package newsroom.support.text;

import java.text.Normalizer;

/**
 * The one text folding of the project: lower case, accents and a few letters with no decomposition removed
 * ("García", "GARCIA" and "garcia" all become "garcia"; "Straße" becomes "strase"). The nlp-service folds
 * knowledge-base aliases with it and the search-service folds indexed text and queries with it, so a name's
 * knowledge-base key and its search key are the same string.
 *
 * <p>One output character per input character, so offsets in folded text are offsets in the original (the
 * extractor and the highlighter rely on that). {@link #key(String)} applies NFC first, for text that may arrive
 * decomposed.
 */
public final class TextFolding {
    private static final char[] TABLE = new char[0x2100];

    static {
        for (int c = 0; c < TABLE.length; c++) {
            TABLE[c] = Character.toLowerCase(stripAccent((char) c));
        }
    }

    private TextFolding() {
    }

    /** Lower case without accents; characters outside the table are only lower-cased. */
    public static char fold(char c) {
        return c < TABLE.length ? TABLE[c] : Character.toLowerCase(c);
    }

    /** {@link #fold(char)} on each character: the result has exactly the input's length. */
    public static String fold(CharSequence s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = fold(s.charAt(i));
        }
        return new String(out);
    }

    /** NFC, so that a decomposed accent becomes one precomposed letter that folds to one letter. */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** The matching key of a name, query or prefix: NFC, then folded. Null stays null. */
    public static String key(String text) {
        return text == null ? null : fold(normalize(text));
    }

    /** NFC, then accents removed but case kept (for text an analyzer lower-cases itself); same length as the NFC text. */
    public static String foldPreservingCase(String text) {
        if (text == null) {
            return null;
        }
        String nfc = normalize(text);
        StringBuilder out = null;
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            char folded = c < 0x80 ? c : stripAccent(c);
            if (folded != c && out == null) {
                out = new StringBuilder(nfc.length()).append(nfc, 0, i);
            }
            if (out != null) {
                out.append(folded);
            }
        }
        return out == null ? nfc : out.toString();
    }

    public static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    /** Lower-case, accent-free, dash-separated: the name part of a canonical entity id (see {@link EntityIds}). */
    public static String slug(String s) {
        String folded = fold(normalize(s).replace("$", " usd ").replace("\u20AC", " eur ").replace("\u00A3", " gbp ")
                .replace("%", " percent "));
        StringBuilder b = new StringBuilder(folded.length());
        boolean dash = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (dash && b.length() > 0) {
                    b.append('-');
                }
                b.append(c);
                dash = false;
            } else if (c == '.' && i > 0 && i + 1 < folded.length() && Character.isDigit(folded.charAt(i - 1))
                    && Character.isDigit(folded.charAt(i + 1))) {
                b.append('.'); // keep decimals: 2.1 is not 21
            } else if (c != '\'' && c != '.' && c != ',') {
                dash = true;
            }
        }
        return b.length() > 120 ? b.substring(0, 120) : b.toString();
    }

    /** The base letter of a letter with combining marks, a few undecomposable letters mapped by hand; else c. */
    private static char stripAccent(char c) {
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
        if (c < 0x80 || Character.isSurrogate(c)) {
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
