package io.budgetlens.ingest.fetch;

import io.budgetlens.ingest.intake.IntakeException;

/**
 * A fetch that cannot be done, with the HTTP status to answer: 400 a refused or malformed target, 413 over the
 * byte limit, 415 a content type that is not a document, 422 the portal answered 4xx, 502 the portal failed or
 * misbehaved, 504 too slow. Answered as application/problem+json like every intake error.
 */
public class FetchException extends IntakeException {

    public FetchException(int status, String message) {
        super(status, message);
    }
}
