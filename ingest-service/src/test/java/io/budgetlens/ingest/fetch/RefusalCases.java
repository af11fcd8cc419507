package io.budgetlens.ingest.fetch;

import java.util.List;
import java.util.stream.Stream;

/**
 * The SSRF refusal suite: URLs that must be refused before anything is sent, each with a word of the reason the
 * answer must give. The names resolve through {@link StubResolver}; {@code portal.test} (the tests' own server) is
 * the only allowed host, and no address range is allowed.
 */
public final class RefusalCases {

    /** One refused URL and a fragment of the reason. */
    public record Case(String url, String reason) {
        @Override
        public String toString() {
            return url.isEmpty() ? "(empty url)" : url.replace("\r", "\\r").replace("\n", "\\n");
        }
    }

    private RefusalCases() {
    }

    public static final List<Case> LITERALS = List.of(
            new Case("http://127.0.0.1/", "loopback"),
            new Case("http://127.0.0.1:8081/api/v1/admin/reparse", "loopback"),
            new Case("http://127.255.255.254/", "loopback"),
            new Case("http://10.0.0.1/", "private"),
            new Case("http://10.255.255.255/budget.pdf", "private"),
            new Case("http://172.16.0.1/", "private"),
            new Case("http://172.31.255.254/", "private"),
            new Case("http://192.168.1.1/", "private"),
            new Case("http://169.254.169.254/latest/meta-data/iam/security-credentials/", "link-local"),
            new Case("http://100.64.0.1/", "carrier-grade NAT"),
            new Case("http://0.0.0.0/", "unspecified"),
            new Case("http://224.0.0.1/", "multicast"),
            new Case("http://255.255.255.255/", "broadcast"),
            new Case("http://[::1]/", "loopback"),
            new Case("http://[::1]:8080/", "loopback"),
            new Case("http://[::]/", "unspecified"),
            new Case("http://[fc00::]/", "unique-local"),
            new Case("http://[fd12:3456:789a::1]/", "unique-local"),
            new Case("http://[fe80::1]/", "link-local"),
            new Case("http://[ff02::1]/", "multicast"),
            new Case("http://[::ffff:127.0.0.1]/", "::ffff:127.0.0.1 is the IPv4-mapped form of 127.0.0.1"),
            new Case("http://[::ffff:7f00:1]/", "loopback"),
            new Case("http://[::ffff:169.254.169.254]/", "link-local"),
            new Case("http://[::ffff:10.0.0.1]/", "private"),
            new Case("http://[64:ff9b::a9fe:a9fe]/", "NAT64 form of 169.254.169.254"),
            new Case("http://[2002:7f00:1::]/", "6to4 form of 127.0.0.1"),
            new Case("http://[::127.0.0.1]/", "IPv4-compatible"),
            new Case("http://[fe80::1%25eth0]/", "zone"));

    public static final List<Case> SPELLINGS = List.of(
            new Case("http://2130706433/", "decimal, octal, hex"),
            new Case("http://0x7f000001/", "decimal, octal, hex"),
            new Case("http://0177.0.0.1/", "decimal, octal, hex"),
            new Case("http://0x7f.0.0.1/", "decimal, octal, hex"),
            new Case("http://127.1/", "decimal, octal, hex"),
            new Case("http://017700000001/", "decimal, octal, hex"),
            new Case("http://3232235777/", "decimal, octal, hex"),
            new Case("http://127.0.0.1./", "loopback"));

    public static final List<Case> NAMES = List.of(
            new Case("http://loopback.test/", "loopback.test resolves to 127.0.0.1"),
            new Case("http://ten.test/a.pdf", "ten.test resolves to 10.1.2.3"),
            new Case("http://private172.test/", "private"),
            new Case("http://home.test/", "private"),
            new Case("http://metadata.test/latest/meta-data/", "169.254.169.254"),
            new Case("http://cgnat.test/", "carrier-grade NAT"),
            new Case("http://zero.test/", "unspecified"),
            new Case("https://v6loopback.test/", "v6loopback.test resolves to ::1"),
            new Case("http://ula.test/", "unique-local"),
            new Case("http://linklocal6.test/", "link-local"),
            new Case("http://mapped.test/", "IPv4-mapped form of 127.0.0.1"),
            new Case("http://mixed.test/", "mixed.test resolves to 10.0.0.1"),
            new Case("http://localhost:8080/", "loopback name"),
            new Case("http://admin.localhost/", "loopback name"),
            new Case("http://no-such-host.test/", "does not resolve"));

    public static final List<Case> SCHEMES_AND_CREDENTIALS = List.of(
            new Case("file:///etc/passwd", "only http and https"),
            new Case("ftp://portal.test/budget.pdf", "only http and https"),
            new Case("gopher://portal.test:70/_GET%20/", "only http and https"),
            new Case("jar:http://portal.test/a.jar!/", "only http and https"),
            new Case("dict://portal.test:11211/stats", "only http and https"),
            new Case("data:text/html,<p>2024</p>", "only http and https"),
            new Case("//portal.test/a.pdf", "no scheme"),
            new Case("http://user:pass@portal.test/", "credentials"),
            new Case("http://user@portal.test/", "credentials"),
            new Case("https://:@portal.test/", "credentials"),
            new Case("http://portal.test@127.0.0.1/", "credentials"),
            new Case("http:///etc/passwd", "no host"),
            new Case("http://portal.test:0/", "port"),
            new Case("http://portal.test:70000/", "port"),
            new Case("http://portal.test/\r\nX-Injected: 1", "control characters"),
            new Case("http://财政.中国/", "'财政.中国' is not a valid host name (write an internationalised name in its xn--"),
            new Case("", "url is required"));

    public static Stream<Case> all() {
        return Stream.of(LITERALS, SPELLINGS, NAMES, SCHEMES_AND_CREDENTIALS).flatMap(List::stream);
    }
}
