package io.budgetlens.ingest.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;

/**
 * Host name → addresses. {@link TargetGuard} calls it once per host of each URL and the connection goes to one of
 * the addresses it vetted, never to a name resolved again (DNS rebinding). Tests inject a stub.
 */
@FunctionalInterface
public interface Resolver {

    /**
     * @param host a DNS name, lowercase, without trailing dot (never an IP literal)
     * @throws IOException (typically {@link java.net.UnknownHostException}) when the name has no address
     */
    List<InetAddress> resolve(String host) throws IOException;

    /** The system resolver ({@link InetAddress#getAllByName}). */
    static Resolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
