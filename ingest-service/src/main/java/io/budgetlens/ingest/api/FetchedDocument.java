package io.budgetlens.ingest.api;

import java.util.List;

import io.budgetlens.ingest.fetch.PortalFetchService;
import io.budgetlens.ingest.fetch.PortalFetcher;

/**
 * Answer to a fetched document: what {@code POST /api/v1/documents} answers ({@code documentId}, {@code status},
 * {@code duplicate}), every HTTP exchange made ({@code fetched}, redirects included), the document's parts with the
 * URL each came from, and the attachment links left out with the reason ({@code skipped}).
 */
public record FetchedDocument(String documentId, String status, boolean duplicate,
                              List<PortalFetcher.Exchange> fetched, List<PortalFetchService.FetchedPart> parts,
                              List<PortalFetcher.Skipped> skipped) {
}
