package newsroom.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The canonical form of an article URL, used for its id and for exact de-duplication: lower-case scheme and host,
 * default port dropped, no fragment, no tracking parameters ({@code utm_*} and the common click ids), no trailing
 * slash. The remaining query parameters keep their order: on many news sites they select the article.
 */
public final class CanonicalUrl {

    private static final Set<String> TRACKING = Set.of(
            "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_ga", "ref_src", "cmpid");

    private CanonicalUrl() {
    }

    /** @return the canonical URL, or {@code null} for a blank input */
    public static String of(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a well-formed URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme) || host == null || host.isEmpty()) {
            throw new IllegalArgumentException("not an absolute http(s) URL");
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        StringBuilder out = new StringBuilder(scheme).append("://").append(host);
        int port = uri.getPort();
        if (port != -1 && !(port == 80 && scheme.equals("http")) && !(port == 443 && scheme.equals("https"))) {
            out.append(':').append(port);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        out.append(path);
        String query = canonicalQuery(uri.getRawQuery());
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return out.toString();
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (name.startsWith("utm_") || TRACKING.contains(name)) {
                continue;
            }
            kept.add(pair);
        }
        return String.join("&", kept);
    }
}
