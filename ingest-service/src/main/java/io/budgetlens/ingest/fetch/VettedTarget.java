package io.budgetlens.ingest.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

/**
 * A URL {@link TargetGuard} accepted, with the addresses it checked: the only addresses a {@link Connector} may
 * connect to for it.
 *
 * @param uri       the URL without fragment
 * @param host      the host as in the Host header and TLS SNI (lowercase; an IPv6 literal without brackets)
 * @param addresses every address the name resolved to, all of them vetted; a literal is its one address
 */
public record VettedTarget(URI uri, String host, int port, List<InetAddress> addresses) {

    public boolean https() {
        return "https".equals(uri.getScheme());
    }

    /** Whether the host is an IP literal (then there is no SNI). */
    public boolean literal() {
        return Addresses.literal(host) != null;
    }

    /** The Host header: the name, and the port unless it is the scheme's default. */
    public String hostHeader() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return port == (https() ? 443 : 80) ? h : h + ":" + port;
    }

    /** The request-target of the request line: the path (at least {@code /}) and the query, as escaped in the URL. */
    public String requestTarget() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
