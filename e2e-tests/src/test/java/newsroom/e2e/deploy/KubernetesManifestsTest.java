package newsroom.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Kubernetes manifests ({@code deploy/kubernetes}) checked against the code they deploy, since no cluster runs
 * here: ports, probes, resources, autoscaling targets, consumer groups and topics, environment variables and the
 * names the operators give their servers. A renamed topic, group, port or setting fails here, not in a cluster.
 */
class KubernetesManifestsTest {
    private static final Path ROOT = Path.of(System.getProperty("newsroom.root", "..")).toAbsolutePath().normalize();
    private static final Path DIR = ROOT.resolve("deploy/kubernetes");
    private static final List<String> SERVICES = List.of("ingest-service", "nlp-service", "search-service");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");

    private final List<JsonNode> docs = load();

    @Test
    void theKustomizationNamesEveryManifest() throws IOException {
        JsonNode kustomization = new YAMLMapper().readTree(DIR.resolve("kustomization.yaml").toFile());
        Set<String> named = new TreeSet<>();
        kustomization.get("resources").forEach(r -> named.add(r.asText()));
        assertThat(named).isEqualTo(manifestFiles().stream().map(p -> DIR.relativize(p).toString())
                .filter(p -> !p.equals("kustomization.yaml")).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void eachServiceRunsOnItsPortWithProbesResourcesABudgetAndAnAutoscaler() throws IOException {
        for (String service : SERVICES) {
            JsonNode deployment = one("Deployment", service);
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            assertThat(container.at("/ports/0/containerPort").asText()).as(service + " port")
                    .isEqualTo(properties(service).getProperty("quarkus.http.port"));
            assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                assertThat(container.at("/" + probe + "/httpGet/port").asText()).isEqualTo("http");
            }
            assertThat(container.at("/resources/requests/cpu").isMissingNode()).as(service + " cpu").isFalse();
            assertThat(container.at("/resources/requests/memory").asText())
                    .isEqualTo(container.at("/resources/limits/memory").asText()).isNotEmpty();
            JsonNode labels = deployment.at("/spec/template/metadata/labels");
            deployment.at("/spec/selector/matchLabels").fields()
                    .forEachRemaining(e -> assertThat(labels.get(e.getKey())).isEqualTo(e.getValue()));
            assertThat(one("Service", service).at("/spec/selector")).isEqualTo(deployment.at("/spec/selector/matchLabels"));
            assertThat(one("Service", service).at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
            assertThat(one("PodDisruptionBudget", service).at("/spec/selector/matchLabels"))
                    .isEqualTo(deployment.at("/spec/selector/matchLabels"));
            boolean scaled = docs.stream().anyMatch(d -> d.at("/spec/scaleTargetRef/name").asText().equals(service));
            assertThat(scaled).as(service + " has an autoscaler").isTrue();
        }
    }

    @Test
    void lagScalingWatchesTheGroupsAndTopicsTheServicesConsumeAndStaysWithinThePartitions() throws IOException {
        for (JsonNode scaled : kind("ScaledObject")) {
            String service = scaled.at("/spec/scaleTargetRef/name").asText();
            Set<String> consumed = consumedGroupsAndTopics(service);
            for (JsonNode trigger : scaled.at("/spec/triggers")) {
                String topic = trigger.at("/metadata/topic").asText();
                assertThat(consumed).as(service + " consumes").contains(trigger.at("/metadata/consumerGroup").asText()
                        + " @ " + topic);
                int partitions = one("KafkaTopic", topic).at("/spec/partitions").asInt();
                assertThat(scaled.at("/spec/maxReplicaCount").asInt()).isLessThanOrEqualTo(partitions);
            }
        }
    }

    @Test
    void everyTopicTheServicesUseIsDeclaredReplicatedThreeTimesAndAcknowledgedByTwo() throws IOException {
        Set<String> used = new TreeSet<>();
        for (String service : SERVICES) {
            Properties p = properties(service);
            p.stringPropertyNames().stream().filter(k -> !k.startsWith("%") && k.endsWith(".topic"))
                    .forEach(k -> used.add(resolve(p, p.getProperty(k))));
        }
        Set<String> declared = kind("KafkaTopic").stream().map(t -> t.at("/metadata/name").asText())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(declared).containsAll(used);
        kind("KafkaTopic").forEach(t -> assertThat(t.at("/spec/replicas").asInt()).isEqualTo(3));
        JsonNode kafka = kind("Kafka").get(0);
        assertThat(kafka.at("/spec/kafka/config/min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(kafka.at("/spec/kafka/config/auto.create.topics.enable").asBoolean()).isFalse();
        assertThat(kind("KafkaNodePool").get(0).at("/spec/replicas").asInt()).isEqualTo(3);
    }

    @Test
    void theServicesAreToldTheNamesTheOperatorsGiveTheirServersAndSecrets() {
        JsonNode config = one("ConfigMap", "newsroom-config").get("data");
        String kafka = kind("Kafka").get(0).at("/metadata/name").asText();
        String postgres = kind("Cluster").get(0).at("/metadata/name").asText();
        String elasticsearch = kind("Elasticsearch").get(0).at("/metadata/name").asText();
        assertThat(config.get("KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo(kafka + "-kafka-bootstrap:9092");
        assertThat(config.get("QUARKUS_DATASOURCE_JDBC_URL").asText())
                .isEqualTo("jdbc:postgresql://" + postgres + "-rw:5432/newsroom");
        assertThat(config.get("NEWSROOM_ELASTICSEARCH_HOSTS").asText()).isEqualTo("http://" + elasticsearch + "-es-http:9200");
        Set<String> secrets = new HashSet<>();
        kind("Deployment").forEach(d -> d.at("/spec/template/spec/containers/0/env").forEach(e -> {
            if (!e.at("/valueFrom/secretKeyRef/name").isMissingNode()) {
                secrets.add(e.at("/valueFrom/secretKeyRef/name").asText());
            }
        }));
        assertThat(secrets).containsExactlyInAnyOrder(postgres + "-app", elasticsearch + "-es-elastic-user");
        kind("ScaledObject").forEach(s -> s.at("/spec/triggers").forEach(t -> assertThat(
                t.at("/metadata/bootstrapServers").asText()).isEqualTo(config.get("KAFKA_BOOTSTRAP_SERVERS").asText())));
    }

    @Test
    void everyEnvironmentVariableSetsASettingTheServiceHas() throws IOException {
        Set<String> anyService = new HashSet<>();
        for (String service : SERVICES) {
            JsonNode container = one("Deployment", service).at("/spec/template/spec/containers/0");
            Set<String> names = new TreeSet<>();
            container.get("env").forEach(e -> names.add(e.get("name").asText()));
            names.remove("JAVA_OPTS_APPEND"); // read by the image's start script, not by the service
            Set<String> known = knownSettings(service);
            assertThat(names).as(service + " environment").allMatch(known::contains);
            anyService.addAll(known);
        }
        Set<String> shared = new TreeSet<>();
        one("ConfigMap", "newsroom-config").get("data").fieldNames().forEachRemaining(shared::add);
        assertThat(shared).as("the shared configuration").allMatch(anyService::contains);
    }

    /** Settings a service has, in environment-variable form: its properties, the shared ones, its mapped ones. */
    private static Set<String> knownSettings(String service) throws IOException {
        Set<String> keys = new HashSet<>(properties(service).stringPropertyNames());
        Properties shared = new Properties();
        try (Reader r = Files.newBufferedReader(
                ROOT.resolve("service-support/src/main/resources/META-INF/microprofile-config.properties"))) {
            shared.load(r);
        }
        keys.addAll(shared.stringPropertyNames());
        keys.add("quarkus.http.host");
        if (service.equals("search-service")) { // ElasticsearchConfig's optional login, unset by default
            keys.add("newsroom.elasticsearch.username");
            keys.add("newsroom.elasticsearch.password");
        }
        return keys.stream().filter(k -> !k.startsWith("%")).map(k -> k.replaceAll("[^A-Za-z0-9]", "_").toUpperCase())
                .collect(Collectors.toSet());
    }

    /** "group @ topic" for every incoming channel of a service. */
    private static Set<String> consumedGroupsAndTopics(String service) throws IOException {
        Properties p = properties(service);
        Set<String> pairs = new HashSet<>();
        Pattern channel = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");
        for (String key : p.stringPropertyNames()) {
            Matcher m = channel.matcher(key);
            if (m.matches()) {
                String group = p.getProperty("mp.messaging.incoming." + m.group(1) + ".group.id");
                pairs.add(resolve(p, String.valueOf(group)) + " @ " + resolve(p, p.getProperty(key)));
            }
        }
        return pairs;
    }

    private static String resolve(Properties p, String value) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String found = p.getProperty(m.group(1), m.group(2));
            // one the file cannot resolve (set at run time, like quarkus.uuid) stays as it is
            m.appendReplacement(out, Matcher.quoteReplacement(found == null ? m.group() : resolve(p, found)));
        }
        return m.appendTail(out).toString();
    }

    private static Properties properties(String service) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(ROOT.resolve(service + "/src/main/resources/application.properties"))) {
            p.load(r);
        }
        return p;
    }

    private JsonNode one(String kind, String name) {
        return kind(kind).stream().filter(d -> d.at("/metadata/name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private List<JsonNode> kind(String kind) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }

    private static List<Path> manifestFiles() throws IOException {
        try (Stream<Path> files = Files.walk(DIR)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static List<JsonNode> load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<JsonNode> all = new ArrayList<>();
        try {
            for (Path file : manifestFiles()) {
                if (!file.endsWith("kustomization.yaml")) {
                    yaml.readValues(yaml.getFactory().createParser(file.toFile()), JsonNode.class).readAll().stream()
                            .filter(d -> d != null && !d.isNull()).forEach(all::add);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return all;
    }
}
