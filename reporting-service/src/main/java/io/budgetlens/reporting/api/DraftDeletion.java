package io.budgetlens.reporting.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.budgetlens.reporting.store.DisclosureRepository;
import io.budgetlens.service.Problem;
import io.budgetlens.service.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Deleting a draft everywhere: ingest-service first writes its tombstones (with the caller's token, so it checks the
 * owner too), which remove the bytes from the compacted topics and reach this service's consumers; the stored draft
 * is removed here at once as well, so the answer (204) means it is gone. When ingest-service cannot be reached nothing
 * is deleted (503): a draft removed only here would live on in Kafka.
 */
@ApplicationScoped
public class DraftDeletion {

    @Inject
    @RestClient
    IngestClient ingest;

    @Inject
    DisclosureRepository repository;

    @ConfigProperty(name = "budgetlens.ingest.url")
    String ingestUrl;

    public Response delete(String documentId, Caller caller) {
        try (Response answer = ingest.delete(documentId, caller.authorization())) {
            // 404: ingest has no such draft any more (deleted before, its tombstone written): finish here
            if (answer.getStatus() != 204 && answer.getStatus() != 404) {
                MediaType type = answer.getMediaType() == null ? MediaType.valueOf(Problem.MEDIA_TYPE)
                        : answer.getMediaType();
                return Response.status(answer.getStatus()).entity(answer.readEntity(byte[].class)).type(type).build();
            }
        } catch (ProcessingException e) {
            return Problem.response(Response.Status.SERVICE_UNAVAILABLE, "ingest-service (" + ingestUrl
                    + ") cannot be reached, so the draft's bytes cannot be removed from Kafka: nothing was deleted; "
                    + "try again.", "/api/v1/disclosures/" + documentId);
        }
        QuarkusTransaction.requiringNew().run(() -> repository.deleteDocument(documentId));
        return Response.noContent().build();
    }
}
