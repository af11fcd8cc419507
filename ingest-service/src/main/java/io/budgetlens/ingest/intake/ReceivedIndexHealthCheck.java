package io.budgetlens.ingest.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the duplicate index has been rebuilt from the received topic. */
@Readiness
@ApplicationScoped
public class ReceivedIndexHealthCheck implements HealthCheck {

    @Inject
    ReceivedIndex index;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("received-topic duplicate index")
                .status(index.isLoaded())
                .withData("documents", index.size())
                .withData("state", index.state())
                .build();
    }
}
