package newsroom.search.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntityMergesTest {

    @Test
    void mergesAreFollowedTransitivelyAndBothWays() {
        EntityMerges merges = new EntityMerges();
        merges.merged("person:a", "person:b");
        merges.merged("person:b", "person:c");
        merges.merged("person:x", "person:y");

        assertThat(merges.survivor("person:a")).isEqualTo("person:c");
        assertThat(merges.sameEntity("person:c")).containsExactly("person:c", "person:a", "person:b");
        assertThat(merges.sameEntity("person:a")).containsExactlyInAnyOrder("person:c", "person:a", "person:b");
        assertThat(merges.sameEntity("person:z")).containsExactly("person:z");
    }

    @Test
    void aCycleDoesNotLoopForever() {
        EntityMerges merges = new EntityMerges();
        merges.merged("org:a", "org:b");
        merges.merged("org:b", "org:a");

        assertThat(merges.survivor("org:a")).isEqualTo("org:a");
        assertThat(merges.survivor("org:b")).isEqualTo("org:a");
        assertThat(merges.sameEntity("org:b")).containsExactlyInAnyOrder("org:a", "org:b");
    }
}
