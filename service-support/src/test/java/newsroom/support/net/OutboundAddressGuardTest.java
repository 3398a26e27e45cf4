package newsroom.support.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Address classification, fed literal addresses and a resolver that answers what each test says: no network. */
class OutboundAddressGuardTest {
    private static final String SETTING = "test.allowed-hosts";

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    /** A resolver that knows only the names given; a literal address stands for itself. */
    private static OutboundAddressGuard.Resolver names(Map<String, String> answers) {
        return host -> {
            String answer = answers.get(host);
            if (answer != null) {
                return new InetAddress[] {ip(answer)};
            }
            if (host.matches("[0-9.]+") || host.contains(":")) {
                return new InetAddress[] {ip(host)};
            }
            throw new UnknownHostException(host);
        };
    }

    private static OutboundAddressGuard guard(List<String> allowed, Map<String, String> answers) {
        return new OutboundAddressGuard(allowed, SETTING, names(answers));
    }

    @Test
    void blocksEveryInternalIpv4Range() {
        for (String a : List.of("0.0.0.0", "0.1.2.3", "127.0.0.1", "127.255.0.9", "10.0.0.1", "10.255.255.255",
                "172.16.0.1", "172.31.255.254", "192.168.1.1", "169.254.0.1", "169.254.169.254", "100.64.0.1",
                "100.127.255.254", "192.0.0.8", "192.0.2.10", "198.51.100.7", "203.0.113.9", "198.18.0.1",
                "198.19.255.1", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255")) {
            assertThat(OutboundAddressGuard.blockedReason(ip(a))).as(a).isNotNull();
        }
    }

    @Test
    void letsPublicIpv4Through() {
        for (String a : List.of("1.1.1.1", "8.8.8.8", "93.184.216.34", "172.15.255.255", "172.32.0.1", "100.63.255.255",
                "100.128.0.1", "192.167.1.1", "169.253.1.1", "198.17.1.1", "198.20.0.1", "223.255.255.255")) {
            assertThat(OutboundAddressGuard.blockedReason(ip(a))).as(a).isNull();
        }
    }

    @Test
    void blocksInternalIpv6AndEveryEmbeddingOfABlockedIpv4() {
        for (String a : List.of("::", "::1", "fe80::1", "fec0::1", "fc00::1", "fd12:3456::1", "fd00:ec2::254",
                "ff02::1", "2001:db8::1", "100::1",
                "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", // IPv4-mapped
                "::ffff:0:192.168.0.1", // IPv4-translated
                "::127.0.0.1", "::10.1.1.1", // IPv4-compatible
                "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "64:ff9b::10.0.0.1", // NAT64 of 127.0.0.1, metadata, private
                "64:ff9b:1::808:808", // local-use NAT64: refused whole
                "2002:7f00:1::1", "2002:a9fe:a9fe::", "2002:c0a8:101::5", // 6to4 of loopback, metadata, private
                "2001:0:4136:e378:8000:63bf:3fff:fdd2")) { // Teredo
            assertThat(OutboundAddressGuard.blockedReason(ip(a))).as(a).isNotNull();
        }
    }

    @Test
    void letsPublicIpv6AndEmbeddingsOfPublicIpv4Through() {
        for (String a : List.of("2606:4700:4700::1111", "2a00:1450:4001:82a::200e", "64:ff9b::808:808",
                "2002:808:808::1", "::ffff:8.8.8.8")) {
            assertThat(OutboundAddressGuard.blockedReason(ip(a))).as(a).isNull();
        }
    }

    @Test
    void metadataAddressesAreRecognisedInEveryForm() {
        for (String a : List.of("169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200", "192.0.0.192",
                "::ffff:169.254.169.254", "64:ff9b::a9fe:a9fe", "2002:a9fe:a9fe::1")) {
            assertThat(OutboundAddressGuard.isMetadata(ip(a))).as(a).isTrue();
        }
        assertThat(OutboundAddressGuard.isMetadata(ip("8.8.8.8"))).isFalse();
    }

    @Test
    void refusesUrlsByShape() {
        OutboundAddressGuard guard = guard(List.of(), Map.of("news.example", "93.184.216.34"));
        assertThatThrownBy(() -> guard.check("ftp://news.example/feed")).hasMessageContaining("http");
        assertThatThrownBy(() -> guard.check("file:///etc/passwd")).hasMessageContaining("http");
        assertThatThrownBy(() -> guard.check("javascript:alert(1)")).hasMessageContaining("http");
        assertThatThrownBy(() -> guard.check("http://user:secret@news.example/feed")).hasMessageContaining("credentials");
        assertThatThrownBy(() -> guard.check("https://token@news.example/feed")).hasMessageContaining("credentials");
        assertThatThrownBy(() -> guard.check("http:///feed")).hasMessageContaining("no host");
        assertThatThrownBy(() -> guard.check("http://bad host/")).hasMessageContaining("valid URL");
        assertThatThrownBy(() -> guard.check("http://unknown.example/")).hasMessageContaining("cannot resolve");
    }

    @Test
    void refusesMetadataHostsByNameEvenWhenAllowed() {
        OutboundAddressGuard guard = guard(List.of("metadata.google.internal", "169.254.169.254"),
                Map.of("metadata.google.internal", "169.254.169.254", "sneaky.example", "169.254.169.254"));
        assertThatThrownBy(() -> guard.check("http://metadata.google.internal/computeMetadata/v1/"))
                .isInstanceOf(ForbiddenAddressException.class).hasMessageContaining("metadata");
        assertThatThrownBy(() -> guard.check("http://METADATA.google.internal./x")).hasMessageContaining("metadata");
        assertThatThrownBy(() -> guard.check("http://169.254.169.254/latest/meta-data/")).hasMessageContaining("metadata");
        assertThatThrownBy(() -> guard.check("http://sneaky.example/")).hasMessageContaining("metadata");
    }

    @Test
    void checksWhatANameResolvesTo() {
        OutboundAddressGuard guard = guard(List.of(), Map.of("intranet.example", "10.0.0.5", "rebind.example",
                "127.0.0.1", "v6.example", "::ffff:192.168.1.1", "public.example", "93.184.216.34"));
        assertThatThrownBy(() -> guard.check("http://intranet.example/")).hasMessageContaining("10.0.0.5")
                .hasMessageContaining("private").hasMessageContaining(SETTING);
        assertThatThrownBy(() -> guard.check("http://rebind.example/")).hasMessageContaining("loopback");
        assertThatThrownBy(() -> guard.check("http://v6.example/")).hasMessageContaining("private");
        OutboundAddressGuard.Target target = guard.check("https://public.example/feed.xml?page=2");
        assertThat(target.address()).isEqualTo(ip("93.184.216.34"));
        assertThat(target.host()).isEqualTo("public.example");
        assertThat(target.port()).isEqualTo(443);
        assertThat(target.ssl()).isTrue();
        assertThat(target.pathAndQuery()).isEqualTo("/feed.xml?page=2");
    }

    @Test
    void refusesWhenAnyOfSeveralAddressesIsInternal() {
        OutboundAddressGuard guard = new OutboundAddressGuard(List.of(), SETTING,
                host -> new InetAddress[] {ip("93.184.216.34"), ip("192.168.0.1")});
        assertThatThrownBy(() -> guard.check("http://mixed.example/")).hasMessageContaining("192.168.0.1");
    }

    @Test
    void literalAddressesInUrlsAreChecked() {
        OutboundAddressGuard guard = guard(List.of(), Map.of());
        for (String url : List.of("http://127.0.0.1:8080/", "http://[::1]/", "http://[::ffff:7f00:1]/",
                "http://[64:ff9b::a00:1]/", "http://[2002:a00:1::]/", "http://10.1.2.3/feed", "http://[fd00:ec2::254]/")) {
            assertThatThrownBy(() -> guard.check(url)).as(url).isInstanceOf(ForbiddenAddressException.class);
        }
        assertThat(guard.check("http://8.8.8.8/x").port()).isEqualTo(80);
    }

    @Test
    void theAllowListTakesHostsAndAddresses() {
        OutboundAddressGuard guard = guard(List.of("127.0.0.1", "Intranet.Example", "[::1]"),
                Map.of("intranet.example", "10.0.0.5", "other.example", "10.0.0.6"));
        assertThat(guard.check("http://127.0.0.1:9000/hook").address()).isEqualTo(ip("127.0.0.1"));
        assertThat(guard.check("http://intranet.example/feed").address()).isEqualTo(ip("10.0.0.5"));
        assertThat(guard.check("http://[0:0:0:0:0:0:0:1]:81/").address()).isEqualTo(ip("::1"));
        assertThatThrownBy(() -> guard.check("http://other.example/")).isInstanceOf(ForbiddenAddressException.class);
        assertThatThrownBy(() -> guard.check("http://127.0.0.2/")).isInstanceOf(ForbiddenAddressException.class);
        assertThat(new OutboundAddressGuard(List.of("none"), SETTING).check(URI.create("http://8.8.8.8/")).host())
                .isEqualTo("8.8.8.8");
    }
}
