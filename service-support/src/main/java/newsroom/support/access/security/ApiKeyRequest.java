package newsroom.support.access.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An API key presented on a request, waiting to be checked. */
public class ApiKeyRequest extends BaseAuthenticationRequest {
    private final String key;

    public ApiKeyRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
