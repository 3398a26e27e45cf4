package newsroom.nlp.extraction;

/** Cheap tests of whether a text is prose at all (binary junk and symbol soup are not worth a model's time). */
public final class TextShape {
    private static final int SAMPLE = 5_000;

    private TextShape() {
    }

    /**
     * At least 70 % letters, digits and spaces, and at least one space per 25 characters (words, not a blob). Digits
     * count as text: a results table or a list of prices is news the model must read, not symbol soup.
     */
    public static boolean looksLikeProse(CharSequence text) {
        int n = Math.min(text.length(), SAMPLE);
        int letters = 0;
        int spaces = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\n') {
                spaces++;
            } else if (Character.isLetterOrDigit(c)) {
                letters++;
            }
        }
        return n > 0 && (letters + spaces) * 10 >= n * 7 && spaces * 25 >= n;
    }
}
