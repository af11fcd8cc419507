package io.budgetlens.ingest.decode;

/** The bytes are empty, binary, or not text in any charset the decoder accepts: answered with 400. */
public class UndecodableDocumentException extends RuntimeException {

    public UndecodableDocumentException(String message) {
        super(message);
    }
}
