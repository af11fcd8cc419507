package io.budgetlens.reporting.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.DisclosureValidated;
import io.budgetlens.reporting.store.DisclosureRepository;
import io.smallrye.common.annotation.Blocking;

/**
 * Consumes the three pipeline topics into PostgreSQL, one transaction per record. The repository makes every
 * write idempotent and order-tolerant, so redelivery after a crash changes nothing.
 */
@ApplicationScoped
public class DisclosureEventsConsumer {

    @Inject
    DisclosureRepository repository;

    @Incoming("received")
    @Blocking
    @Transactional
    public void onReceived(DisclosureReceived event) {
        repository.recordReceived(event);
    }

    @Incoming("parsed")
    @Blocking
    @Transactional
    public void onParsed(DisclosureParsed event) {
        repository.recordParsed(event);
    }

    @Incoming("validated")
    @Blocking
    @Transactional
    public void onValidated(DisclosureValidated event) {
        repository.recordValidated(event);
    }
}
