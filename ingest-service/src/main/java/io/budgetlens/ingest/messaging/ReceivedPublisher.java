package io.budgetlens.ingest.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;

import io.budgetlens.events.CloudEvents;
import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.service.EventMessages;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Publishes a received document on disclosure.received.v1, keyed by documentId, and returns only once the
 * broker has acknowledged the write (acks=all).
 */
@ApplicationScoped
public class ReceivedPublisher {

    /**
     * Version part of the received event's ce_id: a revision's bytes never change, so its event id never does; a later
     * revision (a part added) gets {@code 1+r<revision>}.
     */
    static final String RECEIVED_EVENT_VERSION = "1";

    @Inject
    @Channel("received-out")
    MutinyEmitter<DisclosureReceived> emitter;

    public void publish(DisclosureReceived event) {
        String id = CloudEvents.id(event.documentId(), DisclosureReceived.TYPE,
                CloudEvents.revisionVersion(RECEIVED_EVENT_VERSION, event.revisionNumber()), null);
        emitter.sendMessageAndAwait(EventMessages.keyed(event, event.documentId(), id, DisclosureReceived.TYPE,
                CloudEvents.SOURCE_INGEST, event.receivedAt()));
    }
}
