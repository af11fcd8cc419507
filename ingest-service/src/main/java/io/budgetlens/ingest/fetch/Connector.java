package io.budgetlens.ingest.fetch;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * Opens one HTTP GET exchange to a target {@link TargetGuard} has vetted: it connects to one of the target's
 * addresses (never resolving the name again) and sends the name as Host header and TLS SNI. It follows no redirect
 * and sends no cookie and no credential. Tests inject a recording or refusing one.
 */
@FunctionalInterface
public interface Connector {

    /**
     * @param connectTimeout the longest wait for a TCP connection to one address
     * @param deadlineNanos  {@link System#nanoTime()} by which the whole response (headers and body) must be read
     * @throws IOException when no address connects, or the exchange fails before the response headers
     */
    Response open(VettedTarget target, Duration connectTimeout, long deadlineNanos) throws IOException;

    /** A response whose headers are read; its body is read from {@link #body()}. Closing it closes the connection. */
    interface Response extends Closeable {

        int status();

        /** The first value of a header (case-insensitive name), or null. */
        String header(String name);

        /** The body, transfer and content codings removed; reads past the deadline throw SocketTimeoutException. */
        InputStream body() throws IOException;
    }
}
