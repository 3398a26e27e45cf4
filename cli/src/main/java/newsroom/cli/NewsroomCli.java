package newsroom.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Entry point of the launcher's client commands.
 *
 * <pre>
 * ingest PATH [--url URL] [--source NAME] [--batch N]
 * search [--url URL] [--q TEXT] [--entity ID]... [--source NAME] [--size N] [--await N] [--timeout SECONDS]
 * keys create --role ROLE [--name NAME] | keys list [--revoked true] | keys revoke ID     [--url URL]
 * </pre>
 *
 * Every call sends the API key of {@link ApiKey} ({@code NEWSROOM_API_KEY}, else the launcher's admin key file).
 */
public final class NewsroomCli {

    private NewsroomCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: ingest PATH [--url URL] [--source NAME] [--batch N] | search [--q TEXT] [--entity ID]..."
                    + " | keys create --role ROLE [--name NAME] | keys list | keys revoke ID");
            return 2;
        }
        ObjectMapper json = new ObjectMapper();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Options options = Options.parse(args);
        try {
            ApiKey key = ApiKey.from(System.getenv());
            switch (args[0]) {
                case "ingest" -> {
                    if (options.positional.isEmpty()) {
                        System.err.println("ingest: which file or directory?");
                        return 2;
                    }
                    var summary = new IngestCommand(json, http, System.out, System.err, key).run(
                            Path.of(options.positional.get(0)),
                            URI.create(options.one("url", env("NEWSROOM_INGEST_URL", "http://localhost:8081"))),
                            options.one("source", null), Integer.parseInt(options.one("batch", "200")));
                    return summary.accepted() + summary.duplicates() + summary.rejected() + summary.unreadable() == 0 ? 1 : 0;
                }
                case "search" -> {
                    Map<String, List<String>> params = new LinkedHashMap<>();
                    for (String name : List.of("q", "entity", "type", "source", "from", "to", "size", "sort")) {
                        if (options.named.containsKey(name)) {
                            params.put(name, options.named.get(name));
                        }
                    }
                    int await = Integer.parseInt(options.one("await", "0"));
                    long total = new SearchCommand(json, http, System.out, key).run(
                            URI.create(options.one("url", env("NEWSROOM_SEARCH_URL", "http://localhost:8080"))), params,
                            await, Duration.ofSeconds(Long.parseLong(options.one("timeout", "60"))));
                    if (total < await) {
                        System.err.printf("search: expected at least %d hit(s), found %d; see ./newsroom logs%n", await, total);
                        return 1;
                    }
                    return 0;
                }
                case "keys" -> {
                    return keys(new KeysCommand(json, http, System.out, key,
                            URI.create(options.one("url", env("NEWSROOM_ADMIN_URL", "http://localhost:8080")))), options);
                }
                default -> {
                    System.err.println("unknown command: " + args[0]);
                    return 2;
                }
            }
        } catch (ApiKey.Refused e) {
            System.err.println(args[0] + ": refused: " + e.getMessage());
            return 1;
        } catch (ConnectException e) {
            System.err.println("cannot reach the service (" + e.getMessage() + "): is it running? try ./newsroom status");
            return 1;
        } catch (IOException | RuntimeException e) {
            System.err.println(args[0] + " failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    private static int keys(KeysCommand keys, Options options) throws IOException, InterruptedException {
        String action = options.positional.isEmpty() ? "" : options.positional.get(0);
        switch (action) {
            case "create" -> {
                String role = options.one("role", null);
                if (role == null) {
                    System.err.println("keys create: which role? --role reader|ingester|curator|admin");
                    return 2;
                }
                keys.create(role, options.one("name", null));
            }
            case "list" -> keys.list(Boolean.parseBoolean(options.one("revoked", "false")));
            case "revoke" -> {
                if (options.positional.size() < 2) {
                    System.err.println("keys revoke: which key? give its id (./newsroom keys list)");
                    return 2;
                }
                keys.revoke(options.positional.get(1));
            }
            default -> {
                System.err.println("usage: keys create --role ROLE [--name NAME] | keys list [--revoked true] | keys revoke ID");
                return 2;
            }
        }
        return 0;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** {@code --name value} pairs (repeatable) and positional arguments after the command. */
    record Options(List<String> positional, Map<String, List<String>> named) {
        static Options parse(String[] args) {
            List<String> positional = new ArrayList<>();
            Map<String, List<String>> named = new LinkedHashMap<>();
            for (int i = 1; i < args.length; i++) {
                if (args[i].startsWith("--") && i + 1 < args.length) {
                    named.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[++i]);
                } else {
                    positional.add(args[i]);
                }
            }
            return new Options(positional, named);
        }

        String one(String name, String fallback) {
            List<String> values = named.get(name);
            return values == null || values.isEmpty() ? fallback : values.get(values.size() - 1);
        }
    }
}
