package io.budgetlens.ingest.parse;

/** A document's text after charset decoding, with the charset used and the media type it was read as. */
public record DecodedDocument(String text, String charset, String mediaType) {
}
