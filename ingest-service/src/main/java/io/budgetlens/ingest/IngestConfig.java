package io.budgetlens.ingest;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Settings of the ingest service ({@code budgetlens.ingest.*}, or BUDGETLENS_INGEST_* environment variables). */
@ConfigMapping(prefix = "budgetlens.ingest")
public interface IngestConfig {

    /** Largest document accepted, in bytes (10 MiB). Larger bodies answer 413. */
    @WithDefault("10485760")
    int maxDocumentBytes();

    /** Most pages a PDF may have (more answer 413). */
    @WithName("pdf.max-pages")
    @WithDefault("300")
    int pdfMaxPages();

    /**
     * The longest the parser stage spends on one record before it goes to the dead-letter topic with the reason, so
     * the partition moves on. With the parsed topic's send retries it stays below the channel's unprocessed-record
     * max age (docs/operations.md, "Kafka failure semantics").
     */
    @WithDefault("45s")
    Duration parseDeadline();

    /** Public base URL of the reporting service, used in the Location header of accepted documents. */
    @WithDefault("http://localhost:8080")
    String reportingUrl();
}
