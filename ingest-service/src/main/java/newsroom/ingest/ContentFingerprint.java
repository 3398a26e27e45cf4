package newsroom.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Exact-duplicate fingerprint of an article's text: SHA-256 (hex) of the title and body, NFC-normalized,
 * case-folded and with every run of whitespace collapsed to one space. Two copies that differ only in
 * spacing, line breaks, letter case or Unicode composition get the same hash.
 */
public final class ContentFingerprint {

    private ContentFingerprint() {
    }

    public static String normalize(String title, String body) {
        String text = (title == null ? "" : title) + "\n" + (body == null ? "" : body);
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        // toLowerCase(ROOT) then toUpperCase().toLowerCase() would be a fuller case fold; lower-casing is enough here
        return nfc.toLowerCase(Locale.ROOT).replaceAll("[\\s\\u00A0\\u2007\\u202F]+", " ").strip();
    }

    public static String of(String title, String body) {
        return sha256Hex(normalize(title, body));
    }

    public static String sha256Hex(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
