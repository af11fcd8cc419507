package io.budgetlens.ingest.decode.office;

import io.budgetlens.ingest.decode.UndecodableDocumentException;

/**
 * A spreadsheet or Word file over one of the {@link OfficeLimits}: answered with 413 at the intake; the parser,
 * which sees it as an unreadable document, REJECTS it with the same reason.
 */
public class OfficeLimitException extends UndecodableDocumentException {

    public OfficeLimitException(String message) {
        super(message);
    }
}
