package io.budgetlens.ingest.decode;

/** The document formats the intake reads; everything else answers 415. */
public enum DocumentFormat {
    TEXT("text/plain"),
    HTML("text/html"),
    MARKDOWN("text/markdown"),
    PDF("application/pdf"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    XLS("application/vnd.ms-excel"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    /** Media types accepted, for error messages. */
    public static final String SUPPORTED = "application/pdf, XLSX, XLS and DOCX (without macros), text/plain, "
            + "text/html (or application/xhtml+xml) and text/markdown";

    private final String mediaType;

    DocumentFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** A spreadsheet or Word file, read by {@code decode.office}. */
    public boolean isOffice() {
        return this == XLSX || this == XLS || this == DOCX;
    }
}
