package newsroom.support.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Server-side request forgery guard for every URL a service calls on a user's behalf (feeds, webhooks): only http(s),
 * no credentials in the URL, and every address the host resolves to must be public: not loopback, private,
 * link-local, site-local, unique-local, carrier-grade NAT, multicast, unspecified, reserved or documentation, nor a
 * cloud metadata host or address, nor an IPv6 form that embeds such an IPv4 address (mapped, compatible, NAT64,
 * 6to4; Teredo and local-use NAT64 are refused whole). Hosts or literal addresses on the allow-list pass (tests,
 * an intranet feed); metadata never does.
 *
 * <p>{@link #check} answers the {@link Target} with the one address that was vetted: the caller must connect to that
 * address ({@link PinnedHttpClient} does), never resolve the name again, or a DNS answer that changes between the
 * check and the connection (rebinding) would reach an internal address.
 */
public final class OutboundAddressGuard {

    /** Name resolution, injectable so that tests decide what a name resolves to. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public static final Resolver SYSTEM_RESOLVER = InetAddress::getAllByName;

    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata.goog", "metadata",
            "instance-data", "instance-data.ec2.internal", "metadata.azure.internal");

    private final Set<String> allowed;
    private final String allowSetting;
    private final Resolver resolver;

    /**
     * @param allowed host names or literal addresses that may be called even though internal
     * @param allowSetting the configuration property of that list, named in refusals
     */
    public OutboundAddressGuard(Collection<String> allowed, String allowSetting, Resolver resolver) {
        this.allowed = allowed.stream().map(OutboundAddressGuard::normalizeHost).filter(h -> !h.isEmpty() && !h.equals("none"))
                .collect(Collectors.toUnmodifiableSet());
        this.allowSetting = allowSetting;
        this.resolver = resolver;
    }

    public OutboundAddressGuard(Collection<String> allowed, String allowSetting) {
        this(allowed, allowSetting, SYSTEM_RESOLVER);
    }

    /** Where a vetted URL goes: {@code address} is the one to connect to; {@code host} is for SNI, certificate and Host. */
    public record Target(URI uri, boolean ssl, String host, int port, InetAddress address) {
        /** The request target: path and query, at least {@code /}. */
        public String pathAndQuery() {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        }
    }

    /** @throws ForbiddenAddressException when the URL may not be called */
    public Target check(String url) {
        try {
            return check(new URI(url));
        } catch (URISyntaxException e) {
            throw new ForbiddenAddressException("not a valid URL");
        }
    }

    /** @throws ForbiddenAddressException when the URL may not be called */
    public Target check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ForbiddenAddressException("only http and https URLs are called");
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
            throw new ForbiddenAddressException("the URL must not contain credentials");
        }
        String host = uri.getHost() == null ? "" : normalizeHost(uri.getHost());
        if (host.isEmpty()) {
            throw new ForbiddenAddressException("the URL has no host");
        }
        if (METADATA_HOSTS.contains(host)) {
            throw new ForbiddenAddressException(host + " is a cloud metadata host");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new ForbiddenAddressException("cannot resolve " + host);
        }
        if (addresses == null || addresses.length == 0) {
            throw new ForbiddenAddressException("cannot resolve " + host);
        }
        boolean hostAllowed = allowed.contains(host);
        for (InetAddress address : addresses) {
            String literal = address.getHostAddress();
            if (isMetadata(address)) {
                throw new ForbiddenAddressException(host + " resolves to " + literal + ", a cloud metadata address");
            }
            String reason = blockedReason(address);
            if (reason != null && !hostAllowed && !allowed.contains(normalizeHost(literal))) {
                throw new ForbiddenAddressException(host + " resolves to " + literal + ", " + reason
                        + " (allow it with " + allowSetting + ")");
            }
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return new Target(uri, scheme.equals("https"), host, port, addresses[0]);
    }

    /** Why an address is not public, or null when it is. */
    public static String blockedReason(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 4 ? ipv4Reason(b) : ipv6Reason(b);
    }

    static boolean isMetadata(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 16) {
            if (Arrays.equals(b, FD00_EC2_254)) {
                return true;
            }
            b = embeddedIpv4(b);
            if (b == null) {
                return false;
            }
        }
        int first = b[0] & 0xff, second = b[1] & 0xff, third = b[2] & 0xff, fourth = b[3] & 0xff;
        return first == 169 && second == 254 // AWS, GCP, Azure, OpenStack... (169.254.169.254, 169.254.170.2)
                || first == 100 && second == 100 && third == 100 && fourth == 200 // Alibaba Cloud
                || first == 192 && second == 0 && third == 0 && fourth == 192; // Oracle Cloud
    }

    private static final byte[] FD00_EC2_254 = {(byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0x54};

    private static String ipv4Reason(byte[] b) {
        int first = b[0] & 0xff, second = b[1] & 0xff, third = b[2] & 0xff;
        if (first == 0) {
            return "an unspecified address";
        }
        if (first == 127) {
            return "a loopback address";
        }
        if (first == 10 || first == 172 && (second & 0xf0) == 16 || first == 192 && second == 168) {
            return "a private address";
        }
        if (first == 169 && second == 254) {
            return "a link-local address";
        }
        if (first == 100 && (second & 0xc0) == 64) {
            return "a carrier-grade NAT address";
        }
        if (first == 192 && second == 0 && third == 0) {
            return "an IETF protocol address";
        }
        if (first == 192 && second == 0 && third == 2 || first == 198 && second == 51 && third == 100
                || first == 203 && second == 0 && third == 113) {
            return "a documentation address";
        }
        if (first == 198 && (second & 0xfe) == 18) {
            return "a benchmarking address";
        }
        if (first >= 224 && first < 240) {
            return "a multicast address";
        }
        if (first >= 240) {
            return "a reserved or broadcast address";
        }
        return null;
    }

    private static String ipv6Reason(byte[] b) {
        int w0 = word(b, 0), w1 = word(b, 1), w2 = word(b, 2);
        byte[] v4 = embeddedIpv4(b);
        if (v4 != null) {
            String reason = ipv4Reason(v4);
            return reason == null ? null : reason + " embedded in IPv6";
        }
        if (allZero(b, 0, 15)) {
            return (b[15] & 0xff) == 1 ? "a loopback address" : "an unspecified address";
        }
        if (w0 == 0x64 && w1 == 0xff9b && w2 == 1) {
            return "a local-use NAT64 address";
        }
        if (w0 == 0x2001 && w1 == 0) {
            return "a Teredo tunnel address";
        }
        if (w0 == 0x2001 && w1 == 0xdb8) {
            return "a documentation address";
        }
        if (w0 == 0x100 && w1 == 0 && w2 == 0 && word(b, 3) == 0) {
            return "a discard-only address";
        }
        int first = b[0] & 0xff;
        if ((first & 0xfe) == 0xfc) {
            return "a unique-local address";
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0x80) {
            return "a link-local address";
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return "a site-local address";
        }
        if (first == 0xff) {
            return "a multicast address";
        }
        return null;
    }

    /**
     * The IPv4 address an IPv6 address stands for: IPv4-mapped ({@code ::ffff:a.b.c.d}), IPv4-translated
     * ({@code ::ffff:0:a.b.c.d}), IPv4-compatible ({@code ::a.b.c.d}), NAT64 ({@code 64:ff9b::a.b.c.d}) and 6to4
     * ({@code 2002:aabb:ccdd::}); null for any other.
     */
    static byte[] embeddedIpv4(byte[] b) {
        if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if (allZero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && b[10] == 0 && b[11] == 0) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if (allZero(b, 0, 12) && !allZero(b, 12, 15)) { // ::a.b.c.d, but not :: or ::1
            return Arrays.copyOfRange(b, 12, 16);
        }
        if (word(b, 0) == 0x64 && word(b, 1) == 0xff9b && allZero(b, 4, 12)) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if (word(b, 0) == 0x2002) {
            return Arrays.copyOfRange(b, 2, 6);
        }
        return null;
    }

    private static int word(byte[] b, int i) {
        return (b[2 * i] & 0xff) << 8 | b[2 * i + 1] & 0xff;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Lower case, no IPv6 brackets, no trailing dot; a literal address in its canonical text form. */
    static String normalizeHost(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.indexOf(':') >= 0) { // an IPv6 literal: one spelling for "::1" and "0:0:0:0:0:0:0:1"
            try {
                return InetAddress.getByName(h).getHostAddress().toLowerCase(Locale.ROOT);
            } catch (UnknownHostException e) {
                return h;
            }
        }
        return h;
    }

    static boolean isIpv4(InetAddress a) {
        return a instanceof Inet4Address;
    }
}
