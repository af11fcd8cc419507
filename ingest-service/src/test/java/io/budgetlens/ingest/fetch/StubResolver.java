package io.budgetlens.ingest.fetch;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * Names the tests use, each resolving to one kind of address; every other name does not resolve (no DNS query ever
 * leaves the test). A CDI alternative that {@code FetchTestProfile} enables.
 */
@Alternative
@Singleton
public class StubResolver implements Resolver {

    /** name → addresses. {@code portal.test} is the tests' own server on 127.0.0.1 (allowed by host name). */
    public static final Map<String, List<String>> NAMES = Map.ofEntries(
            Map.entry("portal.test", List.of("127.0.0.1")),
            Map.entry("files.portal.test", List.of("127.0.0.1")),
            Map.entry("loopback.test", List.of("127.0.0.1")),
            Map.entry("ten.test", List.of("10.1.2.3")),
            Map.entry("private172.test", List.of("172.20.0.5")),
            Map.entry("home.test", List.of("192.168.0.10")),
            Map.entry("metadata.test", List.of("169.254.169.254")),
            Map.entry("cgnat.test", List.of("100.64.1.1")),
            Map.entry("zero.test", List.of("0.0.0.0")),
            Map.entry("v6loopback.test", List.of("::1")),
            Map.entry("ula.test", List.of("fc00::5")),
            Map.entry("linklocal6.test", List.of("fe80::1")),
            Map.entry("mapped.test", List.of("::ffff:127.0.0.1")),
            Map.entry("mixed.test", List.of("93.184.216.34", "10.0.0.1")));

    /** Every name asked, in order. */
    public static final List<String> ASKED = new CopyOnWriteArrayList<>();

    @Override
    public List<InetAddress> resolve(String host) throws IOException {
        ASKED.add(host);
        List<String> addresses = NAMES.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        List<InetAddress> resolved = new ArrayList<>();
        for (String a : addresses) {
            byte[] bytes = Addresses.literal(a);
            // An IPv6 address stays IPv6 even in its IPv4-mapped form, as a resolver may hand it over.
            resolved.add(bytes.length == 16 ? Inet6Address.getByAddress(host, bytes, -1)
                    : InetAddress.getByAddress(host, bytes));
        }
        return resolved;
    }
}
