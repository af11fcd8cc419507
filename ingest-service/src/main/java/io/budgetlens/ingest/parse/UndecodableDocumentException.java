package io.budgetlens.ingest.parse;

/** The bytes are not text in any charset the decoder accepts. */
public class UndecodableDocumentException extends RuntimeException {

    public UndecodableDocumentException(String message) {
        super(message);
    }
}
