package io.budgetlens.reporting.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** DOWN while consumer writes wait for the database (the datasource's own check reports the connection). */
@Readiness
@ApplicationScoped
public class StoreReadiness implements HealthCheck {

    @Inject
    StoreWriter writer;

    @Override
    public HealthCheckResponse call() {
        StoreWriter.Unavailable unavailable = writer.unavailable();
        var builder = HealthCheckResponse.named("disclosure-store-writes");
        if (unavailable == null) {
            return builder.up().build();
        }
        return builder.down().withData("waitingSince", unavailable.since().toString())
                .withData("cause", unavailable.cause()).build();
    }
}
