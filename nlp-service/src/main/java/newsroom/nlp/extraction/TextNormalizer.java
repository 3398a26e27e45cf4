package newsroom.nlp.extraction;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * First stage: repairs what real feeds send (UTF-8 read as Windows-1252/Latin-1, typographic quotes and dashes,
 * decomposed accents, odd spaces, CR line ends) while remembering, for every output character, the original range.
 * Newlines are kept: later stages treat them as sentence boundaries.
 */
public final class TextNormalizer {

    /** Windows-1252 bytes 0x80..0x9F as the characters a Latin-1/CP1252 decoder would have produced. */
    private static final String CP1252_HIGH = "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F"
            + "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

    public NormalizedText normalize(String original) {
        String s = original == null ? "" : original;
        int n = s.length();
        StringBuilder out = new StringBuilder(n);
        int[] starts = new int[n + 1];
        int[] ends = new int[n + 1];
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            int consumed = 1;
            String replacement = null;

            int mojibake = mojibakeLength(s, i);
            if (mojibake > 0) {
                replacement = decodeMojibake(s, i, mojibake);
                if (replacement != null) {
                    consumed = mojibake;
                }
            }
            if (replacement == null) {
                if (c == '\r') {
                    replacement = "\n";
                    if (i + 1 < n && s.charAt(i + 1) == '\n') {
                        consumed = 2;
                    }
                } else {
                    replacement = String.valueOf(c);
                }
            }
            for (int k = 0; k < replacement.length(); k++) {
                char r = canonicalChar(replacement.charAt(k));
                if (r == 0) {
                    continue; // invisible: soft hyphen, zero-width
                }
                int len = out.length();
                if (r == ' ' && len > 0 && out.charAt(len - 1) == ' ') {
                    ends[len - 1] = i + consumed; // collapse runs of spaces into the first one
                    continue;
                }
                if (Character.getType(r) == Character.NON_SPACING_MARK && len > 0) {
                    String composed = Normalizer.normalize(out.charAt(len - 1) + String.valueOf(r), Normalizer.Form.NFC);
                    if (composed.length() == 1) {
                        out.setCharAt(len - 1, composed.charAt(0));
                        ends[len - 1] = i + consumed;
                        continue;
                    }
                }
                if (len >= starts.length) {
                    starts = Arrays.copyOf(starts, len * 2 + 2);
                    ends = Arrays.copyOf(ends, len * 2 + 2);
                }
                out.append(r);
                starts[len] = i;
                ends[len] = i + consumed;
            }
            i += consumed;
        }
        return new NormalizedText(s, out.toString(), starts, ends);
    }

    /** Maps typographic punctuation to ASCII and odd spaces to a plain space; 0 drops the character. */
    static char canonicalChar(char c) {
        switch (c) {
            case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u02BC', '\u0060', '\u00B4':
                return '\'';
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB':
                return '"';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
                return '-';
            case '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF':
                return 0;
            case '\t', '\u00A0', '\u2002', '\u2003', '\u2009', '\u202F', '\u3000', '\u000B', '\u000C':
                return ' ';
            default:
                if (c < 0x20 && c != '\n') {
                    return ' ';
                }
                return c;
        }
    }

    /**
     * Length of a plausible UTF-8 sequence decoded as Windows-1252 starting at {@code i} (e.g. "Ã©" for "é",
     * "â€™" for "’"), or 0.
     */
    private static int mojibakeLength(String s, int i) {
        int lead = s.charAt(i);
        int expected;
        if (lead >= 0xC2 && lead <= 0xDF) {
            expected = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            expected = 3;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            expected = 4;
        } else {
            return 0;
        }
        if (i + expected > s.length()) {
            return 0;
        }
        for (int k = 1; k < expected; k++) {
            int b = cp1252Byte(s.charAt(i + k));
            if (b < 0x80 || b > 0xBF) {
                return 0;
            }
        }
        return expected;
    }

    private static String decodeMojibake(String s, int i, int length) {
        byte[] bytes = new byte[length];
        bytes[0] = (byte) s.charAt(i);
        for (int k = 1; k < length; k++) {
            bytes[k] = (byte) cp1252Byte(s.charAt(i + k));
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static int cp1252Byte(char c) {
        if (c >= 0xA0 && c <= 0xFF) {
            return c;
        }
        if (c >= 0x80 && c <= 0x9F) {
            return c; // Latin-1 decoding keeps C1 controls as they are
        }
        int idx = CP1252_HIGH.indexOf(c);
        return idx >= 0 ? 0x80 + idx : -1;
    }
}
