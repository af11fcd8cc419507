package io.budgetlens.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bench says why POSTs were refused, by HTTP status, instead of only counting them. */
class BenchRefusalsTest {

    @Test
    void refusalsAreGroupedByTheirStatus() {
        assertThat(BenchCommand.refusalStatus("bench-1.txt was refused (429): too many requests from this caller"))
                .isEqualTo("HTTP 429");
        assertThat(BenchCommand.refusalStatus("bench-2.txt was refused (413): the document is larger than 50 MB"))
                .isEqualTo("HTTP 413");
        assertThat(BenchCommand.refusalStatus("cannot reach ingest-service at http://localhost:8081 (refused)"))
                .isEqualTo("other");
        assertThat(BenchCommand.refusalStatus(null)).isEqualTo("other");
    }
}
