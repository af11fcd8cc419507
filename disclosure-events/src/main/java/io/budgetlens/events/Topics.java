package io.budgetlens.events;

import java.util.List;

/**
 * The topics BudgetLens owns. Names carry the major schema version; partition counts and configs are part
 * of the contract (see docs/events.md). Keys are always the documentId, so one document's events stay in order.
 */
public final class Topics {

    /** Largest document the ingest service accepts by default (10 MiB). */
    public static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
    /** Record size limit of the topics and clients that carry whole documents (16 MiB, headroom for JSON/base64). */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    /** Default record size limit of the other topics (1 MiB, Kafka's default). */
    public static final int DEFAULT_MESSAGE_BYTES = 1024 * 1024;

    public static final int PARTITIONS = 6;
    private static final long FOREVER = -1L;
    private static final long FOURTEEN_DAYS = 14L * 24 * 3600 * 1000;
    private static final long THIRTY_DAYS = 30L * 24 * 3600 * 1000;

    public static final String RECEIVED = "disclosure.received.v1";
    public static final String PARSED = "disclosure.parsed.v1";
    public static final String VALIDATED = "disclosure.validated.v1";
    public static final String ANOMALY = "disclosure.anomaly.v1";

    public static final String RECEIVED_INGEST_DLQ = RECEIVED + ".ingest.dlq";
    public static final String RECEIVED_REPORTING_DLQ = RECEIVED + ".reporting.dlq";
    public static final String PARSED_VALIDATION_DLQ = PARSED + ".validation.dlq";
    public static final String PARSED_REPORTING_DLQ = PARSED + ".reporting.dlq";
    public static final String VALIDATED_REPORTING_DLQ = VALIDATED + ".reporting.dlq";

    public static final TopicSpec RECEIVED_SPEC = new TopicSpec(RECEIVED, PARTITIONS, "compact", FOREVER,
            MAX_MESSAGE_BYTES, "Documents as received, with their bytes; compacted so the parser can re-run over history.");
    public static final TopicSpec PARSED_SPEC = new TopicSpec(PARSED, PARTITIONS, "compact", FOREVER,
            MAX_MESSAGE_BYTES, "Structured disclosures, or rejections with reasons; compacted for replay.");
    public static final TopicSpec VALIDATED_SPEC = new TopicSpec(VALIDATED, PARTITIONS, "compact", FOREVER,
            MAX_MESSAGE_BYTES, "Validation reports: every rule's verdict and all findings; compacted for replay.");
    public static final TopicSpec ANOMALY_SPEC = new TopicSpec(ANOMALY, PARTITIONS, "delete", THIRTY_DAYS,
            DEFAULT_MESSAGE_BYTES, "One event per WARNING or ERROR finding, for alerting consumers.");

    private static TopicSpec dlq(String name, int maxBytes) {
        return new TopicSpec(name, 1, "delete", FOURTEEN_DAYS, maxBytes,
                "Dead letters: records the consumer could not deserialize or process, with the failure in headers.");
    }

    public static final TopicSpec RECEIVED_INGEST_DLQ_SPEC = dlq(RECEIVED_INGEST_DLQ, MAX_MESSAGE_BYTES);
    public static final TopicSpec RECEIVED_REPORTING_DLQ_SPEC = dlq(RECEIVED_REPORTING_DLQ, MAX_MESSAGE_BYTES);
    public static final TopicSpec PARSED_VALIDATION_DLQ_SPEC = dlq(PARSED_VALIDATION_DLQ, MAX_MESSAGE_BYTES);
    public static final TopicSpec PARSED_REPORTING_DLQ_SPEC = dlq(PARSED_REPORTING_DLQ, MAX_MESSAGE_BYTES);
    public static final TopicSpec VALIDATED_REPORTING_DLQ_SPEC = dlq(VALIDATED_REPORTING_DLQ, MAX_MESSAGE_BYTES);

    /** Every topic BudgetLens owns, in pipeline order: the list the local stack, tests and deploy manifests create. */
    public static final List<TopicSpec> ALL = List.of(
            RECEIVED_SPEC, PARSED_SPEC, VALIDATED_SPEC, ANOMALY_SPEC,
            RECEIVED_INGEST_DLQ_SPEC, RECEIVED_REPORTING_DLQ_SPEC, PARSED_VALIDATION_DLQ_SPEC,
            PARSED_REPORTING_DLQ_SPEC, VALIDATED_REPORTING_DLQ_SPEC);

    private Topics() {
    }
}
