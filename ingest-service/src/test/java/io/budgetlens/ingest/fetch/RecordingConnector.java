package io.budgetlens.ingest.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The real {@link HttpConnector}, refusing any address but 127.0.0.1 (the tests' own server) and recording every
 * call: a refusal test asserts nothing was asked of it. A CDI alternative that {@code FetchTestProfile} enables.
 */
@Alternative
@Singleton
public class RecordingConnector implements Connector {

    /** Every target the connector was asked to open, in order (shared by every instance, cleared by tests). */
    public static final List<VettedTarget> CALLS = new CopyOnWriteArrayList<>();

    private final Connector delegate = new HttpConnector();

    @Override
    public Response open(VettedTarget target, Duration connectTimeout, long deadlineNanos) throws IOException {
        CALLS.add(target);
        for (InetAddress address : target.addresses()) {
            if (!address.getHostAddress().equals("127.0.0.1")) {
                throw new AssertionError("a test asked to connect to " + address + ": only 127.0.0.1 is allowed");
            }
        }
        return delegate.open(target, connectTimeout, deadlineNanos);
    }
}
