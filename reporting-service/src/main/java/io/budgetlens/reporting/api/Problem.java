package io.budgetlens.reporting.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** RFC 9457 problem details: the body of every error answer ({@code application/problem+json}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(Response.Status status, String detail, String instance) {
        Problem body = new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, instance);
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(body).build();
    }
}
