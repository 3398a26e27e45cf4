package newsroom.nlp.ner.corenlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.Triple;
import newsroom.nlp.ner.NameRecognizer;
import newsroom.nlp.ner.RecognizedName;
import newsroom.nlp.ner.RecognizedName.NameType;

/**
 * Stanford CoreNLP's CRF named-entity classifier, called directly rather than through a {@code StanfordCoreNLP}
 * pipeline: only the CRF runs (no part-of-speech tagger, no SUTime, no fine-grained regexner gazetteers, whose files
 * are not shipped), which is what the pipeline settings {@code ner.applyFineGrained=false}, {@code ner.useSUTime=false}
 * and no {@code pos} annotator amount to. Newlines always end a sentence (as
 * {@code ssplit.newlineIsSentenceBreak=always}): the text is classified line by line, and long lines in chunks
 * cut at sentence ends, so a 5 MB text never becomes one huge sequence.
 */
public final class CoreNlpNameRecognizer implements NameRecognizer {

    public static final String CONLL_4CLASS = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";
    public static final String ALL_3CLASS = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";
    /** Spanish, trained on AnCora and LDC newswire; its classes are the English ones (PERSON, ORGANIZATION, LOCATION, MISC). */
    public static final String SPANISH_4CLASS = "edu/stanford/nlp/models/ner/spanish.ancora.distsim.s512.crf.ser.gz";

    /** Longest piece given to the CRF at once, in characters. */
    static final int MAX_CHUNK = 4_000;

    private final CRFClassifier<CoreLabel> classifier;
    private final String name;

    public CoreNlpNameRecognizer(String modelPath) {
        try {
            Properties props = new Properties();
            // keep offsets invertible; junk characters are kept silently instead of logged one by one; hyphenated
            // words stay one token as in the models' CoNLL training data, so "Jean-Pierre Rampal" and "Al-Ahly"
            // are not cut at the hyphen (CoreNLP 4 splits them by default)
            props.setProperty("tokenizerOptions", "invertible=true,untokenizable=noneKeep,splitHyphenated=false");
            this.classifier = CRFClassifier.getClassifier(modelPath, props);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot load CoreNLP model " + modelPath, e);
        }
        String file = modelPath.substring(modelPath.lastIndexOf('/') + 1);
        int cut = file.indexOf(".distsim");
        this.name = "corenlp-crf-" + (cut > 0 ? file.substring(0, cut) : file).replace("english.", "");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<RecognizedName> recognize(String text) {
        List<RecognizedName> names = new ArrayList<>();
        int n = text.length();
        int lineStart = 0;
        while (lineStart < n) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            int chunkStart = lineStart;
            while (chunkStart < lineEnd) {
                int chunkEnd = chunkEnd(text, chunkStart, lineEnd);
                classify(text, chunkStart, chunkEnd, names);
                chunkStart = chunkEnd;
            }
            lineStart = lineEnd + 1;
        }
        return names;
    }

    private void classify(String text, int start, int end, List<RecognizedName> out) {
        String piece = text.substring(start, end);
        if (piece.isBlank()) {
            return;
        }
        for (Triple<String, Integer, Integer> t : classifier.classifyToCharacterOffsets(piece)) {
            NameType type = type(t.first());
            if (type != null && t.second() < t.third()) {
                out.add(new RecognizedName(start + t.second(), start + t.third(), type));
            }
        }
    }

    /** End of the chunk starting at {@code start}: the line end, or the last sentence end (else space) before the limit. */
    static int chunkEnd(String text, int start, int lineEnd) {
        if (lineEnd - start <= MAX_CHUNK) {
            return lineEnd;
        }
        int limit = start + MAX_CHUNK;
        for (int i = limit; i > start + MAX_CHUNK / 2; i--) {
            char c = text.charAt(i - 1);
            if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        for (int i = limit; i > start + MAX_CHUNK / 2; i--) {
            if (Character.isWhitespace(text.charAt(i - 1))) {
                return i;
            }
        }
        return limit;
    }

    private static NameType type(String label) {
        return switch (label) {
            case "PERSON", "PER", "I-PER", "B-PER" -> NameType.PERSON;
            case "ORGANIZATION", "ORG", "I-ORG", "B-ORG" -> NameType.ORGANIZATION;
            case "LOCATION", "LOC", "I-LOC", "B-LOC" -> NameType.LOCATION;
            case "MISC", "I-MISC", "B-MISC" -> NameType.MISC;
            default -> null;
        };
    }
}
