package io.budgetlens.ingest.decode;

/** The document formats the intake reads; everything else answers 415. */
public enum DocumentFormat {
    TEXT("text/plain"),
    HTML("text/html"),
    MARKDOWN("text/markdown"),
    PDF("application/pdf");

    /** Media types accepted, for error messages. */
    public static final String SUPPORTED = "application/pdf, text/plain, text/html (or application/xhtml+xml) and "
            + "text/markdown";

    private final String mediaType;

    DocumentFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }
}
