package newsroom.events;

/** The one definition of the text that entity mention offsets index into: {@code title + "\n\n" + body}. */
public final class ArticleText {
    public static final String SEPARATOR = "\n\n";

    private ArticleText() {
    }

    public static String of(String title, String body) {
        String t = title == null ? "" : title;
        String b = body == null ? "" : body;
        return t + SEPARATOR + b;
    }
}
