package io.budgetlens.reporting.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.reporting.store.DisclosureRepository;
import io.smallrye.common.annotation.Blocking;

/** Consumes disclosure.received.v1 and records each document's metadata (the bytes are not stored). */
@ApplicationScoped
public class ReceivedConsumer {

    @Inject
    DisclosureRepository repository;

    @Incoming("received")
    @Blocking
    @Transactional
    public void onReceived(DisclosureReceived event) {
        repository.recordReceived(event);
    }
}
