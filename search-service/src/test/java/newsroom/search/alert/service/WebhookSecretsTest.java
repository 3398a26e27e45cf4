package newsroom.search.alert.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class WebhookSecretsTest {
    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    static final String OTHER_KEY = Base64.getEncoder().encodeToString("another key of exactly 32 bytes!".getBytes());

    final WebhookSecrets secrets = new WebhookSecrets(Optional.of(KEY));

    @Test
    void aSecretComesBackOnlyForItsSubscriptionAndKey() {
        String stored = secrets.encrypt("sub-1", "s3cret");
        assertThat(stored).startsWith(WebhookSecrets.PREFIX).doesNotContain("s3cret");
        assertThat(secrets.encrypt("sub-1", "s3cret")).isNotEqualTo(stored); // a fresh nonce each time
        assertThat(secrets.decrypt("sub-1", stored)).isEqualTo("s3cret");
        assertThatThrownBy(() -> secrets.decrypt("sub-2", stored)).hasMessageContaining("does not decrypt");
        assertThatThrownBy(() -> new WebhookSecrets(Optional.of(OTHER_KEY)).decrypt("sub-1", stored))
                .hasMessageContaining("does not decrypt");
    }

    @Test
    void aClearTextSecretIsNeverUsed() {
        assertThatThrownBy(() -> secrets.decrypt("sub-1", "old-clear-secret")).hasMessageContaining("in clear");
    }

    @Test
    void withoutAKeyNothingIsEncryptedOrDecrypted() {
        WebhookSecrets none = new WebhookSecrets(Optional.empty());
        assertThat(none.configured()).isFalse();
        assertThat(new WebhookSecrets(Optional.of(" ")).configured()).isFalse();
        assertThatThrownBy(() -> none.encrypt("sub-1", "x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> none.decrypt("sub-1", secrets.encrypt("sub-1", "x")))
                .hasMessageContaining("no webhook secret key");
    }

    @Test
    void aKeyMustBe32BytesOfBase64() {
        assertThatThrownBy(() -> new WebhookSecrets(Optional.of("c2hvcnQ="))).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new WebhookSecrets(Optional.of("not base64!"))).hasMessageContaining("base64");
    }
}
