package newsroom.nlp.extraction;

/**
 * The line around a position, looked for at most {@link #MAX} characters either way. Checks made once per mention
 * (is this a table header, a line in capitals) must not scan a whole line each time: on one huge line with thousands
 * of mentions that is quadratic, and a crafted article could hold a core for minutes.
 */
record ShortLine(int from, int to) {
    /** Longer than any headline, dateline or table row these checks are about. */
    static final int MAX = 400;

    /** The line holding {@code at}, or null when it is longer than {@link #MAX} (then it is prose, not a header). */
    static ShortLine around(String text, int at) {
        int from = at;
        while (from > 0 && text.charAt(from - 1) != '\n') {
            if (at - from >= MAX) {
                return null;
            }
            from--;
        }
        int to = at;
        while (to < text.length() && text.charAt(to) != '\n') {
            if (to - from >= MAX) {
                return null;
            }
            to++;
        }
        return new ShortLine(from, to);
    }

    /** Where the line holding {@code end - 1} starts, or {@code end - MAX} if that is nearer. */
    static int startBefore(String text, int end) {
        int from = end;
        while (from > 0 && end - from < MAX && text.charAt(from - 1) != '\n') {
            from--;
        }
        return from;
    }

    String of(String text) {
        return text.substring(from, to);
    }
}
