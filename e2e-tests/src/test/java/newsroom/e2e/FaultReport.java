package newsroom.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;

import newsroom.e2e.FaultLedger.Ack;

/**
 * The table: for each fault's window and for the whole run, acknowledged articles against what search, the alerts
 * and the dead-letter topics show at the end. Every shortfall is also kept as a sentence for the assertion message.
 */
final class FaultReport {

    record Row(String fault, int acknowledged, int searchable, int duplicates, String alerts, String deadLettered,
            String recovery) {
    }

    /** What the audits found, for the whole run. */
    record Findings(List<JsonNode> hits, Map<String, List<String>> recorded,
            Map<String, Map<String, Integer>> published, Map<String, List<ConsumerRecord<byte[], byte[]>>> deadLetters,
            List<FaultTopics.Poison> poison, String run,
            java.util.function.Predicate<ConsumerRecord<byte[], byte[]>> predatesRun) {
    }

    private final FaultLedger ledger;
    private final List<FaultAlerts.Subscription> subscriptions;
    private final Findings found;
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Integer> hitsById = new HashMap<>();
    private final Map<String, Set<String>> idsByUrl = new HashMap<>();
    /** Dead-letter records of this run's poison (by window of the poison), and all others (by their timestamp). */
    private final Map<Integer, Integer> unexpectedDeadLetters = new HashMap<>();
    private final int poisonWindow;
    private String poisonSummary = "";
    /** Dead letters of records already on the topics when the run began (older poison a new group reached). */
    private int predating;
    private final List<Row> rows;

    FaultReport(FaultLedger ledger, List<FaultAlerts.Subscription> subscriptions, Findings found, int poisonWindow) {
        this.ledger = ledger;
        this.subscriptions = subscriptions;
        this.found = found;
        this.poisonWindow = poisonWindow;
        for (JsonNode hit : found.hits()) {
            hitsById.merge(hit.path("id").asText(), 1, Integer::sum);
            idsByUrl.computeIfAbsent(hit.path("url").asText(), u -> new HashSet<>()).add(hit.path("id").asText());
        }
        auditDeadLetters();
        rows = build();
    }

    List<Row> rows() {
        return rows;
    }

