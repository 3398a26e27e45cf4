package newsroom.ingest;

/**
 * Article ids: the first 24 hex characters (96 bits) of a SHA-256, over {@code "url:" + canonical URL} when the
 * article has a URL, else over {@code "text:" + content hash}. Stable across re-submissions and services, short
 * enough for URLs and Kafka keys, and with 96 bits a collision among billions of articles stays negligible.
 */
public final class ArticleIds {
    static final int LENGTH = 24;

    private ArticleIds() {
    }

    public static String of(String canonicalUrl, String contentHash) {
        String basis = canonicalUrl != null ? "url:" + canonicalUrl : "text:" + contentHash;
        return ContentFingerprint.sha256Hex(basis).substring(0, LENGTH);
    }

    public static boolean looksLikeId(String candidate) {
        return candidate != null && candidate.length() == LENGTH && candidate.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
    }
}
