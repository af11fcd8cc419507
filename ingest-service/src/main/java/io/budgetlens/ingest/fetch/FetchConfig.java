package io.budgetlens.ingest.fetch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of {@code POST /api/v1/documents:fetch} ({@code budgetlens.ingest.fetch.*}, or
 * BUDGETLENS_INGEST_FETCH_* environment variables). The byte limit is the document limit,
 * {@code budgetlens.ingest.max-document-bytes}.
 */
@ConfigMapping(prefix = "budgetlens.ingest.fetch")
public interface FetchConfig {

    /**
     * Host names ({@code portal.intranet.example}, {@code *.intranet.example}) and address ranges
     * ({@code 10.20.0.0/16}, {@code 192.168.1.5}) that may be fetched from although they are private, loopback,
     * link-local or otherwise special-purpose. Empty by default: only public addresses.
     */
    Optional<List<String>> allow();

    /** Most attachment links followed from one page (more answer 400). */
    @WithDefault("20")
    int maxAttachments();

    /** Most redirects followed for one URL, each one checked like the URL itself. */
    @WithDefault("5")
    int maxRedirects();

    /** Longest wait for a TCP connection. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Longest time for one response, headers and body. */
    @WithDefault("20s")
    Duration responseTimeout();

    /**
     * Longest time for the whole fetch (page, redirects, attachments); below {@code quarkus.http.idle-timeout}
     * (60 s), which would close the caller's connection first.
     */
    @WithDefault("50s")
    Duration totalTimeout();
}
