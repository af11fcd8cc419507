package io.budgetlens.localstack;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import io.budgetlens.events.EventJson;

/**
 * The launcher's typed client of a running stack: ingest-service's intake ({@link #submit}) and reporting-service's
 * disclosures ({@link #disclosure}), answering records. It uses the standard JAX-RS client (RESTEasy's, with its
 * Jackson provider): the launcher is a plain JVM started for each command, without CDI or MicroProfile Config, which
 * the MicroProfile REST Client builder would need, and each upload carries its own Content-Type, which a client
 * interface's fixed {@code @Consumes} cannot. Failures become {@link CliException}s with a message for the user.
 */
public final class StackClient implements AutoCloseable {

    /** ingest's answer to an accepted document. */
    public record Accepted(String documentId, String status, boolean duplicate) {
    }

    /** A disclosure as reporting-service shows it; {@link #json()} is the whole answer (for {@code check --json}). */
    public record Disclosure(JsonNode json) {

        public String status() {
            return json.path("status").asText();
        }

        /** VALIDATED or REJECTED: nothing more will happen to it. */
        public boolean finished() {
            return "VALIDATED".equals(status()) || "REJECTED".equals(status());
        }

        public boolean rejected() {
            return "REJECTED".equals(status());
        }

        public String kind() {
            return json.path("meta").path("kind").asText("-");
        }

        public String fiscalYear() {
            return json.path("meta").path("fiscalYear").asText("-");
        }

        /** Number of findings of a severity (ERROR, WARNING, INFO). */
        public int count(String severity) {
            return json.path("findingCounts").path(severity).asInt();
        }
    }

    private final String ingestUrl;
    private final String reportingUrl;
    private final Client client;
    private final String authorization;

    /** @param token the bearer token every request carries (a submitter's: drafts are its own) */
    public StackClient(String ingestUrl, String reportingUrl, String token) {
        this.ingestUrl = ingestUrl;
        this.reportingUrl = reportingUrl;
        this.authorization = "Bearer " + token;
        this.client = ClientBuilder.newBuilder()
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(60, TimeUnit.SECONDS)
                .build();
    }

    /** Sends a document to ingest-service (a draft when asked), with its Content-Type guessed from its name. */
    public Accepted submit(Path file, boolean draft) {
        WebTarget documents = client.target(ingestUrl).path("api/v1/documents")
                .queryParam("sourceUri", file.toAbsolutePath().toUri().toString())
                .queryParam("filename", file.getFileName().toString());
        if (draft) {
            documents = documents.queryParam("visibility", "draft");
        }
        try (Response response = documents.request(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .post(Entity.entity(file.toFile(), Documents.contentType(file)))) {
            if (response.getStatus() == 401) {
                throw new CliException("ingest-service did not accept the launcher's token (" + detail(response)
                        + "); was the stack started by ./budgetlens up with this BUDGETLENS_HOME?");
            }
            if (response.getStatus() >= 300) {
                throw new CliException(file + " was refused (" + response.getStatus() + "): " + detail(response));
            }
            return response.readEntity(Accepted.class);
        } catch (ProcessingException e) {
            throw new CliException("cannot reach ingest-service at " + ingestUrl + " (" + rootMessage(e)
                    + "); is the stack up? Try ./budgetlens status");
        }
    }

    /** The disclosure as stored by reporting-service; empty while it is not known there. */
    public Optional<Disclosure> disclosure(String documentId) {
        try (Response response = client.target(reportingUrl).path("api/v1/disclosures/{documentId}")
                .resolveTemplate("documentId", documentId).request(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.AUTHORIZATION, authorization).get()) {
            if (response.getStatus() == 404) {
                return Optional.empty();
            }
            if (response.getStatus() >= 300) {
                throw new CliException(reportingUrl + "/api/v1/disclosures/" + documentId + " answered "
                        + response.getStatus() + ": " + detail(response));
            }
            return Optional.of(new Disclosure(response.readEntity(JsonNode.class)));
        } catch (ProcessingException e) {
            throw new CliException("cannot reach reporting-service at " + reportingUrl + " (" + rootMessage(e) + ")");
        }
    }

    /** The problem+json detail of an error answer, or its body. */
    private static String detail(Response response) {
        String body = response.readEntity(String.class);
        try {
            return EventJson.mapper().readTree(body).path("detail").asText(body);
        } catch (Exception e) {
            return body;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    @Override
    public void close() {
        client.close();
    }
}
