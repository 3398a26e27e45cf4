package newsroom.nlp.extraction;

import java.text.Normalizer;

/**
 * One-to-one character folding for matching: lower case, accents removed ("García" and "GARCIA" both become
 * "garcia"). One output character per input character, so offsets carry over unchanged.
 */
public final class TextFolding {
    private static final char[] TABLE = new char[0x2000];

    static {
        for (int c = 0; c < TABLE.length; c++) {
            char lower = Character.toLowerCase((char) c);
            String decomposed = Normalizer.normalize(String.valueOf(lower), Normalizer.Form.NFD);
            char base = decomposed.isEmpty() ? lower : decomposed.charAt(0);
            TABLE[c] = Character.isLetter(base) || Character.isDigit(base) ? base : lower;
        }
        TABLE['\u0131'] = 'i';
        TABLE['\u00F8'] = 'o';
        TABLE['\u00D8'] = 'o';
        TABLE['\u0142'] = 'l';
        TABLE['\u0141'] = 'l';
        TABLE['\u0111'] = 'd';
        TABLE['\u0110'] = 'd';
    }

    private TextFolding() {
    }

    public static char fold(char c) {
        return c < TABLE.length ? TABLE[c] : Character.toLowerCase(c);
    }

    public static String fold(CharSequence s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = fold(s.charAt(i));
        }
        return new String(out);
    }

    public static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    /** Lower-case, accent-free, dash-separated: the name part of a canonical id. */
    public static String slug(String s) {
        String folded = fold(s.replace("$", " usd ").replace("\u20AC", " eur ").replace("\u00A3", " gbp ")
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
}
