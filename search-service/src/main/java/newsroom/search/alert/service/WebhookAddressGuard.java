package newsroom.search.alert.service;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import newsroom.search.alert.config.AlertConfig;

/**
 * Refuses webhook URLs that would make this service call into its own network (SSRF): loopback, private, link-local
 * (cloud metadata), carrier-grade NAT, multicast and unspecified addresses, unless the host is allow-listed. Checked
 * when a subscription is saved and again before every delivery, since DNS answers can change.
 */
@ApplicationScoped
public class WebhookAddressGuard {
    private final Set<String> allowed;

    public WebhookAddressGuard(AlertConfig config) {
        this.allowed = config.webhookAllowHosts().stream().map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty() && !s.equals("none")).collect(Collectors.toSet());
    }

    /** @return null when the URL may be called, else why not */
    public String problem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "not a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "must be an http or https URL";
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return "has no host";
        }
        if (uri.getUserInfo() != null) {
            return "must not contain credentials";
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (allowed.contains(bare.toLowerCase(Locale.ROOT))) {
            return null;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            return "host " + bare + " does not resolve";
        }
        for (InetAddress a : addresses) {
            if (allowed.contains(a.getHostAddress().toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (isInternal(a)) {
                return "host " + bare + " resolves to a loopback, private or link-local address (" + a.getHostAddress()
                        + ")";
            }
        }
        return null;
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff, second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) || first >= 240;
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // unique local fc00::/7
                return true;
            }
            boolean mapped = true; // ::ffff:a.b.c.d
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isInternal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
