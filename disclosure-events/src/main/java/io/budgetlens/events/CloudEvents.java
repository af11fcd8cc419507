package io.budgetlens.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudEvents 1.0 attributes in Kafka binary mode: {@code ce_*} headers beside a JSON value.
 * {@code ce_id} is deterministic, {@code <documentId>:<type>:<version>[:<suffix>]}, so a redelivered or re-published
 * event carries the same id and consumers can deduplicate on it.
 *
 * <p>Why the producers write these headers themselves instead of attaching SmallRye's
 * {@code OutgoingCloudEventMetadata}: the connector formats {@code ce_time} with ISO_OFFSET_DATE_TIME, which drops a
 * fraction's trailing zeros ({@code 10:00:00.12Z} where the contract and {@link #headers} write the ISO-8601 instant
 * {@code 10:00:00.120Z}), and it writes the headers in another order. The tests that pin every topic's headers
 * (IngestPipelineTest, ValidationPipelineTest, CrossDocumentTest) would catch either change.
 */
public final class CloudEvents {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public static final String H_SPECVERSION = "ce_specversion";
    public static final String H_ID = "ce_id";
    public static final String H_TYPE = "ce_type";
    public static final String H_SOURCE = "ce_source";
    public static final String H_SUBJECT = "ce_subject";
    public static final String H_TIME = "ce_time";
    public static final String H_CONTENT_TYPE = "content-type";

    /** ce_source of each producer. */
    public static final String SOURCE_INGEST = "/budgetlens/ingest-service";
    public static final String SOURCE_VALIDATION = "/budgetlens/validation-service";
    public static final String SOURCE_REPORTING = "/budgetlens/reporting-service";

    private CloudEvents() {
    }

    /** ce_type of the tombstone that deletes a draft from the compacted topics (contract v1.1). */
    public static final String TYPE_DELETED = "io.budgetlens.disclosure.deleted.v1";

    /**
     * The version part of a ce_id for a document revision (contract v1.1): the producer's version for revision 1
     * (exactly the v1.0 id), {@code <version>+r<revision>} for later revisions.
     */
    public static String revisionVersion(String version, int revision) {
        return revision <= 1 ? version : version + "+r" + revision;
    }

    /** The deterministic event id. */
    public static String id(String documentId, String type, String version, String suffix) {
        String base = documentId + ":" + type + ":" + version;
        return suffix == null ? base : base + ":" + suffix;
    }

    /** Headers (name to UTF-8 bytes, in a stable order) for one event. */
    public static Map<String, byte[]> headers(String id, String type, String source, String subject, Instant time) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put(H_SPECVERSION, utf8(SPEC_VERSION));
        headers.put(H_ID, utf8(id));
        headers.put(H_TYPE, utf8(type));
        headers.put(H_SOURCE, utf8(source));
        headers.put(H_SUBJECT, utf8(subject));
        headers.put(H_TIME, utf8(DateTimeFormatter.ISO_INSTANT.format(time)));
        headers.put(H_CONTENT_TYPE, utf8(CONTENT_TYPE));
        return headers;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
