package io.budgetlens.ingest.fetch;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The exceptions an operator configures ({@code budgetlens.ingest.fetch.allow}): address ranges ({@code 10.1.0.0/16},
 * {@code 192.168.1.5}, {@code fd00::/8}) whose addresses may be fetched from although they are special-purpose, and
 * host names ({@code portal.intranet.example}, or {@code *.intranet.example} for its subdomains) that may be fetched
 * from whatever addresses they resolve to. Schemes, credentials and the limits still apply to them. Plain Java.
 */
public final class AllowList {

    public static final AllowList NONE = new AllowList(List.of(), List.of(), List.of());

    private final List<Cidr> ranges;
    private final List<String> hosts;
    private final List<String> domainSuffixes;

    private AllowList(List<Cidr> ranges, List<String> hosts, List<String> domainSuffixes) {
        this.ranges = ranges;
        this.hosts = hosts;
        this.domainSuffixes = domainSuffixes;
    }

    /**
     * @throws IllegalArgumentException for an entry that is neither a range nor a host name
     */
    public static AllowList of(List<String> entries) {
        List<Cidr> ranges = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        List<String> suffixes = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.indexOf('/') >= 0 || entry.indexOf(':') >= 0 || Hosts.endsInNumber(entry)) {
                ranges.add(Cidr.parse(entry, "allowed by budgetlens.ingest.fetch.allow"));
            } else if (entry.startsWith("*.") && Hosts.isDnsName(entry.substring(2))) {
                suffixes.add(entry.substring(1));
            } else if (Hosts.isDnsName(entry)) {
                hosts.add(Hosts.withoutTrailingDot(entry));
            } else {
                throw new IllegalArgumentException("budgetlens.ingest.fetch.allow: '" + raw + "' is neither an "
                        + "address range (CIDR) nor a host name");
            }
        }
        return new AllowList(List.copyOf(ranges), List.copyOf(hosts), List.copyOf(suffixes));
    }

    /** Whether a host name (lowercase, no trailing dot) is allowed whatever it resolves to. */
    public boolean allowsHost(String host) {
        return hosts.contains(host) || domainSuffixes.stream().anyMatch(host::endsWith);
    }

    public boolean allowsAddress(InetAddress address) {
        return ranges.stream().anyMatch(r -> r.contains(address));
    }

    public boolean isEmpty() {
        return ranges.isEmpty() && hosts.isEmpty() && domainSuffixes.isEmpty();
    }

    @Override
    public String toString() {
        List<String> all = new ArrayList<>(hosts);
        domainSuffixes.forEach(s -> all.add("*" + s));
        ranges.forEach(r -> all.add(r.toString()));
        return String.join(",", all);
    }
}
