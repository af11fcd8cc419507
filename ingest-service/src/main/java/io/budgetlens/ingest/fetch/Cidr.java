package io.budgetlens.ingest.fetch;

import java.net.InetAddress;
import java.util.Arrays;

/** An address range ({@code 10.0.0.0/8}, {@code fc00::/7}) with a name for messages. Plain Java. */
record Cidr(byte[] network, int prefix, String label) {

    /**
     * Parses {@code address/prefix} or a bare address (a range of one). Only literal addresses: nothing is resolved.
     *
     * @throws IllegalArgumentException for anything else
     */
    static Cidr parse(String text, String label) {
        String t = text.strip();
        int slash = t.indexOf('/');
        String addressPart = slash < 0 ? t : t.substring(0, slash);
        byte[] address = Addresses.literal(addressPart);
        if (address == null) {
            throw new IllegalArgumentException("'" + text + "' is not an address or an address range (CIDR)");
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' has no valid prefix length");
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0.." + bits);
            }
        }
        return new Cidr(mask(address, prefix), prefix, label);
    }

    boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    boolean contains(byte[] address) {
        return address.length == network.length && Arrays.equals(mask(address, prefix), network);
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            masked[i] = (byte) (masked[i] & (0xFF00 >> keep));
        }
        return masked;
    }

    @Override
    public String toString() {
        return Addresses.format(network) + "/" + prefix;
    }
}
