package io.budgetlens.ingest;

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

    /** Public base URL of the reporting service, used in the Location header of accepted documents. */
    @WithDefault("http://localhost:8080")
    String reportingUrl();
}
