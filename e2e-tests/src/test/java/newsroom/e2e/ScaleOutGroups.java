package newsroom.e2e;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;

import newsroom.events.Topics;

/**
 * The consumer groups that share the pipeline's work between instances (those reading the raw and the enriched
 * articles: the nlp-service's, the search indexer's, the alert matcher's), as Kafka's Admin API describes them.
 */
final class ScaleOutGroups implements AutoCloseable {
    private static final Set<String> SHARED_TOPICS = Set.of(Topics.RAW_ARTICLES, Topics.ENRICHED_ARTICLES);
    private static final long TIMEOUT_SECONDS = 10;

    /** One group on its topic: how many of the topic's partitions each member holds. */
    record Assignment(String group, String topic, int partitions, Map<String, Integer> byMember) {

        /** Every one of {@code instances} members holds some partitions, and together all of them. */
        boolean spreadOver(int instances) {
            return byMember.size() == instances && byMember.values().stream().allMatch(n -> n > 0) && complete();
        }

        /** A single member (the survivor) holds every partition. */
        boolean heldByOne() {
            return byMember.size() == 1 && complete();
        }

        private boolean complete() {
            return byMember.values().stream().mapToInt(Integer::intValue).sum() == partitions;
        }

        String describe() {
            return "%s on %s: %d partitions held %s".formatted(group, topic, partitions,
                    byMember.isEmpty() ? "by nobody" : byMember.values() + " by " + byMember.size() + " member(s)");
        }
    }

    private final Admin admin;

    ScaleOutGroups(String bootstrap) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    /** Every group holding partitions of the raw or enriched articles now. */
    List<Assignment> sharedGroups() throws Exception {
        Collection<ConsumerGroupListing> listed = admin.listConsumerGroups().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<Assignment> shared = new ArrayList<>();
        for (ConsumerGroupDescription group : describe(listed.stream().map(ConsumerGroupListing::groupId).toList())) {
            group.members().stream().flatMap(m -> m.assignment().topicPartitions().stream())
                    .map(TopicPartition::topic).filter(SHARED_TOPICS::contains).findFirst()
                    .ifPresent(topic -> shared.add(assignment(group, topic)));
        }
        return shared;
    }

    /** The same groups on the same topics as {@code before}, as they are now (members without partitions count). */
    List<Assignment> now(List<Assignment> before) throws Exception {
        List<ConsumerGroupDescription> groups = describe(before.stream().map(Assignment::group).toList());
        List<Assignment> now = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            now.add(assignment(groups.get(i), before.get(i).topic()));
        }
        return now;
    }

    /** The broker that coordinates a group (the one whose loss makes the group move). */
    int coordinator(String group) throws Exception {
        return describe(List.of(group)).get(0).coordinator().id();
    }

    private List<ConsumerGroupDescription> describe(List<String> ids) throws Exception {
        Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(ids).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return ids.stream().map(described::get).toList();
    }

    private Assignment assignment(ConsumerGroupDescription group, String topic) {
        Map<String, Integer> byMember = new TreeMap<>();
        for (MemberDescription member : group.members()) {
            byMember.put(member.consumerId(), (int) member.assignment().topicPartitions().stream()
                    .filter(tp -> tp.topic().equals(topic)).count());
        }
        return new Assignment(group.groupId(), topic, partitions(topic), byMember);
    }

    private int partitions(String topic) {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return -1;
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
