package io.budgetlens.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Gives a {@code @QuarkusTest} the shared real PostgreSQL as its default datasource, Dev Services off. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.db-kind", "postgresql",
                "quarkus.datasource.jdbc.url", SharedPostgres.jdbcUrl(),
                "quarkus.datasource.username", SharedPostgres.USER,
                "quarkus.datasource.password", "",
                "quarkus.datasource.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM and stopped by a shutdown hook.
    }
}
