package newsroom.nlp.extraction;

/** Tells the language of a text. Thread-safe. */
public interface LanguageIdentifier {

    /** ISO 639-1 code ("en", "es"…), or {@code null} when the text is too short or unclear to tell. */
    String identify(CharSequence text);

    /** For configurations without language identification: every text is taken as English. */
    LanguageIdentifier ENGLISH_ONLY = text -> "en";
}
