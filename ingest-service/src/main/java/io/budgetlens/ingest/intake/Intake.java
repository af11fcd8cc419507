package io.budgetlens.ingest.intake;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.budgetlens.events.CloudEvents;
import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.DocumentIds;
import io.budgetlens.events.ReceivedPart;
import io.budgetlens.events.Topics;
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
import io.budgetlens.service.Tombstones;
import io.budgetlens.service.security.Caller;

/**
 * Accepting a document: it must be a readable format (sniffed; text decoded, a PDF or Office file opened and its
 * limits checked), it gets its content-derived documentId, and it is published on the received topic once, unless
 * the same bytes were received before. A draft gets a draft id of its own instead (docs/events.md, "Draft keys,
 * owners and deletion"): never the public id of its bytes, different for every upload, with the uploader as its
 * owner; only the owner or an admin adds parts to it or deletes it, and deleting it writes a tombstone on the received
 * topic (the parser stage follows with the parsed one).
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

    @Inject
    Tombstones tombstones;

    private final Clock clock = Clock.systemUTC();
    private final SecureRandom nonces = new SecureRandom();

    /** Outcome of an accepted document. */
    public record Accepted(String documentId, boolean duplicate) {
    }

    /**
     * One file of a disclosure sent in several files (multipart upload, ZIP archive, or a part added later).
     * {@code sourceUri}, when set, is where this part came from (a fetched portal page or attachment) and wins over
     * the document's sourceUri for this part.
     */
    public record PartSubmission(byte[] content, String mediaType, String charset, String filename,
                                 String sourceUri) {

        /** A part without a source of its own: it takes the document's sourceUri. */
        public PartSubmission(byte[] content, String mediaType, String charset, String filename) {
            this(content, mediaType, charset, filename, null);
        }
    }

    @Inject
    ReceivedLookup lookup;

    /**
     * Validates, decodes and (unless a duplicate) publishes a disclosure made of several files as one document
     * (docs/events.md, contract v1.1): its id is derived from the parts' hashes, whatever their order. One file is
     * the same as {@link #accept(Submission, Caller)}.
     */
    public Accepted acceptParts(List<PartSubmission> parts, String sourceUri, String visibility, Caller caller) {
        DisclosureReceived received = toReceived(parts, sourceUri, visibility);
        return publishOnce(received.visibility() == Visibility.DRAFT ? asDraft(received, caller) : received);
    }

    /** A disclosure of several files checked and made into its received event, without publishing it. */
    public DisclosureReceived toReceived(List<PartSubmission> parts, String sourceUri, String visibility) {
        if (parts.size() == 1) {
            PartSubmission p = parts.get(0);
            return toReceived(new Submission(p.content(), p.mediaType(), p.charset(),
                    p.sourceUri() != null ? p.sourceUri() : sourceUri, p.filename(), visibility));
        }
        String uri = checkSourceUri(sourceUri);
        Visibility v = visibility(visibility);
        List<ReceivedPart> received = receivedParts(parts, uri, 0);
        if (received.size() == 1) {
            ReceivedPart p = received.get(0);
            return toReceived(new Submission(p.content(), p.contentType(), p.charset(), sourceUri, p.filename(),
                    visibility));
        }
        String id = DocumentIds.ofParts(received.stream().map(ReceivedPart::sha256).toList());
        return DisclosureReceived.of(id, received, clock.instant(), v, null, null);
    }

    /**
     * The same document as a draft: id {@code sha-256("budgetlens-draft-v1\n" + owner + "\n" + nonce + "\n" +
     * contentId)} with a fresh 128-bit nonce, the caller as owner; sha256 and parts still describe the bytes.
     */
    private DisclosureReceived asDraft(DisclosureReceived event, Caller caller) {
        if (caller.anonymous()) {
            throw new IntakeException(401, "A draft needs a signed-in owner: send a bearer token.");
        }
        byte[] nonce = new byte[16];
        nonces.nextBytes(nonce);
        String id = DocumentIds.ofDraft(caller.subject(), HexFormat.of().formatHex(nonce), event.documentId());
        return DisclosureReceived.of(id, event.allParts(), event.receivedAt(), Visibility.DRAFT, null,
                caller.subject());
    }

    /**
     * Deletes a draft: a tombstone on disclosure.received.v1 (the parser stage, reading it, writes the one on
     * disclosure.parsed.v1, after any parse result of the draft). Public documents are never deleted.
     *
     * @throws IntakeException 404 when there is no such draft or it is someone else's, 409 for a public document
     */
    public void deleteDraft(String documentId, Caller caller) {
        if (!DocumentIds.isWellFormed(documentId)) {
            throw new IntakeException(400, "'" + documentId + "' is not a documentId (64 lowercase hex digits).");
        }
        requireLoaded();
        DisclosureReceived current = index.contains(documentId) ? lookup.latest(documentId).orElse(null) : null;
        if (current == null || (current.visibility() == Visibility.DRAFT && !caller.owns(current.owner()))) {
            throw new IntakeException(404, "No draft " + documentId + " of yours was received.");
        }
        if (current.visibility() != Visibility.DRAFT) {
            throw new IntakeException(409, "Only drafts can be deleted; " + documentId + " is public.");
        }
        try {
            tombstones.write(Topics.RECEIVED, documentId, CloudEvents.SOURCE_INGEST);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not delete draft %s", documentId);
            throw new IntakeException(503, "The draft could not be deleted on Kafka; retry later. Cause: "
                    + e.getMessage());
        }
        index.forget(documentId);
    }

    /**
     * Adds a part to an existing document: a new revision of the same id carrying all its parts, re-parsed and
     * re-validated downstream (the history keeps the earlier revisions). A part it already has is a duplicate.
     *
     * @throws IntakeException 404 for an unknown document
     */
    public Accepted addParts(String documentId, List<PartSubmission> parts, Caller caller) {
        if (!DocumentIds.isWellFormed(documentId)) {
            throw new IntakeException(400, "'" + documentId + "' is not a documentId (64 lowercase hex digits).");
        }
        requireLoaded();
        if (!index.contains(documentId)) {
            throw new IntakeException(404, "No document " + documentId + " was received.");
        }
        DisclosureReceived current = lookup.latest(documentId)
                .filter(d -> d.visibility() != Visibility.DRAFT || caller.owns(d.owner()))
                .orElseThrow(() -> new IntakeException(404, "No document " + documentId + " was received."));
        List<ReceivedPart> all = new ArrayList<>(current.allParts());
        long size = all.stream().mapToLong(ReceivedPart::size).sum();
        List<ReceivedPart> added = receivedParts(parts, null, size);
        boolean any = false;
        for (ReceivedPart part : added) {
            if (all.stream().noneMatch(p -> p.sha256().equals(part.sha256()))) {
                all.add(part);
                any = true;
            }
        }
        if (!any) {
            return new Accepted(documentId, true);
        }
        DisclosureReceived next = DisclosureReceived.of(documentId, all, clock.instant(), current.visibility(),
                current.revisionNumber() + 1, current.owner());
        try {
            publisher.publish(next);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not publish revision %d of %s", next.revisionNumber(), documentId);
            throw new IntakeException(503, "The part could not be written to Kafka, so nothing was stored; retry "
                    + "later. Cause: " + e.getMessage());
        }
        return new Accepted(documentId, false);
    }

    /** Each part checked like a single document; their sizes together within the document limit. */
    private List<ReceivedPart> receivedParts(List<PartSubmission> parts, String sourceUri, long alreadyStored) {
        long total = alreadyStored;
        List<ReceivedPart> received = new ArrayList<>();
        for (PartSubmission p : parts) {
            total += p.content().length;
            if (total > config.maxDocumentBytes()) {
                throw new IntakeException(413, "The parts together are larger than the limit of "
                        + config.maxDocumentBytes() + " bytes (budgetlens.ingest.max-document-bytes).");
            }
            DisclosureReceived one = toReceived(new Submission(p.content(), p.mediaType(), p.charset(),
                    p.sourceUri() != null ? p.sourceUri() : sourceUri, p.filename(), null));
            if (received.stream().noneMatch(r -> r.sha256().equals(one.sha256()))) {
                received.add(new ReceivedPart(one.sha256(), one.size(), one.contentType(), one.charset(),
                        one.filename(), one.sourceUri(), one.content()));
            }
        }
        return received;
    }

    private void requireLoaded() {
        if (!index.isLoaded()) {
            throw new IntakeException(503, "The service is starting: the duplicate index is still being rebuilt from "
                    + "the received topic. Retry in a few seconds.");
        }
    }

    /** Publishes a new document unless its id was received before. */
    private Accepted publishOnce(DisclosureReceived received) {
        requireLoaded();
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

    /** What a request sent, before checks. */
    public record Submission(byte[] content, String mediaType, String charset, String sourceUri, String filename,
                             String visibility) {
    }

    /**
     * Validates, decodes and (unless a duplicate) publishes a document.
     *
     * @throws IntakeException with the HTTP status and message to answer
     */
    public Accepted accept(Submission submission, Caller caller) {
        DisclosureReceived received = toReceived(submission);
        return publishOnce(received.visibility() == Visibility.DRAFT ? asDraft(received, caller) : received);
    }

    /** Decodes a submission the way the parser will, refusing what cannot be read (415, 400). */
    public DisclosureReceived toReceived(Submission submission) {
        String sourceUri = checkSourceUri(submission.sourceUri());
        String filename = submission.filename() == null ? null : ZipParts.clean(submission.filename());
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
