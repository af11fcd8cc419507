package io.budgetlens.e2e;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.budgetlens.testsupport.ServiceProcess;
import io.budgetlens.testsupport.SharedKafkaBroker;
import io.budgetlens.testsupport.SharedPostgres;
import io.budgetlens.testsupport.TestTokens;

/**
 * The three services as JVMs from their packaged jars on one real broker and database, started once for all the
 * end-to-end test classes of this JVM and stopped (SIGTERM) when it exits. They verify bearer tokens with the tests'
 * key pair ({@link TestTokens}).
 */
final class RunningSystem {

    /** The subject the dashboard's /login signs the browser in as. */
    static final String DASHBOARD_USER = "dashboard-user";

    private static RunningSystem instance;

    final Map<String, String> environment;
    final ServiceProcess ingest;
    final ServiceProcess validation;
    volatile ServiceProcess reporting;

    private RunningSystem() {
        Map<String, String> env = new LinkedHashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", SharedKafkaBroker.bootstrapServers(),
                "QUARKUS_DATASOURCE_JDBC_URL", SharedPostgres.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", SharedPostgres.USER,
                "QUARKUS_DATASOURCE_PASSWORD", ""));
        // the services trust the tests' key pair, as a deployment trusts its identity provider's
        env.putAll(TestTokens.environment());
        environment = Map.copyOf(env);
        ingest = new ServiceProcess("ingest-service", environment).start();
        validation = new ServiceProcess("validation-service", environment).start();
        reporting = newReporting().start();
        for (ServiceProcess s : List.of(ingest, validation, reporting)) {
            s.awaitReady(Duration.ofSeconds(120));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            reporting.close();
            validation.close();
            ingest.close();
        }));
    }

    static synchronized RunningSystem get() {
        if (instance == null) {
            instance = new RunningSystem();
        }
        return instance;
    }

    ServiceProcess newReporting() {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("BUDGETLENS_INGEST_URL", ingest.url());
        // the dashboard's /login signs the browser in as this submitter, as the launcher's local token does
        env.put("BUDGETLENS_DASHBOARD_LOCAL_TOKEN", TestTokens.submitter(DASHBOARD_USER));
        return new ServiceProcess("reporting-service", env);
    }

    /** Stops reporting-service (SIGTERM) and starts a new one on another port. */
    void restartReporting() {
        reporting.close();
        reporting = newReporting().start().awaitReady(Duration.ofSeconds(120));
    }
}
