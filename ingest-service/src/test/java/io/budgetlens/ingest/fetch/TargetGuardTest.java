package io.budgetlens.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The SSRF guard on its own: every case of {@link RefusalCases} is refused with 400 and its reason, and the
 * connector — one that would fail the test if asked — is never asked for anything.
 */
class TargetGuardTest {

    static final PortalFetcher.Limits LIMITS = new PortalFetcher.Limits(10 * 1024 * 1024, 20, 5,
            Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10));

    final List<VettedTarget> connects = new CopyOnWriteArrayList<>();
    final Connector refusing = (target, connectTimeout, deadline) -> {
        connects.add(target);
        throw new AssertionError("the connector was asked for " + target.uri());
    };
    final TargetGuard guard = new TargetGuard(new StubResolver(), AllowList.of(List.of("portal.test")));

    @BeforeEach
    void clear() {
        StubResolver.ASKED.clear();
    }

    static java.util.stream.Stream<RefusalCases.Case> cases() {
        return RefusalCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedBeforeAnythingIsSent(RefusalCases.Case c) {
        PortalFetcher fetcher = new PortalFetcher(guard, refusing, LIMITS);
        assertThatThrownBy(() -> fetcher.fetch(c.url()))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining(c.reason())
                .satisfies(e -> assertThat(((FetchException) e).status()).isEqualTo(400));
        assertThat(connects).isEmpty();
    }

    @Test
    void literalsAreNeverResolvedAndNamesOnlyOnce() {
        assertThatThrownBy(() -> guard.vet("http://2130706433/")).isInstanceOf(FetchException.class);
        assertThatThrownBy(() -> guard.vet("http://[::ffff:127.0.0.1]/")).isInstanceOf(FetchException.class);
        assertThat(StubResolver.ASKED).isEmpty();

        VettedTarget target = guard.vet("http://portal.test:8080/disclosure/2024.html?id=3#top");
        assertThat(StubResolver.ASKED).containsExactly("portal.test");
        assertThat(target.addresses()).extracting(InetAddress::getHostAddress).containsExactly("127.0.0.1");
        assertThat(target.hostHeader()).isEqualTo("portal.test:8080");
        assertThat(target.requestTarget()).isEqualTo("/disclosure/2024.html?id=3");
        assertThat(target.uri().toString()).doesNotContain("#");
    }

    @Test
    void publicAddressesPassAndSpacesOrChineseInPathsAreEscaped() {
        TargetGuard open = new TargetGuard(host -> List.of(InetAddress.getByAddress(host, new byte[]{8, 8, 8, 8})),
                AllowList.NONE);
        VettedTarget target = open.vet("https://www.czt.example.gov.cn/附件 1.pdf");
        assertThat(target.https()).isTrue();
        assertThat(target.port()).isEqualTo(443);
        assertThat(target.requestTarget()).isEqualTo("/%E9%99%84%E4%BB%B6%201.pdf");
        assertThat(target.hostHeader()).isEqualTo("www.czt.example.gov.cn");
        assertThat(open.vet("http://1.1.1.1/").addresses()).hasSize(1);
        assertThat(open.vet("http://[2400:3200::1]:8080/").hostHeader()).isEqualTo("[2400:3200::1]:8080");
    }

    @Test
    void theAllowListOpensOnlyWhatItNames() {
        TargetGuard ranges = new TargetGuard(new StubResolver(), AllowList.of(List.of("10.1.0.0/16", "fc00::/7")));
        assertThat(ranges.vet("http://ten.test/").addresses()).extracting(InetAddress::getHostAddress)
                .containsExactly("10.1.2.3");
        assertThat(ranges.vet("http://[fc00::1]/").host()).isEqualTo("fc00::1");
        assertThatThrownBy(() -> ranges.vet("http://10.2.0.1/")).hasMessageContaining("private");
        assertThatThrownBy(() -> ranges.vet("http://metadata.test/")).hasMessageContaining("link-local");
        assertThatThrownBy(() -> ranges.vet("ftp://ten.test/")).hasMessageContaining("only http and https");
        assertThatThrownBy(() -> ranges.vet("http://u:p@ten.test/")).hasMessageContaining("credentials");

        TargetGuard wildcard = new TargetGuard(new StubResolver(), AllowList.of(List.of("*.portal.test")));
        assertThat(wildcard.vet("http://files.portal.test/").host()).isEqualTo("files.portal.test");
        assertThatThrownBy(() -> wildcard.vet("http://portal.test/")).hasMessageContaining("loopback");

        assertThatThrownBy(() -> AllowList.of(List.of("not a host!"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a host!");
        assertThatThrownBy(() -> AllowList.of(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AllowList.of(List.of("2130706433"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addressTextIsReadExactly() {
        assertThat(Addresses.ipv6("::")).hasSize(16).containsOnly(0);
        assertThat(Addresses.ipv6("::ffff:127.0.0.1")).isEqualTo(Addresses.ipv6("::ffff:7f00:1"));
        assertThat(Addresses.ipv6("1:2:3:4:5:6:7:8")).isNotNull();
        assertThat(Addresses.ipv6("1:2:3:4:5:6:7:8:9")).isNull();
        assertThat(Addresses.ipv6("1::2::3")).isNull();
        assertThat(Addresses.ipv6(":::")).isNull();
        assertThat(Addresses.ipv6("12345::")).isNull();
        assertThat(Addresses.ipv6("::1.2.3")).isNull();
        assertThat(Addresses.dottedQuad("127.0.0.01")).isNull();
        assertThat(Addresses.dottedQuad("256.0.0.1")).isNull();
        assertThat(Addresses.dottedQuad("1.2.3.4")).containsExactly(1, 2, 3, 4);
        assertThat(Addresses.special(new byte[]{8, 8, 8, 8})).isNull();
        assertThat(Addresses.special(new byte[]{(byte) 172, 15, 0, 1})).isNull();
        assertThat(Addresses.special(new byte[]{(byte) 172, 32, 0, 1})).isNull();
        assertThat(Addresses.special(new byte[]{(byte) 172, 16, 0, 1})).contains("172.16.0.0/12");
        assertThat(Addresses.special(Addresses.ipv6("::ffff:8.8.8.8"))).isNull();
        assertThat(Addresses.special(Addresses.ipv6("2400:3200::1"))).isNull();
    }
}
