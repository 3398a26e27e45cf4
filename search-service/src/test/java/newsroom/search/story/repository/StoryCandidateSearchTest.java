package newsroom.search.story.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TermQuery;
import newsroom.search.repository.ArticleDocument.StoryKeys;
import newsroom.search.story.repository.StoryCandidateSearch.CandidateQuery;

class StoryCandidateSearchTest {

    @Test
    void looksUpEveryEntityAndOnlyTheHeaviestKeywordsOnTheBody() {
        Map<String, Double> terms = new LinkedHashMap<>();
        // light ones first, so that the order given is not the order kept
        for (int i = 1; i <= 20; i++) {
            terms.put("word" + i, i / 10.0);
        }
        terms.put("levee", 2.0);
        terms.put("breach", 2.0);
        Map<String, Double> entities = Map.of("Q1", 1.5, "Q2", 0.4);
        CandidateQuery q = new CandidateQuery("a1", Instant.parse("2026-10-14T08:00:00Z"),
                new StoryKeys(terms, entities, "en"));

        List<TermQuery> should = StoryCandidateSearch.candidateQuery(q, Duration.ofHours(72), 5).bool().should()
                .stream().map(Query::term).toList();

        assertThat(should).filteredOn(t -> t.field().equals("entityIds")).extracting(t -> t.value().stringValue())
                .containsExactlyInAnyOrder("Q1", "Q2");
        assertThat(should).filteredOn(t -> t.field().equals("bodyFolded")).extracting(t -> t.value().stringValue())
                .containsExactly("breach", "levee", "word20", "word19", "word18");
        assertThat(should).extracting(TermQuery::field).containsOnly("entityIds", "bodyFolded");
    }

    @Test
    void anArticleWithoutKeysIsNotSearched() {
        CandidateQuery q = new CandidateQuery("a2", Instant.parse("2026-10-14T08:00:00Z"),
                new StoryKeys(Map.of(), Map.of(), "en"));

        assertThat(StoryCandidateSearch.candidateQuery(q, Duration.ofHours(72), 15)).isNull();
    }
}
