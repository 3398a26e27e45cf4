package newsroom.nlp.extraction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import newsroom.nlp.ner.NameRecognizer;
import newsroom.nlp.ner.NameRecognizers;

/**
 * Name recognizers for languages other than English (Spanish: CoreNLP's AnCora model), each created on the first
 * text detected in its language: a service that never sees Spanish never pays the model's memory (about 95 MB of
 * heap for the Spanish CRF, measured) nor its 3 s of loading.
 */
public final class LanguageModels {
    private static final Logger LOG = Logger.getLogger(LanguageModels.class);

    public static final LanguageModels NONE = new LanguageModels(Map.of());

    private final Map<String, Supplier<NameRecognizer>> factories;
    private final Map<String, NameRecognizer> loaded = new ConcurrentHashMap<>();

    /** @param factories ISO 639-1 code → how to create its recognizer (called once, on first use) */
    public LanguageModels(Map<String, Supplier<NameRecognizer>> factories) {
        this.factories = Map.copyOf(factories);
    }

    /**
     * From settings such as {@code es=spanish}: language code, then the model option the engine is created with.
     * {@code none} (or no entry) gives no model besides English.
     */
    public static LanguageModels of(String engine, List<String> specs) {
        if ("none".equals(engine)) {
            return NONE;
        }
        Map<String, Supplier<NameRecognizer>> factories = new LinkedHashMap<>();
        for (String spec : specs) {
            String s = spec.strip();
            if (s.isEmpty() || "none".equals(s)) {
                continue;
            }
            int eq = s.indexOf('=');
            if (eq <= 0 || eq == s.length() - 1) {
                throw new IllegalArgumentException("language model '" + s + "' is not language=model (e.g. es=spanish)");
            }
            String model = s.substring(eq + 1).strip();
            factories.put(s.substring(0, eq).strip().toLowerCase(Locale.ROOT),
                    () -> NameRecognizers.create(engine, Map.of("model", model)));
        }
        return new LanguageModels(factories);
    }

    /** The recognizer of {@code language}, loaded now if this is its first text; {@code null} when none is set. */
    public NameRecognizer forLanguage(String language) {
        if (language == null || !factories.containsKey(language)) {
            return null;
        }
        return loaded.computeIfAbsent(language, l -> {
            long t0 = System.nanoTime();
            NameRecognizer recognizer = factories.get(l).get();
            LOG.infof("Name recognizer %s for language '%s' loaded on its first text, in %d ms", recognizer.name(), l,
                    (System.nanoTime() - t0) / 1_000_000);
            return recognizer;
        });
    }

    public Set<String> languages() {
        return factories.keySet();
    }

    /** Languages whose model is loaded already. */
    public Set<String> loadedLanguages() {
        return Set.copyOf(loaded.keySet());
    }
}
