package io.budgetlens.events.serde;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Converts the contract's CloudEvents header map to Kafka record headers and reads them back. */
public final class KafkaHeaders {

    private KafkaHeaders() {
    }

    public static Headers of(Map<String, byte[]> headers) {
        RecordHeaders result = new RecordHeaders();
        headers.forEach(result::add);
        return result;
    }

    /** The last value of a header as UTF-8 text, or null when absent. */
    public static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
