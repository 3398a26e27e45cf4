package newsroom.search.repository;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jboss.logging.Logger;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import jakarta.enterprise.context.ApplicationScoped;
import newsroom.search.config.SearchConfig;

/**
 * The versioned article index and its alias: created at startup when missing, written by article id (so a
 * redelivered article overwrites itself), read through the alias.
 */
@ApplicationScoped
public class ArticleIndex {
    private static final Logger LOG = Logger.getLogger(ArticleIndex.class);
    static final String MAPPING_RESOURCE = "elasticsearch/articles-mapping.json";

    private final ElasticsearchClient client;
    private final SearchConfig.Index config;
    private volatile boolean prepared;

    public ArticleIndex(ElasticsearchClient client, SearchConfig config) {
        this.client = client;
        this.config = config.index();
    }

    /** The name readers query. */
    public String alias() {
        return config.alias();
    }

    /** The versioned index this instance writes to. */
    public String writeIndex() {
        return config.name();
    }

    /**
     * {@link #ensureExists()} until it worked once: must succeed before the first bulk request, or Elasticsearch
     * would create the index itself with a guessed mapping.
     */
    public void prepare() throws IOException {
        if (!prepared) {
            ensureExists();
            prepared = true;
        }
    }

    public boolean prepared() {
        return prepared;
    }

    /** Creates the versioned index (and the alias when no index has it yet); idempotent and safe to race. */
    public void ensureExists() throws IOException {
        boolean aliasExists = client.indices().existsAlias(a -> a.name(config.alias())).value();
        if (!client.indices().exists(e -> e.index(config.name())).value()) {
            try (InputStream mapping = mapping()) {
                client.indices().create(c -> {
                    c.index(config.name())
                            .settings(s -> s.numberOfShards(String.valueOf(config.shards()))
                                    .numberOfReplicas(String.valueOf(config.replicas()))
                                    .refreshInterval(t -> t.time(config.refreshInterval())))
                            .mappings(m -> m.withJson(mapping));
                    if (!aliasExists) {
                        c.aliases(config.alias(), a -> a);
                    }
                    return c;
                });
                LOG.infof("created index %s%s", config.name(), aliasExists ? "" : " behind alias " + config.alias());
            } catch (ElasticsearchException e) {
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
            }
        } else {
            // a dynamic setting: an index made by an earlier version takes this one's value in place
            client.indices().putSettings(p -> p.index(config.name())
                    .settings(s -> s.refreshInterval(t -> t.time(config.refreshInterval()))));
            try (InputStream mapping = mapping()) {
                // Additive mapping changes apply in place; anything else needs a new index version.
                client.indices().putMapping(p -> p.index(config.name()).withJson(mapping));
            } catch (ElasticsearchException e) {
                LOG.warnf("the mapping of %s differs from this version's and cannot be updated in place (%s): "
                        + "give the index a new name (see README.md)", config.name(), e.getMessage());
            }
        }
        if (!aliasExists && !aliasTargets().contains(config.name())) {
            client.indices().putAlias(a -> a.index(config.name()).name(config.alias()));
        }
    }

    /** The indices the alias points at now (empty when it does not exist). */
    public Set<String> aliasTargets() throws IOException {
        if (!client.indices().existsAlias(a -> a.name(config.alias())).value()) {
            return Set.of();
        }
        return client.indices().getAlias(g -> g.name(config.alias())).result().keySet();
    }

    /** Points the alias at the write index only, in one atomic step. */
    public void switchAliasToWriteIndex() throws IOException {
        List<Action> actions = new ArrayList<>();
        for (String old : aliasTargets()) {
            if (!old.equals(config.name())) {
                actions.add(Action.of(a -> a.remove(r -> r.index(old).alias(config.alias()))));
            }
        }
        actions.add(Action.of(a -> a.add(ad -> ad.index(config.name()).alias(config.alias()))));
        client.indices().updateAliases(u -> u.actions(actions));
        LOG.infof("alias %s now points at %s", config.alias(), config.name());
    }

    /** True when {@code candidate} is a later version than {@code current} ({@code articles-v10} after {@code articles-v9}). */
    public static boolean isNewerVersion(String candidate, String current) {
        return version(candidate) > version(current);
    }

    static long version(String indexName) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)$").matcher(indexName);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** One bulk request; the caller inspects the per-item outcome. */
    public BulkOutcome bulkIndex(List<ArticleDocument> documents) throws IOException {
        List<BulkOperation> operations = new ArrayList<>(documents.size());
        for (ArticleDocument doc : documents) {
            operations.add(BulkOperation.of(o -> o.index(i -> i.index(config.name()).id(doc.id()).document(doc))));
        }
        BulkResponse response = client.bulk(b -> b.operations(operations));
        List<BulkOutcome.Failure> failures = new ArrayList<>();
        List<BulkResponseItem> items = response.items();
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            if (item.error() != null) {
                String reason = item.error().type() + ": " + item.error().reason();
                failures.add(new BulkOutcome.Failure(i, item.status(), item.error().type(), reason));
            }
        }
        return new BulkOutcome(documents.size(), failures);
    }

    /** Makes everything indexed so far visible to search (tests and the benchmark; the indexer never waits). */
    public void refresh() throws IOException {
        client.indices().refresh(r -> r.index(config.alias()));
    }

    private static InputStream mapping() {
        InputStream in = ArticleIndex.class.getClassLoader().getResourceAsStream(MAPPING_RESOURCE);
        if (in == null) {
            throw new UncheckedIOException(new IOException(MAPPING_RESOURCE + " is missing from the classpath"));
        }
        return in;
    }

    /** Per-item results of one bulk request. */
    public record BulkOutcome(int size, List<Failure> failures) {

        /**
         * Errors about the document itself: the same document will be refused again, whatever the cluster does.
         * Everything else (429, 5xx, a write block or read-only index as 403 {@code cluster_block_exception}, a
         * closed or missing index) is about the index or the cluster and passes: those are retried, never
         * dead-lettered.
         */
        static final Set<String> DOCUMENT_ERRORS = Set.of("mapper_parsing_exception", "document_parsing_exception",
                "strict_dynamic_mapping_exception", "illegal_argument_exception", "x_content_parse_exception",
                "json_parse_exception", "parse_exception", "number_format_exception");

        /**
         * @param position the document's position in the request
         * @param type Elasticsearch's error type, e.g. {@code document_parsing_exception}
         */
        public record Failure(int position, int status, String type, String reason) {
            /** Only a mapping or parse rejection of the document itself is permanent. */
            public boolean retryable() {
                return !(status == 400 && type != null && DOCUMENT_ERRORS.contains(type));
            }
        }
    }
}
