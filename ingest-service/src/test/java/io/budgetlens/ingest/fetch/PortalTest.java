package io.budgetlens.ingest.fetch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test against a fresh {@link PortalServer} on loopback, started before each test with no connection recorded. */
abstract class PortalTest {

    PortalServer portal;

    @BeforeEach
    void startPortal() {
        portal = new PortalServer();
        RecordingConnector.CALLS.clear();
    }

    @AfterEach
    void stopPortal() {
        portal.close();
    }
}
