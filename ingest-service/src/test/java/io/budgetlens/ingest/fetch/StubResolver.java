package io.budgetlens.ingest.fetch;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * Names the tests use, each resolving to one kind of address; every other name does not resolve (no DNS query ever
 * leaves the test). A CDI alternative that {@code FetchTestProfile} enables.
 */
@Alternative
@Singleton
public class StubResolver implements Resolver {

    /** name → addresses, from {@code src/test/resources/fetch/stub-hosts}. */
    public static final Map<String, List<String>> NAMES = read("/fetch/stub-hosts");

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

    private static Map<String, List<String>> read(String file) {
        return DataLines.of(file).stream()
                .map(line -> List.of(line.trim().split("\\s+")))
                .collect(Collectors.toUnmodifiableMap(words -> words.get(0), words -> words.subList(1, words.size())));
    }
}
