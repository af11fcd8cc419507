package io.budgetlens.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The bench's split of POST → stored into the pipeline's stages, and PostgreSQL's WAL per document. */
class BenchStagesTest {

    @Test
    void eachStageIsTheTimeBetweenTheEventTimesAroundItInPipelineOrder() {
        // two documents: one quick, one that waited 900 ms before reporting stored it
        long[] posted = {1_000, 2_000};
        long[] received = {1_010, 2_020};
        long[] parsed = {1_030, 2_060};
        long[] validated = {1_045, 2_100};
        long[] stored = {1_065, 3_000};

        Map<String, Map<String, Long>> stages = BenchCommand.stages(posted, received, parsed, validated, stored);

        assertThat(stages.keySet()).containsExactly("accept", "parse", "validate", "store");
        assertThat(stages.get("accept")).containsEntry("p50", 10L).containsEntry("p99", 20L);
        assertThat(stages.get("parse")).containsEntry("p50", 20L).containsEntry("p99", 40L);
        assertThat(stages.get("validate")).containsEntry("p50", 15L).containsEntry("p99", 40L);
        assertThat(stages.get("store")).containsEntry("p50", 20L).containsEntry("p95", 900L);
    }

    @Test
    void aRejectedParseHasNoValidateStageAndItsStoreStageStartsAtTheParse() {
        long[] none = {0};
        Map<String, Map<String, Long>> stages = BenchCommand.stages(new long[] {1_000}, new long[] {1_005},
                new long[] {1_050}, none, new long[] {1_070});

        assertThat(stages.keySet()).containsExactly("accept", "parse", "store");
        assertThat(stages.get("store")).containsEntry("p50", 20L);
    }

    @Test
    void aDocumentNotFinishedCountsInNoStage() {
        Map<String, Map<String, Long>> stages = BenchCommand.stages(new long[] {1_000}, new long[] {1_005},
                new long[] {1_050}, new long[] {1_060}, new long[] {0});

        assertThat(stages).isEmpty();
    }

    @Test
    void walPerDocumentIsTheRunsShareOfPostgresLogAndNothingWhenTheServerDidNotSay() {
        Map<String, Object> wal = BenchCommand.walPerDocument(new long[] {1_000, 10, 1}, new long[] {205_800, 510, 26},
                100);

        assertThat(wal).containsEntry("bytes", 204_800L).containsEntry("kilobytesPerDocument", 2.0)
                .containsEntry("recordsPerDocument", 5.0).containsEntry("fullPageImagesPerDocument", 0.25);
        assertThat(BenchCommand.walPerDocument(new long[0], new long[0], 100)).isEmpty();
    }
}
