package newsroom.ingest.service;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import newsroom.ingest.config.IngestConfig;

/**
 * Server-side request forgery guard for feed URLs: only http(s), and the host must not resolve to a loopback,
 * private, link-local (cloud metadata lives at 169.254.169.254), unique-local, carrier-grade NAT, multicast or
 * unspecified address, unless the host or the address is on {@code newsroom.ingest.feeds.allowed-hosts}.
 * Checked at registration and again before every fetch and every redirect.
 */
@ApplicationScoped
public class FeedAddressGuard {
    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata", "instance-data");

    private final Set<String> allowed;

    public FeedAddressGuard(IngestConfig config) {
        this.allowed = config.feeds().allowedHosts().orElse(List.of()).stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).collect(Collectors.toSet());
    }

    /** @throws ForbiddenAddressException when the URL may not be fetched */
    public void check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ForbiddenAddressException("only http and https feeds are fetched");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty()) {
            throw new ForbiddenAddressException("the URL has no host");
        }
        if (allowed.contains(host)) {
            return;
        }
        if (METADATA_HOSTS.contains(host)) {
            throw new ForbiddenAddressException(host + " is a cloud metadata host");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new ForbiddenAddressException("cannot resolve " + host);
        }
        for (InetAddress address : addresses) {
            if (!allowed.contains(address.getHostAddress().toLowerCase(Locale.ROOT)) && internal(address)) {
                throw new ForbiddenAddressException(host + " resolves to " + address.getHostAddress()
                        + ", an internal address (allow it with newsroom.ingest.feeds.allowed-hosts)");
            }
        }
    }

    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || first == 100 && second >= 64 && second < 128 // carrier-grade NAT
                    || first == 192 && second == 0 && (b[2] & 0xff) == 0 // IETF protocol assignments
                    || first >= 240; // reserved, broadcast
        }
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        return false;
    }

    public static class ForbiddenAddressException extends RuntimeException {
        public ForbiddenAddressException(String message) {
            super(message);
        }
    }
}
