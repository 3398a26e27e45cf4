package newsroom.nlp.ner;

/** One name found by a {@link NameRecognizer}: [start, end) in the text it was given. */
public record RecognizedName(int start, int end, NameType type) {

    /** The coarse classes of CoNLL-style models. */
    public enum NameType {
        PERSON, ORGANIZATION, LOCATION, MISC
    }
}
