package newsroom.search.alert;

import static io.restassured.RestAssured.given;
import static newsroom.search.EnrichedArticles.article;
import static newsroom.search.EnrichedArticles.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import newsroom.events.EnrichedArticle;
import newsroom.search.alert.service.AlertMonitor;
import newsroom.stack.testing.LocalStackTestResource;

/**
 * Subscriptions changed by another instance (here: rows written straight to PostgreSQL, which is all another instance
 * does) reach this instance's monitor: created, edited, paused and deleted, and an article matches accordingly.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class AlertSubscriptionSyncIT extends AlertPipelineTest {
    @Inject
    DataSource dataSource;

    @Test
    void aSubscriptionWrittenElsewhereIsCreatedEditedPausedAndDeletedInTheMonitor() throws SQLException {
        String u = unique();
        String id = "sync-" + u;
        String source = "sync-" + u;
        sql("insert into search.alert_subscription (id, name, owner, q, entities, types, sources, active, "
                + "created_at, updated_at) values (?, 'elsewhere', 'another-instance', ?, '', '', '', true, now(), "
                + "now())", id, "lagoon" + u);
        await().atMost(WAIT).until(() -> monitor.entry(id) != null);
        assertThat(monitor.entry(id).target()).isEqualTo(AlertMonitor.Target.MONITOR);

        EnrichedArticle first = article("s1-" + u, source, Instant.parse("2025-10-01T08:00:00Z"),
                "Lagoon" + u + " report", "The lagoon" + u + " is rising.");
        kafka.send(first);
        await().atMost(WAIT).until(() -> matchedArticles(id).equals(Set.of(first.id())));

        // Edited elsewhere: the next article matches the new query, not the old one.
        sql("update search.alert_subscription set q = ?, updated_at = now() + interval '1 second' where id = ?",
                "quarry" + u, id);
        await().atMost(WAIT).until(() -> ("quarry" + u).equals(monitor.entry(id).subscription().query().text()));
        EnrichedArticle old = article("s2-" + u, source, Instant.parse("2025-10-01T09:00:00Z"), "Lagoon" + u,
                "Only the lagoon" + u + ".");
        EnrichedArticle fresh = article("s3-" + u, source, Instant.parse("2025-10-01T10:00:00Z"), "Quarry" + u,
                "The quarry" + u + " closed.");
        kafka.send(old);
        kafka.send(fresh);
        await().atMost(WAIT).until(() -> matchedArticles(id).equals(Set.of(first.id(), fresh.id())));

        sql("update search.alert_subscription set active = false, updated_at = now() + interval '2 seconds' "
                + "where id = ?", id);
        await().atMost(WAIT).until(() -> monitor.entry(id) == null);
        sql("update search.alert_subscription set active = true, updated_at = now() + interval '3 seconds' "
                + "where id = ?", id);
        await().atMost(WAIT).until(() -> monitor.entry(id) != null);
        sql("delete from search.alert_subscription where id = ?", id);
        await().atMost(WAIT).until(() -> monitor.entry(id) == null);
    }

    private void sql(String statement, String... values) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < values.length; i++) {
                s.setString(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    private Set<String> matchedArticles(String alert) {
        return new HashSet<>(given().get("/api/alerts/" + alert + "/matches").then().statusCode(200).extract()
                .jsonPath().getList("match.articleId", String.class));
    }
}
