package io.budgetlens.reporting.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.budgetlens.events.Visibility;
import io.budgetlens.reporting.query.Params;
import io.budgetlens.service.Problem;
import io.budgetlens.service.security.Caller;
import io.budgetlens.service.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.buffer.Buffer;

/**
 * Forwards an uploaded document to ingest-service, so the dashboard talks only to its own origin. Uploads are
 * drafts unless visibility=public is given: the "check before you publish" flow. The caller's token goes along (a
 * draft's owner is its subject). Ingest's answer (202 with the documentId, 200 for a duplicate, 4xx problem+json for
 * bad input) is relayed as it is.
 */
@Path("/api/v1/uploads")
@RolesAllowed({Roles.SUBMITTER, Roles.ADMIN})
public class UploadResource {

    @Inject
    SecurityIdentity identity;

    @ConfigProperty(name = "budgetlens.ingest.url")
    String ingestUrl;

    @ConfigProperty(name = "budgetlens.upload.max-bytes", defaultValue = "10485760")
    long maxUploadBytes;

    @Inject
    @RestClient
    IngestClient ingest;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Upload a disclosure document (forwarded to ingest-service); a draft by default",
            description = "The body is the document itself (PDF, XLSX/XLS, DOCX, HTML, text, Markdown, or a ZIP of a "
                    + "disclosure's files). Answers ingest's 202/200 with "
                    + "{documentId, status, duplicate}; 503 when ingest-service cannot be reached.")
    public Response upload(InputStream body,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @Parameter(description = "The file's name, shown in lists") @QueryParam("filename") String filename,
                           @Parameter(description = "draft (default) or public") @QueryParam("visibility") String visibility) {
        Visibility vis = Params.enumValue("visibility", visibility, Visibility.class);
        byte[] content = readBounded(body, maxUploadBytes);
        try (Response answer = ingest.submit(content, Params.given(contentType) ? contentType : null,
                (vis == null ? Visibility.DRAFT : vis).name().toLowerCase(Locale.ROOT),
                Params.given(filename) ? filename : null, Caller.of(identity).authorization())) {
            MediaType type = answer.getMediaType() == null ? MediaType.APPLICATION_JSON_TYPE : answer.getMediaType();
            return Response.status(answer.getStatus()).entity(answer.readEntity(byte[].class)).type(type).build();
        } catch (ProcessingException e) {
            return Problem.response(Response.Status.SERVICE_UNAVAILABLE, "ingest-service (" + ingestUrl
                    + ") cannot be reached: " + e.getMessage() + ". Nothing was stored; try again.", "/api/v1/uploads");
        }
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Upload a disclosure published as several files (one document; forwarded to ingest-service)",
            description = "multipart/form-data, one file field per part (narrative, tables, attachments). A draft by "
                    + "default. Answers as a single upload.")
    public Response uploadFiles(@RestForm(FileUpload.ALL) List<FileUpload> files,
                                @Parameter(description = "draft (default) or public") @QueryParam("visibility")
                                String visibility) {
        Visibility vis = Params.enumValue("visibility", visibility, Visibility.class);
        if (files == null || files.isEmpty()) {
            throw new BadRequestException("The upload holds no file: send each part of the disclosure as a file field.");
        }
        long total = 0;
        int n = 0;
        ClientMultipartForm form = ClientMultipartForm.create();
        for (FileUpload file : files) {
            byte[] content;
            try {
                content = readBounded(Files.newInputStream(file.uploadedFile()), maxUploadBytes - total);
            } catch (IOException e) {
                throw new BadRequestException("The uploaded file could not be read: " + e.getMessage());
            }
            total += content.length;
            // One field per file (ingest reads every file field): same-named fields would be nested multipart/mixed.
            form.binaryFileUpload("file" + (++n), file.fileName() == null ? "part" + n : file.fileName(),
                    Buffer.buffer(content), Params.given(file.contentType()) ? file.contentType()
                            : MediaType.APPLICATION_OCTET_STREAM);
        }
        try (Response answer = ingest.submitParts(form, (vis == null ? Visibility.DRAFT : vis).name()
                .toLowerCase(Locale.ROOT), Caller.of(identity).authorization())) {
            MediaType type = answer.getMediaType() == null ? MediaType.APPLICATION_JSON_TYPE : answer.getMediaType();
            return Response.status(answer.getStatus()).entity(answer.readEntity(byte[].class)).type(type).build();
        } catch (ProcessingException e) {
            return Problem.response(Response.Status.SERVICE_UNAVAILABLE, "ingest-service (" + ingestUrl
                    + ") cannot be reached: " + e.getMessage() + ". Nothing was stored; try again.", "/api/v1/uploads");
        }
    }

    /** The address of a disclosure on a portal, and draft (default) or public. */
    public record FetchForm(String url, String visibility) {
    }

    @POST
    @Path("fetch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Fetch a disclosure page or file from a government portal (forwarded to ingest-service's "
            + "documents:fetch); a draft by default",
            description = "{\"url\": \"https://…\", \"visibility\": \"draft\"|\"public\"}. Ingest fetches the page and "
                    + "the files it attaches as one document, public addresses only (SSRF-safe); its answer (202 with "
                    + "documentId and what was fetched, or a problem) is relayed.")
    public Response fetchFromPortal(FetchForm form) {
        if (form == null || !Params.given(form.url())) {
            throw new BadRequestException("Give the address of the disclosure page or file: {\"url\": \"https://…\"}.");
        }
        Visibility vis = Params.enumValue("visibility", form.visibility(), Visibility.class);
        try (Response answer = ingest.fetch(new IngestClient.FetchBody(form.url().strip(),
                (vis == null ? Visibility.DRAFT : vis).name().toLowerCase(Locale.ROOT)),
                Caller.of(identity).authorization())) {
            MediaType type = answer.getMediaType() == null ? MediaType.APPLICATION_JSON_TYPE : answer.getMediaType();
            return Response.status(answer.getStatus()).entity(answer.readEntity(byte[].class)).type(type).build();
        } catch (ProcessingException e) {
            return Problem.response(Response.Status.SERVICE_UNAVAILABLE, "ingest-service (" + ingestUrl
                    + ") cannot be reached: " + e.getMessage() + ". Nothing was fetched; try again.",
                    "/api/v1/uploads/fetch");
        }
    }

    private static byte[] readBounded(InputStream body, long limit) {
        if (body == null) {
            return new byte[0];
        }
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw new WebApplicationException("The document is larger than the limit of " + limit
                        + " bytes (budgetlens.upload.max-bytes).", 413);
            }
            return bytes;
        } catch (IOException e) {
            throw new BadRequestException("The request body could not be read: " + e.getMessage());
        }
    }
}
