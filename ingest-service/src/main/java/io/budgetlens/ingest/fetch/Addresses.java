package io.budgetlens.ingest.fetch;

import java.net.InetAddress;
import java.util.List;

/**
 * IP literals read without any name lookup, and the special-purpose ranges (RFC 6890 and successors) a fetch must
 * never reach: private, loopback, link-local (cloud metadata 169.254.169.254), unique-local, CGNAT, multicast,
 * unspecified, reserved, documentation and benchmarking ranges, and the IPv6 forms that embed an IPv4 address. Plain
 * Java.
 */
final class Addresses {

    private static final List<Cidr> SPECIAL = List.of(
            Cidr.parse("0.0.0.0/8", "the unspecified / \"this network\" range"),
            Cidr.parse("10.0.0.0/8", "a private address"),
            Cidr.parse("100.64.0.0/10", "a carrier-grade NAT (shared) address"),
            Cidr.parse("127.0.0.0/8", "a loopback address"),
            Cidr.parse("169.254.0.0/16", "a link-local address (cloud metadata services live there)"),
            Cidr.parse("172.16.0.0/12", "a private address"),
            Cidr.parse("192.0.0.0/24", "an IETF protocol address"),
            Cidr.parse("192.0.2.0/24", "a documentation address"),
            Cidr.parse("192.88.99.0/24", "a 6to4 relay address"),
            Cidr.parse("192.168.0.0/16", "a private address"),
            Cidr.parse("198.18.0.0/15", "a benchmarking address"),
            Cidr.parse("198.51.100.0/24", "a documentation address"),
            Cidr.parse("203.0.113.0/24", "a documentation address"),
            Cidr.parse("224.0.0.0/4", "a multicast address"),
            Cidr.parse("240.0.0.0/4", "a reserved or broadcast address"),
            Cidr.parse("::/128", "the unspecified address"),
            Cidr.parse("::1/128", "a loopback address"),
            Cidr.parse("::/96", "an IPv4-compatible IPv6 address (deprecated)"),
            Cidr.parse("64:ff9b:1::/48", "a local-use NAT64 address"),
            Cidr.parse("100::/64", "a discard-only address"),
            Cidr.parse("2001::/32", "a Teredo tunnel address"),
            Cidr.parse("2001:db8::/32", "a documentation address"),
            Cidr.parse("fc00::/7", "a unique-local address"),
            Cidr.parse("fe80::/10", "a link-local address"),
            Cidr.parse("fec0::/10", "a site-local address (deprecated)"),
            Cidr.parse("ff00::/8", "a multicast address"));

    private static final Cidr MAPPED = Cidr.parse("::ffff:0:0/96", "IPv4-mapped");
    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96", "NAT64");
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16", "6to4");

    private Addresses() {
    }

    /**
     * Why an address must not be fetched from ("a private address (10.0.0.0/8)"), or null for a public address.
     * IPv6 addresses embedding an IPv4 address (IPv4-mapped, NAT64, 6to4) are judged by the embedded address.
     */
    static String special(byte[] address) {
        if (address.length == 16) {
            for (Cidr embedding : List.of(MAPPED, NAT64, SIX_TO_FOUR)) {
                if (embedding.contains(address)) {
                    int from = embedding == SIX_TO_FOUR ? 2 : 12;
                    byte[] v4 = java.util.Arrays.copyOfRange(address, from, from + 4);
                    String inner = special(v4);
                    return inner == null ? null : "the " + embedding.label() + " form of " + format(v4) + ", " + inner;
                }
            }
        }
        for (Cidr range : SPECIAL) {
            if (range.contains(address)) {
                return range.label() + " (" + range + ")";
            }
        }
        return null;
    }

    static String special(InetAddress address) {
        return special(address.getAddress());
    }

    /** The bytes of a literal address, without any lookup: a canonical dotted quad or IPv6 text; otherwise null. */
    static byte[] literal(String text) {
        if (text.indexOf(':') >= 0) {
            return ipv6(text);
        }
        return dottedQuad(text);
    }

    /** Four decimal numbers 0–255 without leading zeros (the only IPv4 spelling a fetch accepts), or null. */
    static byte[] dottedQuad(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                    || (p.length() > 1 && p.charAt(0) == '0')) {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            bytes[i] = (byte) v;
        }
        return bytes;
    }

    /** RFC 4291 text: eight groups, {@code ::} once, an IPv4 tail allowed; no zone id. Null if not one. */
    static byte[] ipv6(String text) {
        if (text.isEmpty() || text.indexOf('%') >= 0) {
            return null;
        }
        String hex = text;
        int lastColon = text.lastIndexOf(':');
        if (text.indexOf('.', lastColon) >= 0) {
            // An IPv4 tail (::ffff:127.0.0.1) is the last two groups.
            byte[] tail = dottedQuad(text.substring(lastColon + 1));
            if (tail == null) {
                return null;
            }
            hex = text.substring(0, lastColon + 1) + Integer.toHexString(((tail[0] & 0xFF) << 8) | (tail[1] & 0xFF))
                    + ":" + Integer.toHexString(((tail[2] & 0xFF) << 8) | (tail[3] & 0xFF));
        }
        int gap = hex.indexOf("::");
        if (gap >= 0 && hex.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String[] left = groups(gap < 0 ? hex : hex.substring(0, gap));
        String[] right = gap < 0 ? new String[0] : groups(hex.substring(gap + 2));
        if (left == null || right == null) {
            return null;
        }
        int given = left.length + right.length;
        if (gap < 0 ? given != 8 : given > 7) {
            return null;
        }
        byte[] bytes = new byte[16];
        int i = 0;
        for (String g : left) {
            i = put(bytes, i, g);
        }
        i = (8 - right.length) * 2;
        for (String g : right) {
            i = put(bytes, i, g);
        }
        return bytes;
    }

    private static String[] groups(String s) {
        if (s.isEmpty()) {
            return new String[0];
        }
        String[] groups = s.split(":", -1);
        for (String g : groups) {
            if (g.isEmpty() || g.length() > 4 || !g.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return null;
            }
        }
        return groups;
    }

    private static int put(byte[] bytes, int at, String group) {
        int v = Integer.parseInt(group, 16);
        bytes[at] = (byte) (v >> 8);
        bytes[at + 1] = (byte) v;
        return at + 2;
    }

    /** An address as people write it: dotted quad, or RFC 5952 IPv6 text ({@code ::1}, {@code ::ffff:10.0.0.1}). */
    static String format(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xFF) + "." + (address[1] & 0xFF) + "." + (address[2] & 0xFF) + "."
                    + (address[3] & 0xFF);
        }
        if (MAPPED.contains(address)) {
            return "::ffff:" + format(java.util.Arrays.copyOfRange(address, 12, 16));
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((address[2 * i] & 0xFF) << 8) | (address[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
