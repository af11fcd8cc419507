package io.budgetlens.ingest.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.ingest.IngestConfig;
import io.budgetlens.ingest.fetch.PortalFetchService;
import io.budgetlens.ingest.intake.Intake;
import io.budgetlens.ingest.intake.IntakeException;
import io.budgetlens.ingest.intake.ZipParts;
import io.budgetlens.ingest.parse.DisclosureParser;
import io.budgetlens.service.security.Caller;
import io.budgetlens.service.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The front door: a document in the body (text/plain, text/html, text/markdown, PDF, XLSX, XLS, DOCX; other or missing
 * types are sniffed), {@code disclosure.received.v1} out. Bodies are read in bounded chunks, so an oversized body is
 * refused without being held in memory. Every call needs a token with the submitter or admin role; a draft belongs to
 * its uploader.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUBMITTER, Roles.ADMIN})
public class DocumentResource {

    @Inject
    IngestConfig config;

    @Inject
    Intake intake;

    @Inject
    DisclosureParser parser;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("documents")
    @Consumes(MediaType.WILDCARD)
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
        Intake.Submission submission = submission(body, config.maxDocumentBytes(), contentType, sourceUri, filename,
                visibility);
        if (ZipParts.isArchive(submission.mediaType(), submission.content())) {
            // A ZIP of the disclosure's files: one document of several parts.
            return answer(intake.acceptParts(ZipParts.expand(submission.content(), config.maxDocumentBytes()),
                    sourceUri, visibility, Caller.of(identity)));
        }
        return answer(intake.accept(submission, Caller.of(identity)));
    }

    @POST
    @Path("documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Accept a disclosure published as several files (multipart/form-data, one file per part)",
            description = "The files are one document whose id derives from the files' hashes, whatever their order "
                    + "(docs/events.md). 202 / 200 duplicate, and the same 4xx answers as a single document.")
    public Response acceptFiles(@RestForm(FileUpload.ALL) List<FileUpload> files,
                                @QueryParam("sourceUri") String sourceUri,
                                @QueryParam("visibility") String visibility) {
        return answer(intake.acceptParts(parts(files), sourceUri, visibility, Caller.of(identity)));
    }

    @POST
    @Path("documents/{id}/parts")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Add a part (one file in the body) to a received document",
            description = "A new revision of the same document with all its parts, re-parsed and re-validated; the "
                    + "history keeps the earlier revisions. 202; 200 when the document already has this part; 404 "
                    + "unknown document; the same 4xx answers as a single document.")
    public Response addPart(@PathParam("id") String id, InputStream body,
                            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                            @QueryParam("filename") String filename) {
        Intake.Submission s = submission(body, config.maxDocumentBytes(), contentType, null, filename, null);
        return answer(intake.addParts(id, List.of(new Intake.PartSubmission(s.content(), s.mediaType(), s.charset(),
                s.filename())), Caller.of(identity)));
    }

    @POST
    @Path("documents/{id}/parts")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Add parts (multipart/form-data, one file per part) to a received document")
    public Response addParts(@PathParam("id") String id, @RestForm(FileUpload.ALL) List<FileUpload> files) {
        return answer(intake.addParts(id, parts(files), Caller.of(identity)));
    }

    @DELETE
    @Path("documents/{id}")
    @Operation(summary = "Delete a draft: its owner or an admin (204)",
            description = "Writes the draft's tombstone on disclosure.received.v1; the parser stage follows with "
                    + "disclosure.parsed.v1, validation-service with disclosure.validated.v1, and compaction removes "
                    + "the bytes. 404 for an unknown draft or someone else's, 409 for a public document.")
    public Response delete(@PathParam("id") String id) {
        intake.deleteDraft(id, Caller.of(identity));
        return Response.noContent().build();
    }

    private Response answer(Intake.Accepted accepted) {
        URI location = URI.create(config.reportingUrl() + "/api/v1/disclosures/" + accepted.documentId());
        AcceptedDocument answer = new AcceptedDocument(accepted.documentId(), "RECEIVED", accepted.duplicate());
        return (accepted.duplicate() ? Response.ok(answer) : Response.accepted(answer)).location(location).build();
    }

    /** The uploaded files as parts, each read within the document limit. */
    private List<Intake.PartSubmission> parts(List<FileUpload> files) {
        if (files == null || files.isEmpty()) {
            throw new IntakeException(400, "The multipart request holds no file: send each part of the disclosure "
                    + "as a file field.");
        }
        List<Intake.PartSubmission> parts = new ArrayList<>();
        for (FileUpload file : files) {
            Intake.Submission s;
            try {
                s = submission(Files.newInputStream(file.uploadedFile()), config.maxDocumentBytes(),
                        file.contentType(), null, file.fileName(), null);
            } catch (IOException e) {
                throw new IntakeException(400, "The uploaded file " + file.fileName() + " could not be read: "
                        + e.getMessage());
            }
            if (ZipParts.isArchive(s.mediaType(), s.content())) {
                parts.addAll(ZipParts.expand(s.content(), config.maxDocumentBytes()));
            } else {
                parts.add(new Intake.PartSubmission(s.content(), s.mediaType(), s.charset(), s.filename()));
            }
        }
        return parts;
    }

    /** Both endpoints live in this class: Quarkus REST routes a shared path prefix to one resource class only. */
    @POST
    @Path("documents:parse")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Parse a document synchronously and return the disclosure.parsed.v1 JSON; publishes nothing")
    public DisclosureParsed preview(InputStream body,
                                    @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                    @QueryParam("sourceUri") String sourceUri,
                                    @QueryParam("visibility") String visibility) {
        Intake.Submission submission = submission(body, config.maxDocumentBytes(), contentType, sourceUri, null,
                visibility);
        var received = ZipParts.isArchive(submission.mediaType(), submission.content())
                ? intake.toReceived(ZipParts.expand(submission.content(), config.maxDocumentBytes()), sourceUri,
                        visibility)
                : intake.toReceived(submission);
        return parser.parse(received);
    }

    // ---- Fetching a disclosure from a portal (issue 13 §3): a thin delegate to fetch.PortalFetchService ----

    @Inject
    PortalFetchService portalFetch;

    @POST
    @Path("documents:fetch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Fetch a disclosure page or file from a portal, with the page's attachments, as one document",
            description = "Body {\"url\": \"https://…\", \"visibility\": \"public|draft\"}. An HTML page and the "
                    + "PDF/XLS(X)/DOC(X)/ZIP files it links become one document of several parts, each part's "
                    + "sourceUri the URL it came from. Only http/https to public addresses (budgetlens.ingest.fetch"
                    + ".allow for exceptions), redirects checked, bytes and time bounded. 202 / 200 duplicate with the "
                    + "URLs fetched; 400 refused or malformed URL; 413 too large; 415 not a document; 422 the portal "
                    + "answered 4xx; 502 the portal failed; 504 too slow; all as application/problem+json.")
    public Response fetch(FetchRequest request) {
        if (request == null) {
            throw new IntakeException(400, "Send a JSON body {\"url\": \"https://…\"} naming the disclosure page or "
                    + "file to fetch.");
        }
        PortalFetchService.Outcome outcome = portalFetch.fetch(request.url(), request.visibility(),
                Caller.of(identity));
        Intake.Accepted accepted = outcome.accepted();
        FetchedDocument answer = new FetchedDocument(accepted.documentId(), "RECEIVED", accepted.duplicate(),
                outcome.exchanges(), outcome.parts(), outcome.skipped());
        URI location = URI.create(config.reportingUrl() + "/api/v1/disclosures/" + accepted.documentId());
        return (accepted.duplicate() ? Response.ok(answer) : Response.accepted(answer)).location(location).build();
    }

    // ---- end of fetching ----

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
