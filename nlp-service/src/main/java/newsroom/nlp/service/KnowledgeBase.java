package newsroom.nlp.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import newsroom.events.EventJson;
import newsroom.nlp.KbEntry;
import newsroom.nlp.config.NlpConfig;
import newsroom.nlp.extraction.KnowledgeBaseIndex;
import newsroom.nlp.repository.KnowledgeBaseRepository;

/**
 * The knowledge base as the extractor sees it: an immutable index swapped atomically. Every instance polls the
 * version counter in the {@code nlp} schema each second and rebuilds its index when another instance (or its own
 * curation API) changed the knowledge base, so changes reach every extractor within about a second, without restart.
 */
@ApplicationScoped
public class KnowledgeBase {
    private static final Logger LOG = Logger.getLogger(KnowledgeBase.class);

    private final KnowledgeBaseRepository repository;
    private final NlpConfig config;
    private final AtomicReference<KnowledgeBaseIndex> index = new AtomicReference<>(KnowledgeBaseIndex.empty());
    private volatile boolean loaded;

    public KnowledgeBase(KnowledgeBaseRepository repository, NlpConfig config) {
        this.repository = repository;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.knowledgeBase().loadStarter()) {
            String resource = config.knowledgeBase().starterResource();
            byte[] bytes = readResource(resource);
            int inserted = repository.seed(resource, sha256(bytes), parseJsonLines(bytes));
            LOG.infof("Starter knowledge base %s: %d entities inserted", resource, inserted);
        }
        reload();
    }

    /** Cheap check of the version counter; rebuilds the index only when it moved. */
    @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            if (repository.currentVersion() != index.get().version() || !loaded) {
                reload();
            }
        } catch (RuntimeException e) {
            LOG.warnf("Knowledge base poll failed (keeping version %d): %s", index.get().version(), e.getMessage());
        }
    }

    /** Rebuilds the index from the database now. */
    public synchronized void reload() {
        KnowledgeBaseRepository.Snapshot snapshot = repository.loadAll();
        if (loaded && snapshot.version() == index.get().version()) {
            return;
        }
        long t0 = System.nanoTime();
        KnowledgeBaseIndex built = KnowledgeBaseIndex.of(snapshot.version(), snapshot.entries());
        index.set(built);
        loaded = true;
        LOG.infof("Knowledge base version %d: %d entities, %d aliases, index built in %d ms", built.version(),
                built.size(), built.aliasCount(), (System.nanoTime() - t0) / 1_000_000);
    }

    public KnowledgeBaseIndex index() {
        return index.get();
    }

    public boolean isLoaded() {
        return loaded;
    }

    public static List<KbEntry> parseJsonLines(byte[] bytes) {
        List<KbEntry> entries = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    entries.add(EventJson.fromJson(line, KbEntry.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static byte[] readResource(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Starter knowledge base not found on the classpath: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
