package newsroom.nlp.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Finds the recognizer engines on the classpath. */
public final class NameRecognizers {

    private NameRecognizers() {
    }

    public static List<String> engines() {
        List<String> names = new ArrayList<>();
        ServiceLoader.load(NameRecognizerProvider.class).forEach(p -> names.add(p.engine()));
        return names;
    }

    /** @throws IllegalArgumentException when no provider of that engine is on the classpath */
    public static NameRecognizer create(String engine, Map<String, String> options) {
        for (NameRecognizerProvider p : ServiceLoader.load(NameRecognizerProvider.class)) {
            if (p.engine().equals(engine)) {
                return p.create(options);
            }
        }
        throw new IllegalArgumentException("No name recognizer '" + engine + "' on the classpath; found " + engines());
    }
}
