package io.budgetlens.reporting.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

/**
 * ingest-service's intake as this service calls it (Quarkus REST Client, {@code quarkus.rest-client.ingest.*}: the
 * URL is {@code budgetlens.ingest.url}), with the caller's own bearer token, so ingest applies the caller's roles and
 * records the caller as a draft's owner. The answer comes back as it is, whatever its status, so it can be relayed.
 */
@RegisterRestClient(configKey = "ingest")
@Path("/api/v1")
public interface IngestClient {

    @POST
    @Path("documents")
    Response submit(byte[] document, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                    @QueryParam("visibility") String visibility, @QueryParam("filename") String filename,
                    @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** A disclosure of several files, one multipart file field per part. */
    @POST
    @Path("documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    Response submitParts(ClientMultipartForm files, @QueryParam("visibility") String visibility,
                         @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** A portal page or file fetched by ingest (with its attachments) as one document. */
    @POST
    @Path("documents:fetch")
    @Consumes(MediaType.APPLICATION_JSON)
    Response fetch(FetchBody body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** The body of ingest's fetch: the address as the user gave it, and draft or public. */
    record FetchBody(String url, String visibility) {
    }

    @DELETE
    @Path("documents/{id}")
    Response delete(@PathParam("id") String documentId, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
