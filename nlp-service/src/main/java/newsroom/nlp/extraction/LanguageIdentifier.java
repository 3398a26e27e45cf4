package newsroom.nlp.extraction;

/** Tells the language of a text. Thread-safe. */
public interface LanguageIdentifier {

    /** ISO 639-1 code ("en", "es"…), or {@code null} when the text is too short or unclear to tell. */
    String identify(CharSequence text);

    /**
     * Whether {@code text} is {@code language} beyond doubt, not just a little more than English: a short English
     * text full of Spanish names ("Abrego García ... Bukele") may be told Spanish by a hair, and must not get the
     * Spanish model. By default, whenever {@link #identify} says {@code language}.
     */
    default boolean clearly(CharSequence text, String language) {
        return language.equals(identify(text));
    }

    /** For configurations without language identification: every text is taken as English. */
    LanguageIdentifier ENGLISH_ONLY = text -> "en";
}
