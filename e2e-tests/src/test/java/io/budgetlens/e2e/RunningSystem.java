package io.budgetlens.e2e;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.budgetlens.testsupport.ServiceProcess;
import io.budgetlens.testsupport.SharedKafkaBroker;
import io.budgetlens.testsupport.SharedPostgres;

/**
 * The three services as JVMs from their packaged jars on one real broker and database, started once for all the
 * end-to-end test classes of this JVM and stopped (SIGTERM) when it exits.
 */
final class RunningSystem {

    private static RunningSystem instance;

    final Map<String, String> environment;
    final ServiceProcess ingest;
    final ServiceProcess validation;
    volatile ServiceProcess reporting;

    private RunningSystem() {
        environment = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", SharedKafkaBroker.bootstrapServers(),
                "QUARKUS_DATASOURCE_JDBC_URL", SharedPostgres.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", SharedPostgres.USER,
                "QUARKUS_DATASOURCE_PASSWORD", "");
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
        return new ServiceProcess("reporting-service", env);
    }

    /** Stops reporting-service (SIGTERM) and starts a new one on another port. */
    void restartReporting() {
        reporting.close();
        reporting = newReporting().start().awaitReady(Duration.ofSeconds(120));
    }
}
