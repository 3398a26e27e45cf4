package newsroom.ingest;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 64-bit SimHash over word shingles, for near-duplicates (the same wire story lightly edited). Words are NFC,
 * lower-cased runs of letters and digits; each shingle of {@link #SHINGLE} consecutive words is hashed to 64 bits
 * and votes on every bit; the fingerprint keeps the bits with a positive total. Texts that share most shingles end
 * up a few bits apart ({@link #distance}); unrelated texts about 32 bits apart.
 */
public final class SimHash {
    public static final int SHINGLE = 2;

    private SimHash() {
    }

    public static long of(String title, String body) {
        return of(title, body, SHINGLE);
    }

    static long of(String title, String body, int shingle) {
        List<String> words = words((title == null ? "" : title) + "\n" + (body == null ? "" : body));
        int[] votes = new int[64];
        if (words.size() < shingle) {
            if (!words.isEmpty()) {
                vote(votes, hash(String.join(" ", words)));
            }
        } else {
            for (int i = 0; i + shingle <= words.size(); i++) {
                vote(votes, hash(String.join(" ", words.subList(i, i + shingle))));
            }
        }
        long fingerprint = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    static List<String> words(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= normalized.length(); i++) {
            boolean wordChar = i < normalized.length() && Character.isLetterOrDigit(normalized.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(normalized.substring(start, i));
                start = -1;
            }
        }
        return words;
    }

    private static void vote(int[] votes, long h) {
        for (int bit = 0; bit < 64; bit++) {
            votes[bit] += (h >>> bit & 1) == 1 ? 1 : -1;
        }
    }

    /** FNV-1a over the UTF-8 bytes, then MurmurHash3's 64-bit finalizer so every input bit reaches every output bit. */
    static long hash(String shingle) {
        long h = 0xcbf29ce484222325L;
        for (byte b : shingle.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