    private List<Row> build() {
        List<Row> rows = new ArrayList<>();
        List<FaultLedger.Window> windows = ledger.windows();
        for (int w = 0; w < windows.size(); w++) {
            int window = w;
            rows.add(row(windows.get(w).fault, a -> a.window() == window, window, recovery(windows.get(w), w)));
        }
        Duration worst = windows.stream().skip(1).map(x -> x.recovery).filter(d -> d != null)
                .max(Duration::compareTo).orElse(null);
        boolean allRecovered = windows.stream().skip(1).allMatch(x -> x.recovery != null);
        rows.add(row("**whole run**", a -> true, -1, windows.size() == 1 ? "—"
                : allRecovered ? "max " + seconds(worst) : "NOT RECOVERED (see above)"));
        return rows;
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    private Row row(String fault, Predicate<Ack> in, int window, String recovery) {
        List<Ack> acks = ledger.acks().stream().filter(in).toList();
        Set<String> ids = new HashSet<>();
        acks.forEach(a -> ids.add(a.id()));
        int searchable = 0;
        int duplicates = 0;
        List<String> lost = new ArrayList<>();
        for (String id : ids) {
            int n = hitsById.getOrDefault(id, 0);
            searchable += n > 0 ? 1 : 0;
            duplicates += Math.max(0, n - 1);
            if (n == 0) {
                lost.add(id);
            }
        }
        Set<String> urls = new HashSet<>();
        acks.forEach(a -> urls.add(a.url()));
        for (String url : urls) {
            duplicates += Math.max(0, idsByUrl.getOrDefault(url, Set.of()).size() - 1);
        }
        if (!lost.isEmpty()) {
            failures.add(fault + ": " + lost.size() + " acknowledged articles not searchable, e.g. "
                    + lost.subList(0, Math.min(5, lost.size())));
        }
        if (duplicates > 0) {
            failures.add(fault + ": " + duplicates + " duplicate documents");
        }
        if (window >= 0) {
            ledger.window(window).notes.stream().filter(n -> n.startsWith("FAILED"))
                    .forEach(n -> failures.add(fault + ": " + n));
        }
        return new Row(fault, ids.size(), searchable, duplicates, alerts(fault, acks, window < 0),
                deadLettered(fault, window), recovery);
    }

    private String alerts(String fault, List<Ack> acks, boolean wholeRun) {
        int expected = 0;
        int fired = 0;
        int wrong = 0;
        int notPublished = 0;
        int republished = 0;
        Set<String> inWindow = new HashSet<>();
        acks.forEach(a -> inWindow.add(a.id()));
        for (FaultAlerts.Subscription s : subscriptions) {
            List<String> recorded = found.recorded().getOrDefault(s.id(), List.of());
            Map<String, Integer> published = found.published().getOrDefault(s.id(), Map.of());
            Set<String> recordedIds = new HashSet<>(recorded);
            int repeated = recorded.size() - recordedIds.size();
            if (recorded.size() >= FaultAlerts.API_LIMIT) {
                // The API lists only the newest matches: past its limit, what was published is the record.
                recordedIds = new HashSet<>(published.keySet());
                repeated = 0;
                if (wholeRun) {
                    ledger.window(0).notes.add("the " + s.name() + " has more matches than /api/alerts/{id}/matches "
                            + "lists (" + FaultAlerts.API_LIMIT + "), so its matches were read from news.alerts");
                }
            }
            for (Ack a : acks) {
                boolean should = s.matches().test(a);
                boolean did = recordedIds.contains(a.id());
                expected += should ? 1 : 0;
                fired += should && did ? 1 : 0;
                wrong += !should && did ? 1 : 0;
                int times = published.getOrDefault(a.id(), 0);
                notPublished += should && times == 0 ? 1 : 0;
                republished += Math.max(0, times - 1);
            }
            if (wholeRun) {
                // a match for an article the run never acknowledged is wrong too; so is a match id listed twice
                wrong += (int) recordedIds.stream().filter(id -> !inWindow.contains(id)).count() + repeated;
            }
        }
        String text = fired + "/" + expected;
        if (wrong > 0) {
            text += ", " + wrong + " wrong";
            failures.add(fault + ": " + wrong + " alert matches for articles that do not match (or listed twice)");
        }
        if (fired < expected) {
            failures.add(fault + ": " + (expected - fired) + " matching articles never fired their subscription");
        }
        if (notPublished > 0) {
            text += ", " + notPublished + " not on news.alerts";
            failures.add(fault + ": " + notPublished + " recorded matches never published on news.alerts");
        }
        if (republished > 0) {
            text += " (" + republished + " re-sent on news.alerts)";
        }
        return text;
    }

    private void auditDeadLetters() {
        Map<String, Integer> copies = new HashMap<>();
        StringBuilder problems = new StringBuilder();
        for (Map.Entry<String, List<ConsumerRecord<byte[], byte[]>>> topic : found.deadLetters().entrySet()) {
            for (ConsumerRecord<byte[], byte[]> record : topic.getValue()) {
                String key = FaultTopics.text(record.key());
                String value = FaultTopics.text(record.value());
                FaultTopics.Poison poison = found.poison().stream()
                        .filter(p -> topic.getKey().equals(p.topic() + ".dlq")
                                && (p.key().equals(key) || p.value().equals(value)))
                        .findFirst().orElse(null);
                if (poison != null) {
                    String reason = FaultTopics.header(record, "dead-letter-reason");
                    if (reason == null || reason.isBlank()) {
                        failures.add("poison on " + poison.topic() + " dead-lettered without a dead-letter-reason");
                    }
                    String group = String.valueOf(FaultTopics.header(record, "dead-letter-consumer-group"));
                    copies.merge(poison.key() + "|" + group, 1, Integer::sum);
                } else if (isEarlierRunPoison(key, value) || found.predatesRun().test(record)) {
                    predating++;
                    continue;
                } else {
                    int window = ledger.windowAt(java.time.Instant.ofEpochMilli(record.timestamp()));
                    unexpectedDeadLetters.merge(window, 1, Integer::sum);
                    failures.add(topic.getKey() + " holds a record the suite did not inject (window "
                            + ledger.window(window).fault + "): key " + key + ", reason "
                            + FaultTopics.header(record, "dead-letter-reason") + ", value "
                            + FaultApi.abbreviate(value));
                }
            }
        }
        int present = 0;
        for (FaultTopics.Poison p : found.poison()) {
            boolean there = copies.keySet().stream().anyMatch(k -> k.startsWith(p.key() + "|"));
            present += there ? 1 : 0;
            if (!there) {
                failures.add("the poison record on " + p.topic() + " is not in " + p.topic() + ".dlq");
            }
        }
        int extra = copies.values().stream().mapToInt(n -> n - 1).sum();
        if (extra > 0) {
            failures.add(extra + " extra copies of poison records in the dead-letter topics " + copies);
            problems.append(", ").append(extra).append(" extra copies");
        }
        poisonSummary = present + "/" + found.poison().size() + problems;
        if (predating > 0) {
            ledger.window(0).notes.add(predating + " dead letters of records that were on the topics before the run "
                    + "(other tests' poison, reached by a consumer group new to the topic): not counted");
        }
    }

    private boolean isEarlierRunPoison(String key, String value) {
        String prefix = FaultTopics.POISON_PREFIX;
        return (key != null && key.startsWith(prefix) && !key.contains(found.run()))
                || (value != null && value.startsWith(prefix) && !value.contains(found.run()));
    }

    private String deadLettered(String fault, int window) {
        int unexpected = window < 0 ? unexpectedDeadLetters.values().stream().mapToInt(Integer::intValue).sum()
                : unexpectedDeadLetters.getOrDefault(window, 0);
        String base = window == poisonWindow || (window < 0 && poisonWindow >= 0) ? poisonSummary : "0";
        return unexpected == 0 ? base : base + ", " + unexpected + " unexpected";
    }

    private String recovery(FaultLedger.Window window, int index) {
        if (index == 0) {
            return "—";
        }
        if (window.recovery == null) {
            failures.add(window.fault + ": not back to ready and delivering within the recovery timeout");
            return "NOT RECOVERED";
        }
        return seconds(window.recovery);
    }

    private static String seconds(Duration d) {
        return "%.1f s".formatted(d.toMillis() / 1000.0);
    }

    static String markdown(List<Row> rows) {
        StringBuilder table = new StringBuilder(
                "| fault | acknowledged | searchable | duplicates | alerts | dead-lettered | time to recover |\n"
                        + "|---|---:|---:|---:|---|---|---:|\n");
        for (Row r : rows) {
            table.append("| %s | %d | %d | %d | %s | %s | %s |%n".formatted(r.fault(), r.acknowledged(),
                    r.searchable(), r.duplicates(), r.alerts(), r.deadLettered(), r.recovery()));
        }
        return table.toString();
    }
}
