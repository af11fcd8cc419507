package io.budgetlens.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** A record's headers as "name=value" lines (UTF-8), in the order the producer wrote them: for pinning tests. */
public final class RecordHeaders {

    private RecordHeaders() {
    }

    public static List<String> lines(ConsumerRecord<?, ?> record) {
        List<String> lines = new ArrayList<>();
        for (Header header : record.headers()) {
            lines.add(header.key() + "=" + (header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8)));
        }
        return lines;
    }
}
