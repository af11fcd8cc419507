package io.budgetlens.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a {@code @QuarkusTest} the shared real KRaft broker: {@code kafka.bootstrap.servers} points at it and
 * Dev Services stay off. Use with {@code @QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)}
 * or {@code @WithTestResource}.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "kafka.bootstrap.servers", SharedKafkaBroker.bootstrapServers(),
                "quarkus.kafka.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        // The broker is shared by every test class of the JVM and stopped by a shutdown hook.
    }
}
