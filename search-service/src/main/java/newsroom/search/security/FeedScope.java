package newsroom.search.security;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one form a feed is named in, whether a token is made for it or a feed reader calls it: the path, then the query
 * parameters (but {@code token}) decoded, sorted and encoded again, so the same feed always has the same name.
 */
public final class FeedScope {
    public static final String TOKEN_PARAM = "token";
    /** Identity attribute of a caller that came with a feed token: the one feed it may read. */
    public static final String ATTRIBUTE = "newsroom.feed-scope";

    private FeedScope() {
    }

    /** @param rawQuery the query as sent (still encoded), null for none */
    public static String of(String path, String rawQuery) {
        List<String> params = new ArrayList<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (!name.equals(TOKEN_PARAM) && !value.isEmpty()) {
                    params.add(encode(name) + "=" + encode(value));
                }
            }
        }
        params.sort(null);
        return params.isEmpty() ? path : path + "?" + String.join("&", params);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
