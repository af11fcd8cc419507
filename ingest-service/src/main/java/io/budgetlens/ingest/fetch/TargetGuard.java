package io.budgetlens.ingest.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a URL may be fetched, before anything is sent (SSRF guard): only http and https, no credentials
 * in the URL, a host that is a DNS name or a canonical IP literal (no decimal, octal, hex or shortened IPv4
 * spellings, no IPv6 zone ids), and every address the name resolves to (resolved once, here) outside the
 * special-purpose ranges of {@link Addresses} unless the {@link AllowList} allows it. Plain Java.
 */
public final class TargetGuard {

    public static final int MAX_URL = 2048;
    private static final String ALLOW_HINT = " BudgetLens fetches from public internet addresses only; an operator "
            + "can allow a host or an address range with budgetlens.ingest.fetch.allow.";

    private final Resolver resolver;
    private final AllowList allow;

    public TargetGuard(Resolver resolver, AllowList allow) {
        this.resolver = resolver;
        this.allow = allow;
    }

    /**
     * @throws FetchException 400 naming why the URL is refused
     */
    public VettedTarget vet(String url) {
        if (url == null || url.isBlank()) {
            throw refused("url is required: the address of a disclosure page or file (http or https).");
        }
        return vet(Urls.parse(url.strip()));
    }

    /**
     * @throws FetchException 400 naming why the URL is refused
     */
    public VettedTarget vet(URI uri) {
        String shown = uri.toString();
        if (shown.length() > MAX_URL) {
            throw refused("The URL is longer than " + MAX_URL + " characters.");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw refused("Refused " + shown + ": only http and https URLs are fetched"
                    + (scheme == null ? " (the URL has no scheme)." : ", not " + scheme + ":."));
        }
        String authority = uri.getRawAuthority();
        if (uri.isOpaque() || authority == null || authority.isEmpty()) {
            throw refused("Refused " + shown + ": the URL names no host.");
        }
        if (authority.indexOf('@') >= 0) {
            throw refused("Refused " + shown + ": credentials in URLs (user:password@host) are refused; BudgetLens "
                    + "fetches public pages only and never sends credentials.");
        }
        String host;
        String port = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw refused("Refused " + shown + ": the IPv6 address is not closed by ']'.");
            }
            host = authority.substring(1, close).toLowerCase(Locale.ROOT);
            String rest = authority.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw refused("Refused " + shown + ": unexpected text after the IPv6 address.");
                }
                port = rest.substring(1);
            }
        } else {
            int colon = authority.lastIndexOf(':');
            host = (colon < 0 ? authority : authority.substring(0, colon)).toLowerCase(Locale.ROOT);
            port = colon < 0 ? null : authority.substring(colon + 1);
        }
        int portNumber = port(shown, port, scheme);
        URI clean = withoutFragment(uri, scheme);
        if (authority.startsWith("[")) {
            return literalTarget(clean, shown, host, portNumber, Addresses.ipv6(host), host.indexOf('%') >= 0
                    ? "IPv6 zone ids (%…) are refused." : "not a valid IPv6 address.");
        }
        host = Hosts.withoutTrailingDot(host);
        if (host.isEmpty()) {
            throw refused("Refused " + shown + ": the URL names no host.");
        }
        if (Hosts.endsInNumber(host)) {
            return literalTarget(clean, shown, host, portNumber, Addresses.dottedQuad(host), "a browser reads '"
                    + host + "' as an IPv4 address, and only the canonical dotted form (four decimal numbers 0-255, "
                    + "no leading zeros) is accepted: decimal, octal, hex and shortened spellings are refused.");
        }
        if (!Hosts.isDnsName(host)) {
            throw refused("Refused " + shown + ": '" + AttachmentLinks.decode(host) + "' is not a valid host name"
                    + (host.chars().anyMatch(c -> c > 127 || c == '%') ? " (write an internationalised name in "
                    + "its xn-- form)." : "."));
        }
        return nameTarget(clean, shown, host, portNumber);
    }

    private VettedTarget literalTarget(URI uri, String shown, String host, int port, byte[] address, String invalid) {
        if (address == null) {
            throw refused("Refused " + shown + ": " + invalid);
        }
        InetAddress inet = inet(address);
        String special = Addresses.special(address);
        if (special != null && !allow.allowsAddress(inet)) {
            throw refused("Refused " + shown + ": " + Addresses.format(address) + " is " + special + "." + ALLOW_HINT);
        }
        return new VettedTarget(uri, host, port, List.of(inet));
    }

    private VettedTarget nameTarget(URI uri, String shown, String host, int port) {
        boolean hostAllowed = allow.allowsHost(host);
        if (!hostAllowed && (host.equals("localhost") || host.endsWith(".localhost"))) {
            throw refused("Refused " + shown + ": '" + host + "' is a loopback name." + ALLOW_HINT);
        }
        List<InetAddress> addresses;
        try {
            addresses = List.copyOf(resolver.resolve(host));
        } catch (UnknownHostException e) {
            throw refused("Refused " + shown + ": the host " + host + " has no address (it does not resolve).");
        } catch (IOException e) {
            throw refused("Refused " + shown + ": the host " + host + " could not be resolved: " + e.getMessage());
        }
        if (addresses.isEmpty()) {
            throw refused("Refused " + shown + ": the host " + host + " has no address (it does not resolve).");
        }
        if (!hostAllowed) {
            for (InetAddress address : addresses) {
                String special = Addresses.special(address);
                if (special != null && !allow.allowsAddress(address)) {
                    throw refused("Refused " + shown + ": " + host + " resolves to "
                            + Addresses.format(address.getAddress()) + ", " + special + "." + ALLOW_HINT);
                }
            }
        }
        return new VettedTarget(uri, host, port, addresses);
    }

    private static int port(String shown, String port, String scheme) {
        if (port == null || port.isEmpty()) {
            return "https".equals(scheme) ? 443 : 80;
        }
        if (port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw refused("Refused " + shown + ": '" + port + "' is not a port number.");
        }
        int p = Integer.parseInt(port);
        if (p < 1 || p > 65535) {
            throw refused("Refused " + shown + ": port " + p + " is outside 1-65535.");
        }
        return p;
    }

    private static URI withoutFragment(URI uri, String scheme) {
        try {
            // An empty path becomes "/": java.net.URI resolves "a.pdf" against "http://host" as "http://hosta.pdf".
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return new URI(scheme + "://" + uri.getRawAuthority() + path
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        } catch (URISyntaxException e) {
            throw refused("Refused " + uri + ": " + e.getMessage());
        }
    }

    private static InetAddress inet(byte[] address) {
        try {
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static FetchException refused(String message) {
        return new FetchException(400, message);
    }
}
