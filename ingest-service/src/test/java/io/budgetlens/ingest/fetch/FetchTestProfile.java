package io.budgetlens.ingest.fetch;

import java.util.Map;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service with the tests' resolver (names → fixed addresses, nothing else resolves) and the recording connector
 * (only ever 127.0.0.1), and an allow-list of its own naming only {@code portal.test}, the tests' server.
 */
public class FetchTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("budgetlens.ingest.fetch.allow", "portal.test",
                "budgetlens.ingest.fetch.response-timeout", "10s");
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(StubResolver.class, RecordingConnector.class);
    }
}
