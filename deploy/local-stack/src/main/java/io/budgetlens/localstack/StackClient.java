package io.budgetlens.localstack;

import java.net.URI;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.jboss.resteasy.client.jaxrs.ResteasyClientBuilder;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import io.budgetlens.events.EventJson;

/**
 * The launcher's typed client of a running stack: ingest-service's intake ({@link #submit}, several files as one
 * document with {@link #submitParts}, {@link #addParts}, a portal page with {@link #fetch}) and reporting-service's
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

        /** VALIDATED or REJECTED, its newest revision included: nothing more will happen to it. */
        public boolean finished() {
            return ("VALIDATED".equals(status()) || "REJECTED".equals(status())) && settled();
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

        /** The newest revision received (a part added makes a new one); 1 when reporting does not say. */
        public int revision() {
            return json.path("revision").asInt(1);
        }

        /**
         * Whether the newest revision has been through the pipeline: validated, or its parse rejected. A reporting
         * service that does not show revisions is taken at its status.
         */
        public boolean settled() {
            if (!json.has("revision")) {
                return true;
            }
            return json.path("validatedRevision").asInt(0) >= revision()
                    || json.path("parsedRevision").asInt(0) >= revision() && !json.path("rejectionReasons").isEmpty();
        }

        /**
         * Where it is in the pipeline: its status once the newest revision is settled, before that RECEIVED or PARSED
         * for the newest revision (a document already VALIDATED that got a part added).
         */
        public String stage() {
            if (settled()) {
                return status();
            }
            return json.path("parsedRevision").asInt(0) >= revision() ? "PARSED" : "RECEIVED";
        }

        /** The file names of its parts in reading order (narrative first), or empty for a one-file document. */
        public List<String> partNames() {
            List<String> names = new ArrayList<>();
            json.path("parts").forEach(p -> names.add(p.path("filename").asText("?")));
            return names;
        }
    }

    private final String ingestUrl;
    private final String reportingUrl;
    private final Client client;
    private final String authorization;

    /** Connections kept per stack address: the load generator's clients send concurrently over one client. */
    static final int CONNECTIONS = 64;

    /** Whether {@link #close} closes {@link #client} (false for a view made by {@link #as}). */
    private final boolean ownsClient;

    /** @param token the bearer token every request carries (a submitter's: drafts are its own) */
    public StackClient(String ingestUrl, String reportingUrl, String token) {
        this(ingestUrl, reportingUrl, "Bearer " + token, ((ResteasyClientBuilder) ClientBuilder.newBuilder())
                .connectionPoolSize(CONNECTIONS)
                .maxPooledPerRoute(CONNECTIONS)
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(60, TimeUnit.SECONDS)
                .build(), true);
    }

    private StackClient(String ingestUrl, String reportingUrl, String authorization, Client client,
                        boolean ownsClient) {
        this.ingestUrl = ingestUrl;
        this.reportingUrl = reportingUrl;
        this.authorization = authorization;
        this.client = client;
        this.ownsClient = ownsClient;
    }

    /**
     * The same stack and connections, with another caller's token (the load generator's clients are callers of their
     * own, as a province's submitters are: ingest limits the rate per caller). Closing it leaves this one open.
     */
    public StackClient as(String token) {
        return new StackClient(ingestUrl, reportingUrl, "Bearer " + token, client, false);
    }

    /**
     * Every request to the stack is built here: the one place for what each must carry (the bearer token).
     */
    private Invocation.Builder request(WebTarget target) {
        return target.request(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.AUTHORIZATION, authorization);
    }

    /** Sends a document to ingest-service (a draft when asked), with its Content-Type guessed from its name. */
    public Accepted submit(Path file, boolean draft) {
        WebTarget documents = client.target(ingestUrl).path("api/v1/documents")
                .queryParam("sourceUri", file.toAbsolutePath().toUri().toString())
                .queryParam("filename", file.getFileName().toString());
        if (draft) {
            documents = documents.queryParam("visibility", "draft");
        }
        return post(documents, Entity.entity(file.toFile(), Documents.contentType(file)), file.toString());
    }

    /** Sends a document's bytes to the ingest-service at {@code url} (one of several instances), public. */
    public Accepted submit(String url, byte[] content, String contentType, String filename) {
        return post(client.target(url).path("api/v1/documents").queryParam("filename", filename),
                Entity.entity(content, contentType), filename);
    }

    private Accepted post(WebTarget documents, Entity<?> body, String name) {
        try (Response response = request(documents).post(body)) {
            if (response.getStatus() == 401) {
                throw new CliException("ingest-service did not accept the launcher's token (" + detail(response)
                        + "); was the stack started by ./budgetlens up with this BUDGETLENS_HOME?");
            }
            if (response.getStatus() >= 300) {
                throw new CliException(name + " was refused (" + response.getStatus() + "): " + detail(response));
            }
            return response.readEntity(Accepted.class);
        } catch (ProcessingException e) {
            URI uri = documents.getUri();
            throw new CliException("cannot reach ingest-service at " + uri.getScheme() + "://" + uri.getAuthority()
                    + " (" + rootMessage(e) + "); is the stack up? Try ./budgetlens status");
        }
    }

    /** The disclosure as stored by reporting-service; empty while it is not known there. */
    public Optional<Disclosure> disclosure(String documentId) {
        try (Response response = request(client.target(reportingUrl).path("api/v1/disclosures/{documentId}")
                .resolveTemplate("documentId", documentId)).get()) {
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

    // ---- Multi-part documents and portal fetches (issue 13): ingest's multipart and fetch endpoints ----

    /** ingest's answer to a fetched portal page or file: the document, every HTTP exchange, its parts, links left out. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Fetched(String documentId, String status, boolean duplicate, List<Exchange> fetched,
                          List<FetchedPart> parts, List<Skipped> skipped) {

        public Fetched {
            fetched = fetched == null ? List.of() : fetched;
            parts = parts == null ? List.of() : parts;
            skipped = skipped == null ? List.of() : skipped;
        }

        /** One HTTP request the fetch made (redirects included). */
        @JsonIgnoreProperties(ignoreUnknown = true)
        public record Exchange(String url, int status, String contentType, long bytes) {
        }

        /** A file of the fetched document and the URL it came from. */
        @JsonIgnoreProperties(ignoreUnknown = true)
        public record FetchedPart(String sourceUri, String filename, long bytes) {
        }

        /** An attachment link that was not taken, and why. */
        @JsonIgnoreProperties(ignoreUnknown = true)
        public record Skipped(String url, String reason) {
        }
    }

    /**
     * Sends several files as ONE document: a {@code multipart/form-data} request with one file field per file (ingest
     * derives the id from the files' hashes, whatever their order). A draft when asked.
     */
    public Accepted submitParts(List<Path> files, boolean draft) {
        WebTarget documents = client.target(ingestUrl).path("api/v1/documents");
        if (draft) {
            documents = documents.queryParam("visibility", "draft");
        }
        return postParts(documents, files);
    }

    /**
     * Adds files to a received document: a new revision of it with all its parts, parsed and validated again.
     * {@code duplicate} in the answer: it had every one of them already.
     *
     * @throws CliException for an unknown document (ingest's 404) or a refused file
     */
    public Accepted addParts(String documentId, List<Path> files) {
        WebTarget parts = client.target(ingestUrl).path("api/v1/documents/{id}/parts")
                .resolveTemplate("id", documentId);
        return postParts(parts, files);
    }

    /**
     * Asks ingest-service to fetch a disclosure page or file from a portal ({@code POST /api/v1/documents:fetch}), the
     * page's attachments included, as one document. The URL travels as it was given, in the JSON body.
     */
    public Fetched fetch(String url, boolean draft) {
        // The colon stays as it is in the path: "documents%3Afetch" would be another path (ingest README).
        WebTarget fetch = client.target(ingestUrl).path("api/v1/documents:fetch");
        Map<String, String> body = draft ? Map.of("url", url, "visibility", "draft") : Map.of("url", url);
        try (Response response = request(fetch).post(Entity.json(body))) {
            if (response.getStatus() >= 300) {
                throw new CliException(url + " was not fetched (" + response.getStatus() + "): " + detail(response));
            }
            return response.readEntity(Fetched.class);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    private Accepted postParts(WebTarget target, List<Path> files) {
        MultipartForm form = new MultipartForm(files);
        try (Response response = request(target)
                .post(Entity.entity((StreamingOutput) form::writeTo, form.mediaType()))) {
            if (response.getStatus() == 404) {
                throw new CliException("no such document: " + detail(response));
            }
            if (response.getStatus() >= 300) {
                throw new CliException(String.join(", ", files.stream().map(Path::toString).toList()) + " refused ("
                        + response.getStatus() + "): " + detail(response));
            }
            return response.readEntity(Accepted.class);
        } catch (ProcessingException e) {
            if (e.getCause() instanceof UncheckedIOException unreadable) {
                throw new CliException("cannot read " + unreadable.getMessage() + ": it was removed or made unreadable "
                        + "while being sent");
            }
            throw unreachable(e);
        }
    }

    private CliException unreachable(ProcessingException e) {
        return new CliException("cannot reach ingest-service at " + ingestUrl + " (" + rootMessage(e)
                + "); is the stack up? Try ./budgetlens status");
    }

    // ---- end of multi-part documents and portal fetches ----

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
        if (!ownsClient) {
            return;
        }
        client.close();
    }
}
