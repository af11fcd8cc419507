package io.budgetlens.ingest.fetch;

import java.util.regex.Pattern;

/** The shapes of the host part of a URL, judged the way a browser reads them (WHATWG URL). Plain Java. */
final class Hosts {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+|0[x][0-9a-f]*");

    private Hosts() {
    }

    static String withoutTrailingDot(String host) {
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    /**
     * Whether a browser would read the host as an IPv4 address: its last label is a number (decimal, octal with a
     * leading 0, or hex with 0x). {@code 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1} and {@code 127.1} all are
     * 127.0.0.1 to a browser.
     */
    static boolean endsInNumber(String lowercaseHost) {
        String h = withoutTrailingDot(lowercaseHost);
        String last = h.substring(h.lastIndexOf('.') + 1);
        return !last.isEmpty() && NUMBER.matcher(last).matches();
    }

    /** Lowercase LDH labels (underscore tolerated), at most 253 characters, not ending in a number. */
    static boolean isDnsName(String lowercaseHost) {
        String h = withoutTrailingDot(lowercaseHost);
        if (h.isEmpty() || h.length() > 253 || endsInNumber(h)) {
            return false;
        }
        for (String label : h.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }
}
