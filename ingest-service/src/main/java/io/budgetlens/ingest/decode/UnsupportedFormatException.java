package io.budgetlens.ingest.decode;

/** The input is a format the intake does not read (PDF, Office, archives, images…): answered with 415. */
public class UnsupportedFormatException extends RuntimeException {

    public UnsupportedFormatException(String message) {
        super(message + ". Supported: " + DocumentFormat.SUPPORTED + ".");
    }
}
