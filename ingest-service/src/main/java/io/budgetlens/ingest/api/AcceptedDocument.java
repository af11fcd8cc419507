package io.budgetlens.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Answer to an accepted document: its id, its status and whether the same bytes had been received before. */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record AcceptedDocument(String documentId, String status, boolean duplicate) {
}
