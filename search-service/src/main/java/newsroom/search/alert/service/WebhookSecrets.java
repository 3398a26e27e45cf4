package newsroom.search.alert.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsroom.search.alert.config.AlertConfig;

/**
 * Webhook secrets at rest: AES-256-GCM with a random 96-bit nonce per value, stored as {@code v1:} + base64(nonce ‖
 * ciphertext ‖ tag). The subscription id is the associated data, so a stored value copied onto another
 * subscription does not decrypt. The key comes from {@code newsroom.alerts.webhook-secret-key}.
 */
@ApplicationScoped
public class WebhookSecrets {
    public static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Optional<SecretKey> key;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public WebhookSecrets(AlertConfig config) {
        this(config.webhookSecretKey());
    }

    WebhookSecrets(Optional<String> base64Key) {
        this.key = base64Key.filter(k -> !k.isBlank()).map(WebhookSecrets::key);
    }

    static SecretKey key(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("newsroom.alerts.webhook-secret-key is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(
                    "newsroom.alerts.webhook-secret-key must be 32 bytes (base64), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    public boolean configured() {
        return key.isPresent();
    }

    /** Whether a stored value is an encrypted one (not a clear-text secret from before encryption). */
    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    public String encrypt(String subscriptionId, String secret) {
        SecretKey k = key.orElseThrow(() -> new IllegalStateException("no webhook secret key configured"));
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, k, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt a webhook secret", e);
        }
    }

    /**
     * The secret in clear.
     *
     * @throws IllegalStateException with a reason when it cannot be had: no key, a clear-text value, a wrong key
     */
    public String decrypt(String subscriptionId, String stored) {
        if (!isEncrypted(stored)) {
            throw new IllegalStateException("the webhook secret is stored in clear; replace the subscription");
        }
        SecretKey k = key.orElseThrow(() -> new IllegalStateException("no webhook secret key configured"));
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, k, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the webhook secret does not decrypt with the configured key");
        }
    }
}
