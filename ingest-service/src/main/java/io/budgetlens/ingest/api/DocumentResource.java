package io.budgetlens.ingest.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.DocumentIds;
import io.budgetlens.events.Visibility;
import io.budgetlens.ingest.IngestConfig;
import io.budgetlens.ingest.messaging.ReceivedPublisher;
import io.budgetlens.ingest.parse.DisclosureParser;
import io.budgetlens.ingest.parse.UndecodableDocumentException;

/**
 * The front door: documents in, {@code disclosure.received.v1} out. Foundation version: text, HTML and Markdown
 * bodies; the intake issue adds duplicate detection, sniffing, 415 for other formats and the full bad-input suite.
 */
@Path("/api/v1/documents")
public class DocumentResource {

    @Inject
    IngestConfig config;

    @Inject
    ReceivedPublisher publisher;

    private final Clock clock = Clock.systemUTC();

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept a disclosure document; 202 once it is durably on disclosure.received.v1")
    public Response accept(InputStream body,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @QueryParam("sourceUri") String sourceUri,
                           @QueryParam("filename") String filename,
                           @QueryParam("visibility") String visibility) {
        DisclosureReceived received = received(body, contentType, sourceUri, filename, visibility);
        publisher.publish(received);
        URI location = URI.create(config.reportingUrl() + "/api/v1/disclosures/" + received.documentId());
        return Response.accepted(new AcceptedDocument(received.documentId(), "RECEIVED", false))
                .location(location).build();
    }

    @POST
    @Path(":parse")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Parse a document synchronously and return the disclosure.parsed.v1 JSON; publishes nothing")
    public DisclosureParsed preview(InputStream body,
                                    @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                    @QueryParam("sourceUri") String sourceUri,
                                    @QueryParam("visibility") String visibility) {
        DisclosureReceived received = received(body, contentType, sourceUri, null, visibility);
        try {
            return new DisclosureParser(clock).parse(received);
        } catch (UndecodableDocumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private DisclosureReceived received(InputStream body, String contentType, String sourceUri, String filename,
                                        String visibility) {
        byte[] content = readBounded(body, config.maxDocumentBytes());
        if (content.length == 0) {
            throw new BadRequestException("The request body is empty: send the document's bytes as the body.");
        }
        MediaType media = mediaType(contentType);
        String charset = media == null ? null : media.getParameters().get("charset");
        String type = media == null ? "application/octet-stream" : media.getType() + "/" + media.getSubtype();
        String id = DocumentIds.of(content);
        return new DisclosureReceived(id, type, charset, sourceUri, filename, content.length, id, clock.instant(),
                visibility(visibility), content);
    }

    static Visibility visibility(String value) {
        if (value == null || value.isBlank()) {
            return Visibility.PUBLIC;
        }
        try {
            return Visibility.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("visibility must be 'public' or 'draft', got '" + value + "'");
        }
    }

    private static MediaType mediaType(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return MediaType.valueOf(header);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Content-Type '" + header + "' is not a valid media type");
        }
    }

    /** Reads at most {@code limit} bytes; a longer body answers 413 without buffering the rest. */
    static byte[] readBounded(InputStream body, int limit) {
        if (body == null) {
            return new byte[0];
        }
        try (InputStream in = body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > limit) {
                    throw new ClientErrorException("The document is larger than the limit of " + limit
                            + " bytes (budgetlens.ingest.max-document-bytes).", Response.Status.REQUEST_ENTITY_TOO_LARGE);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new BadRequestException("The request body could not be read: " + e.getMessage());
        }
    }
}
