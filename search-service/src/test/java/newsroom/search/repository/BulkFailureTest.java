package newsroom.search.repository;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import newsroom.search.repository.ArticleIndex.BulkOutcome.Failure;

/** Only a rejection of the document itself is permanent; anything about the index or the cluster is retried. */
class BulkFailureTest {

    @Test
    void mappingAndParseRejectionsArePermanent() {
        assertThat(new Failure(0, 400, "document_parsing_exception", "failed to parse field [source]").retryable())
                .isFalse();
        assertThat(new Failure(0, 400, "mapper_parsing_exception", "x").retryable()).isFalse();
        assertThat(new Failure(0, 400, "strict_dynamic_mapping_exception", "x").retryable()).isFalse();
    }

    @Test
    void blocksClosedIndicesOverloadAndServerErrorsAreRetried() {
        assertThat(new Failure(0, 403, "cluster_block_exception", "index [a] blocked by: [FORBIDDEN/8/index write (api)]")
                .retryable()).isTrue();
        assertThat(new Failure(0, 400, "index_closed_exception", "closed").retryable()).isTrue();
        assertThat(new Failure(0, 404, "index_not_found_exception", "no such index").retryable()).isTrue();
        assertThat(new Failure(0, 429, "es_rejected_execution_exception", "queue full").retryable()).isTrue();
        assertThat(new Failure(0, 429, "cluster_block_exception", "flood-stage watermark").retryable()).isTrue();
        assertThat(new Failure(0, 503, "unavailable_shards_exception", "x").retryable()).isTrue();
        assertThat(new Failure(0, 400, null, "unknown").retryable()).isTrue();
    }
}
