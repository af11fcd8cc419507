package io.budgetlens.ingest.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;

import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.ingest.IngestConfig;
import io.budgetlens.ingest.intake.Intake;
import io.budgetlens.ingest.intake.IntakeException;
import io.budgetlens.ingest.parse.DisclosureParser;

/**
 * The front door: a document in the body (text/plain, text/html, text/markdown, PDF, XLSX, XLS, DOCX; other or missing
 * types are sniffed), {@code disclosure.received.v1} out. Bodies are read in bounded chunks, so an oversized body is
 * refused without being held in memory.
 */
@Path("/api/v1")
public class DocumentResource {

    @Inject
    IngestConfig config;

    @Inject
    Intake intake;

    private final DisclosureParser parser = new DisclosureParser(Clock.systemUTC());

    @POST
    @Path("documents")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept a disclosure document",
            description = "202 once the document is durably on disclosure.received.v1 (acks=all); 200 with "
                    + "duplicate=true when the same bytes were received before; 400 empty/binary/undecodable, "
                    + "413 too large, 415 unsupported format, all as application/problem+json.")
    public Response accept(InputStream body,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @Parameter(description = "Where the document came from (absolute URI)")
                           @QueryParam("sourceUri") String sourceUri,
                           @QueryParam("filename") String filename,
                           @Parameter(description = "public (default) or draft")
                           @QueryParam("visibility") String visibility) {
        Intake.Accepted accepted = intake.accept(submission(body, config.maxDocumentBytes(), contentType, sourceUri,
                filename, visibility));
        URI location = URI.create(config.reportingUrl() + "/api/v1/disclosures/" + accepted.documentId());
        AcceptedDocument answer = new AcceptedDocument(accepted.documentId(), "RECEIVED", accepted.duplicate());
        return (accepted.duplicate() ? Response.ok(answer) : Response.accepted(answer)).location(location).build();
    }

    /** Both endpoints live in this class: Quarkus REST routes a shared path prefix to one resource class only. */
    @POST
    @Path("documents:parse")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Parse a document synchronously and return the disclosure.parsed.v1 JSON; publishes nothing")
    public DisclosureParsed preview(InputStream body,
                                    @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                    @QueryParam("sourceUri") String sourceUri,
                                    @QueryParam("visibility") String visibility) {
        var received = intake.toReceived(submission(body, config.maxDocumentBytes(), contentType, sourceUri, null,
                visibility));
        return parser.parse(received);
    }

    static Intake.Submission submission(InputStream body, int maxBytes, String contentType, String sourceUri,
                                        String filename, String visibility) {
        byte[] content = readBounded(body, maxBytes);
        String mediaType = null;
        String charset = null;
        if (contentType != null && !contentType.isBlank()) {
            try {
                MediaType media = MediaType.valueOf(contentType);
                mediaType = (media.getType() + "/" + media.getSubtype()).toLowerCase(java.util.Locale.ROOT);
                charset = media.getParameters().get("charset");
            } catch (IllegalArgumentException e) {
                throw new IntakeException(400, "Content-Type '" + contentType + "' is not a valid media type.");
            }
        }
        return new Intake.Submission(content, mediaType, charset, sourceUri, filename, visibility);
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
                    throw new IntakeException(413, "The document is larger than the limit of " + limit
                            + " bytes (budgetlens.ingest.max-document-bytes).");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IntakeException(400, "The request body could not be read: " + e.getMessage());
        }
    }
}
