package newsroom.cli;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The key the client commands send as {@code X-Api-Key}: {@code NEWSROOM_API_KEY} when set, else the file named by
 * {@code NEWSROOM_API_KEY_FILE} (the launcher names its admin key file), else {@code .newsroom/admin.key} here.
 */
final class ApiKey {
    static final String HEADER = "X-Api-Key";

    private final Optional<String> key;
    private final String origin;

    private ApiKey(Optional<String> key, String origin) {
        this.key = key;
        this.origin = origin;
    }

    static ApiKey none() {
        return new ApiKey(Optional.empty(), "no key");
    }

    static ApiKey of(String key, String origin) {
        return new ApiKey(Optional.of(key.strip()), origin);
    }

    static ApiKey from(Map<String, String> env) throws IOException {
        String value = env.get("NEWSROOM_API_KEY");
        if (value != null && !value.isBlank()) {
            return of(value, "NEWSROOM_API_KEY");
        }
        String named = env.get("NEWSROOM_API_KEY_FILE");
        Path file = named == null || named.isBlank() ? Path.of(".newsroom", "admin.key") : Path.of(named);
        if (Files.isReadable(file)) {
            String content = Files.readString(file).strip();
            if (!content.isEmpty()) {
                return of(content, file.toString());
            }
        }
        return none();
    }

    /** The request with the key, when there is one. */
    HttpRequest.Builder sign(HttpRequest.Builder request) {
        key.ifPresent(k -> request.header(HEADER, k));
        return request;
    }

    /** Throws a readable {@link Refused} for a 401 or 403; other answers pass. */
    void check(HttpResponse<String> response, String service) throws Refused {
        int status = response.statusCode();
        if (status == 401) {
            throw new Refused(key.isEmpty()
                    ? "the " + service + " needs an API key: set NEWSROOM_API_KEY, or start the services with"
                            + " ./newsroom up, which writes .newsroom/admin.key"
                    : "the " + service + " did not accept the API key from " + origin
                            + " (unknown or revoked): set NEWSROOM_API_KEY to a valid key");
        }
        if (status == 403) {
            throw new Refused("the API key from " + origin + " may not do this (its role is too low): "
                    + "use a key with a higher role (./newsroom keys create --role ...)");
        }
    }

    /** The service refused the caller: no key, an unknown key, or too low a role. */
    static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }
}
