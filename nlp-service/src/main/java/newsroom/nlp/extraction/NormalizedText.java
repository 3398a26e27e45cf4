package newsroom.nlp.extraction;

/**
 * Text after normalization, with the way back to the original: every normalized character knows the original range
 * it came from, so mentions found on the normalized text are reported at original offsets.
 */
public final class NormalizedText {
    private final String original;
    private final String text;
    private final int[] originalStart;
    private final int[] originalEnd;

    NormalizedText(String original, String text, int[] originalStart, int[] originalEnd) {
        this.original = original;
        this.text = text;
        this.originalStart = originalStart;
        this.originalEnd = originalEnd;
    }

    public String original() {
        return original;
    }

    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    /** Original offset where the normalized range starting at {@code start} begins. */
    public int originalStart(int start) {
        return start >= text.length() ? original.length() : originalStart[start];
    }

    /** Original offset (exclusive) where the normalized range ending at {@code end} (exclusive) ends. */
    public int originalEnd(int end) {
        return end <= 0 ? 0 : originalEnd[end - 1];
    }
}
