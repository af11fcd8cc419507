package io.budgetlens.ingest.intake;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.DocumentIds;
import io.budgetlens.events.Visibility;
import io.budgetlens.ingest.IngestConfig;
import io.budgetlens.ingest.decode.DocumentFormat;
import io.budgetlens.ingest.decode.DocumentReader;
import io.budgetlens.ingest.decode.UndecodableDocumentException;
import io.budgetlens.ingest.decode.UnsupportedFormatException;
import io.budgetlens.ingest.decode.office.OfficeLimitException;
import io.budgetlens.ingest.decode.office.OfficeLimits;
import io.budgetlens.ingest.decode.office.OfficeReader;
import io.budgetlens.ingest.decode.pdf.PdfReader;
import io.budgetlens.ingest.messaging.ReceivedPublisher;

/**
 * Accepting a document: it must be a readable format (sniffed; text decoded, a PDF or Office file opened and its
 * limits checked), it gets its content-derived documentId, and it is published on the received topic once, unless
 * the same bytes were received before.
 */
@ApplicationScoped
public class Intake {

    private static final Logger LOG = Logger.getLogger(Intake.class);
    static final int MAX_SOURCE_URI = 2048;
    static final int MAX_FILENAME = 255;

    @Inject
    ReceivedIndex index;

    @Inject
    ReceivedPublisher publisher;

    @Inject
    IngestConfig config;

    private final Clock clock = Clock.systemUTC();

    /** Outcome of an accepted document. */
    public record Accepted(String documentId, boolean duplicate) {
    }

    /** What a request sent, before checks. */
    public record Submission(byte[] content, String mediaType, String charset, String sourceUri, String filename,
                             String visibility) {
    }

    /**
     * Validates, decodes and (unless a duplicate) publishes a document.
     *
     * @throws IntakeException with the HTTP status and message to answer
     */
    public Accepted accept(Submission submission) {
        DisclosureReceived received = toReceived(submission);
        if (!index.isLoaded()) {
            throw new IntakeException(503, "The service is starting: the duplicate index is still being rebuilt from "
                    + "the received topic. Retry in a few seconds.");
        }
        if (!index.claim(received.documentId())) {
            return new Accepted(received.documentId(), true);
        }
        try {
            publisher.publish(received);
        } catch (RuntimeException e) {
            index.release(received.documentId());
            LOG.errorf(e, "Could not publish %s", received.documentId());
            throw new IntakeException(503, "The document could not be written to Kafka, so nothing was stored; "
                    + "retry later. Cause: " + e.getMessage());
        }
        return new Accepted(received.documentId(), false);
    }

    /** Decodes a submission the way the parser will, refusing what cannot be read (415, 400). */
    public DisclosureReceived toReceived(Submission submission) {
        String sourceUri = checkSourceUri(submission.sourceUri());
        String filename = submission.filename();
        if (filename != null && filename.length() > MAX_FILENAME) {
            throw new IntakeException(400, "filename is longer than " + MAX_FILENAME + " characters.");
        }
        Visibility visibility = visibility(submission.visibility());
        DocumentFormat format;
        try {
            format = DocumentReader.format(submission.content(), submission.mediaType());
            if (format == DocumentFormat.PDF) {
                // Opened and counted here; its pages are read by the parser stage.
                PdfReader.check(submission.content(), new PdfReader.Limits(config.pdfMaxPages(),
                        PdfReader.Limits.DEFAULT.maxGlyphsPerPage()));
            } else if (format.isOffice()) {
                // Container, ZIP bomb, macro, sheet and cell limits checked here; cells are read by the parser stage.
                OfficeReader.check(submission.content(), format, OfficeLimits.DEFAULT);
            } else {
                DocumentReader.read(submission.content(), submission.mediaType(), submission.charset());
            }
        } catch (UnsupportedFormatException e) {
            throw new IntakeException(415, e.getMessage());
        } catch (OfficeLimitException e) {
            throw new IntakeException(413, e.getMessage());
        } catch (UndecodableDocumentException e) {
            throw new IntakeException(400, e.getMessage());
        } catch (PdfReader.TooManyPagesException e) {
            throw new IntakeException(413, e.getMessage());
        }
        String id = DocumentIds.of(submission.content());
        return new DisclosureReceived(id, format.mediaType(), submission.charset(), sourceUri, filename,
                submission.content().length, id, clock.instant(), visibility, submission.content());
    }

    static Visibility visibility(String value) {
        if (value == null || value.isBlank()) {
            return Visibility.PUBLIC;
        }
        try {
            return Visibility.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IntakeException(400, "visibility must be 'public' or 'draft', got '" + value + "'.");
        }
    }

    static String checkSourceUri(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_SOURCE_URI) {
            throw new IntakeException(400, "sourceUri is longer than " + MAX_SOURCE_URI + " characters.");
        }
        try {
            URI uri = new URI(value.trim());
            if (!uri.isAbsolute()) {
                throw new IntakeException(400, "sourceUri must be an absolute URI (https://…, file:…), got '"
                        + value + "'.");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new IntakeException(400, "sourceUri is not a valid URI: " + e.getMessage());
        }
    }
}
