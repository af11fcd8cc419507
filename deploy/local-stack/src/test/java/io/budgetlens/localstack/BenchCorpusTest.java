package io.budgetlens.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.budgetlens.events.DocumentIds;

/** The load generator's documents: every one new, each still the sample it came from, moved consistently. */
class BenchCorpusTest {

    private final BenchCorpus corpus = BenchCorpus.fromDirectory(Path.of("..", "..", "samples"));

    @Test
    void tenThousandDocumentsAreTenThousandNewDocuments() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add(DocumentIds.of(corpus.document(i).content()));
        }
        assertThat(ids).hasSize(20_000);
    }

    /** The bench warns from this variant on: it is variant 0's department, year and kind again, new bytes only. */
    @Test
    void fromTheIdentityLimitOnAVariantRepeatsAnEarlierOnesDepartmentYearAndKind() {
        int limit = corpus.distinctIdentities();
        assertThat(limit).isEqualTo(5 * 38 * 10 * 10);
        String first = new String(corpus.document(0).content(), StandardCharsets.UTF_8);
        String again = new String(corpus.document(limit).content(), StandardCharsets.UTF_8);
        assertThat(again).isNotEqualTo(first).contains("BENCH-%08d".formatted(limit));
        assertThat(again.strip()).startsWith(first.strip());
        assertThat(new String(corpus.document(limit - 5).content(), StandardCharsets.UTF_8))
                .doesNotContain("BENCH-"); // the last of the first round: still a department-year of its own
    }

    @Test
    void aVariantMovesTheSampleToAnotherDistrictOfficeAndYearThroughout() {
        // variant 38 * 10 * 3 + 38 + 1 of the first sample (banan, 2024): district 2, office 2, three years back
        int v = 38 * 10 * 3 + 38 + 1;
        BenchCorpus.Document d = corpus.document(5 * v);
        String text = new String(d.content(), StandardCharsets.UTF_8);
        assertThat(d.filename()).startsWith("banan-2024-budget-").endsWith(".md");
        assertThat(text).contains("重庆市涪陵区行政服务中心 2021年部门预算情况说明")
                .doesNotContain("巴南区").doesNotContain("政务服务管理办公室");
        assertThat(corpus.document(0).content()).isNotEqualTo(d.content());
    }

    /**
     * Every sample's office moves with its district, so variants are distinct departments (Wulong's text names
     * 行政服务中心 in its functions before its own 政务服务管理办公室: moving that word instead left every Wulong variant of
     * a district one department, ten times the intended documents per identity).
     */
    @Test
    void everySampleMovesItsOwnOffice() {
        int v = 38 * 2 + 1; // district 1 (涪陵区), office 2 (大数据发展局), this year
        for (int s = 0; s < corpus.samples(); s++) {
            String text = new String(corpus.document(5 * v + s).content(), StandardCharsets.UTF_8);
            assertThat(text).as(corpus.document(s).filename()).contains("涪陵区大数据发展局")
                    .doesNotContain("涪陵区政务服务管理办公室");
        }
    }

    /** Another office of the same district is another department by its budget-unit code too. */
    @Test
    void anotherOfficePrintsAnotherBudgetUnitCode() {
        int v = 38 * 2 + 1; // district 1 (涪陵区), office 2 (大数据发展局)
        String rongchang = new String(corpus.document(5 * v + 3).content(), StandardCharsets.UTF_8);
        assertThat(rongchang).contains("151003-重庆市涪陵区大数据发展局本级").doesNotContain("151001-");
        String jiangjin = new String(corpus.document(5 * v + 1).content(), StandardCharsets.UTF_8);
        assertThat(jiangjin).contains("107-重庆市涪陵区大数据发展局").doesNotContain("105-");
        String sameOffice = new String(corpus.document(5 * 1 + 3).content(), StandardCharsets.UTF_8);
        assertThat(sameOffice).as("office 0 keeps the sample's code").contains("151001-重庆市涪陵区");
        assertThat(BenchCorpus.otherCode("999-甲 1999-乙 999-1", "999", 2)).isEqualTo("001-甲 1999-乙 999-1");
    }

    @Test
    void theYearsOfDatesAndOfYearNamesMoveTogether() {
        assertThat(BenchCorpus.shiftYears("2024年预算，2023年度决算，发布日期: 2025-08-21，金额2024.50万元", 2))
                .isEqualTo("2022年预算，2021年度决算，发布日期: 2023-08-21，金额2024.50万元");
    }
}
