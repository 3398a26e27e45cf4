package newsroom.search.service;

import java.net.URI;
import java.util.Locale;

/** Links taken from article data are rendered only when they are http(s): never javascript:, data: or the like. */
public final class SafeLinks {
    private SafeLinks() {
    }

    public static boolean isWeb(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            String scheme = URI.create(url.strip()).getScheme();
            return scheme != null && (scheme.toLowerCase(Locale.ROOT).equals("http")
                    || scheme.toLowerCase(Locale.ROOT).equals("https"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
