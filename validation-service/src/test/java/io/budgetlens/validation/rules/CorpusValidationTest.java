package io.budgetlens.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureValidated;
import io.budgetlens.events.EventJson;
import io.budgetlens.events.Finding;
import io.budgetlens.events.Severity;

/**
 * The five corpus disclosures (parsed by the ingest parser, fixtures kept current by ParsedCorpusFixturesTest): no
 * finding comes from rounding alone, and the genuine defects are found — two stated percentages in the Jiangjin
 * final accounts that do not follow from their amounts, and a block of five rows printed twice in Rongchang's 表三.
 */
class CorpusValidationTest {

    private final RuleEngine engine = RuleEngine.standard(Clock.systemUTC());

    static DisclosureParsed corpus(String file) throws IOException {
        try (InputStream in = CorpusValidationTest.class.getResourceAsStream("/corpus/" + file + ".parsed.json")) {
            return EventJson.read(in.readAllBytes(), DisclosureParsed.class);
        }
    }

    private List<Finding> anomalies(String file) throws IOException {
        DisclosureValidated report = engine.validate(corpus(file));
        return report.findings().stream().filter(f -> f.severity() != Severity.INFO).toList();
    }

    private List<Finding> anomaliesExceptCompleteness(String file) throws IOException {
        return anomalies(file).stream().filter(f -> !f.ruleId().equals("COMP-001")).toList();
    }

    @Test
    void bananQianjiangAndWulongRaiseNoArithmeticFinding() throws IOException {
        assertThat(anomaliesExceptCompleteness("banan-2024-budget.md")).as("Banan: 1,137.10 vs 1,137.11 is rounding")
                .isEmpty();
        assertThat(anomaliesExceptCompleteness("qianjiang-2024-budget.txt")).isEmpty();
        assertThat(anomaliesExceptCompleteness("wulong-2020-final-accounts.txt")).extracting(Finding::ruleId)
                .as("Wulong's only arithmetic findings are its over-weight scores and the weights they leave short")
                .containsExactlyInAnyOrder("PERF-001", "PERF-001", "PERF-002");
        DisclosureValidated banan = engine.validate(corpus("banan-2024-budget.md"));
        assertThat(banan.verdicts()).filteredOn(v -> v.ruleId().equals("SUM-001")).singleElement()
                .satisfies(v -> assertThat(v.verdict().name()).isEqualTo("WITHIN_ROUNDING"));
    }

    @Test
    void completenessFindsTheMissingIncomeTableAndTheTextsWithoutTables() throws IOException {
        assertThat(anomalies("banan-2024-budget.md")).singleElement()
                .satisfies(f -> assertThat(f.messageZh()).contains("收入总表"));
        assertThat(anomalies("wulong-2020-final-accounts.txt")).filteredOn(f -> f.ruleId().equals("COMP-001"))
                .singleElement()
                .satisfies(f -> assertThat(f.messageZh()).contains("附件:重庆市武隆区政务服务管理办公室2020年决算公开表"));
        assertThat(anomalies("qianjiang-2024-budget.txt")).singleElement()
                .satisfies(f -> assertThat(f.messageEn()).contains("None of the required tables"));
        assertThat(engine.validate(corpus("rongchang-2025-unit-budget.txt")).completeness()).isEqualByComparingTo("1");
    }

    @Test
    void wulongScoresTwoIndicatorsAboveTheirWeight() throws IOException {
        List<Finding> findings = anomaliesExceptCompleteness("wulong-2020-final-accounts.txt");
        assertThat(findings).filteredOn(f -> f.ruleId().equals("PERF-001")).hasSize(2).allSatisfy(f -> {
            assertThat(f.messageZh()).contains("优化营商环境经费").contains("得分20超过其权重10");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
        });
        assertThat(findings).filteredOn(f -> f.ruleId().equals("PERF-002")).singleElement()
                .as("the same misprint: the weights add up to 70 + 10, not 100")
                .satisfies(f -> assertThat(f.messageZh()).contains("优化营商环境经费", "权重合计70"));
        DisclosureValidated jiangjin = engine.validate(corpus("jiangjin-2024-final-accounts.txt"));
        assertThat(jiangjin.verdicts()).filteredOn(v -> v.ruleId().equals("PERF-001")).singleElement()
                .satisfies(v -> assertThat(v.broken()).as("95.50 = 95 × 0.9 + 10").isZero());
    }

    @Test
    void jiangjinStatesTwoPercentagesThatDoNotFollowFromTheirAmounts() throws IOException {
        List<Finding> findings = anomaliesExceptCompleteness("jiangjin-2024-final-accounts.txt");
        assertThat(findings).extracting(Finding::ruleId).containsExactly("CHG-001", "CHG-001");
        assertThat(findings.get(0).evidence().get(0).quote()).contains("卫生健康支出68.85万元").contains("下降0.57%");
        assertThat(findings.get(0).expected().value()).isBetween(new java.math.BigDecimal("2.33"),
                new java.math.BigDecimal("2.35"));
        assertThat(findings.get(1).evidence().get(0).quote()).contains("2.82万元").contains("0.40%");
        assertThat(findings.get(0).messageZh()).as("expected, found and the tolerance in words")
                .contains("按金额计算应为2.34%", "所述变动率0.57%", "按舍入应在2.333至2.3479之间");
        assertThat(findings.get(0).messageEn()).contains("Rounding allows 2.333 to 2.3479");
    }

    @Test
    void theNewFamiliesFindNothingInTheCorpusButItsRealDefects() throws IOException {
        for (String file : List.of("banan-2024-budget.md", "jiangjin-2024-final-accounts.txt", "qianjiang-2024-budget.txt",
                "rongchang-2025-unit-budget.txt", "wulong-2020-final-accounts.txt")) {
            DisclosureValidated report = engine.validate(corpus(file));
            assertThat(report.findings()).as(file).filteredOn(f -> f.severity().isAnomaly())
                    .filteredOn(f -> f.ruleId().matches("NAR-.*|CMP-.*|TBL-.*|UNIT-.*|HYG-.*|TXT-.*")).isEmpty();
            assertThat(report.verdicts()).as(file + ": every narrative-arithmetic rule ran")
                    .filteredOn(v -> v.ruleId().matches("NAR-00[124]|HYG-00[123]"))
                    .allSatisfy(v -> assertThat(v.verdict().name()).isNotEqualTo("NOT_APPLICABLE"));
        }
    }

    @Test
    void rongchangPrintsFiveRowsOfItsBasicExpenditureTableTwice() throws IOException {
        List<Finding> findings = anomaliesExceptCompleteness("rongchang-2025-unit-budget.txt");
        assertThat(findings).extracting(Finding::ruleId).containsOnly("DUP-001");
        assertThat(findings).hasSize(5);
        assertThat(findings).extracting(Finding::messageZh).anySatisfy(m -> assertThat(m).contains("303 对个人和家庭的补助"));
        DisclosureValidated report = engine.validate(corpus("rongchang-2025-unit-budget.txt"));
        assertThat(report.verdicts()).filteredOn(v -> v.ruleId().equals("SUM-001")).singleElement()
                .satisfies(v -> assertThat(v.broken()).as("duplicates counted once: no cascade").isZero());
    }
}
