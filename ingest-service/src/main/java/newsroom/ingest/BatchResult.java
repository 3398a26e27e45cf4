package newsroom.ingest;

import java.util.List;

/** The answer to a batch: counts, then one result per element in request order. */
public record BatchResult(int total, int accepted, int duplicates, int rejected, List<BatchItemResult> results) {
    public static BatchResult of(List<BatchItemResult> results) {
        int accepted = 0;
        int duplicates = 0;
        int rejected = 0;
        for (BatchItemResult r : results) {
            switch (r.status()) {
                case accepted -> accepted++;
                case duplicate -> duplicates++;
                case rejected -> rejected++;
            }
        }
        return new BatchResult(results.size(), accepted, duplicates, rejected, results);
    }
}
