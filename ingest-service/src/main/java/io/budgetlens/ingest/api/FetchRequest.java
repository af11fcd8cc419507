package io.budgetlens.ingest.api;

/** Body of {@code POST /api/v1/documents:fetch}: the page or file to fetch, and public (default) or draft. */
public record FetchRequest(String url, String visibility) {
}
