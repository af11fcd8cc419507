package io.budgetlens.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.PerformanceEvaluation;
import io.budgetlens.events.PerformanceIndicator;

/** Performance tables of the corpus, with values read from the documents: funds block, scores and indicators. */
class PerformanceExtractorTest {

    private final DisclosureParser parser = new DisclosureParser(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    private static PerformanceIndicator indicator(PerformanceEvaluation e, String name) {
        return e.indicators().stream().filter(i -> name.equals(i.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no indicator " + name + " in " + e.projectName()));
    }

    private static BigDecimal sum(List<PerformanceIndicator> indicators, boolean weights) {
        return indicators.stream().map(weights ? PerformanceIndicator::weight : PerformanceIndicator::score)
                .filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void jiangjinDepartmentSelfEvaluation() throws IOException {
        DisclosureParsed p = CorpusExtractionTest.parse(parser, "jiangjin-2024-final-accounts.txt");
        assertThat(p.performance()).hasSize(2);
        PerformanceEvaluation whole = p.performance().get(0);
        assertThat(whole.kind()).isEqualTo("SELF_EVALUATION");
        assertThat(whole.projectName()).isEqualTo("重庆市江津区政务服务管理办公室整体监控");
        assertThat(whole.totalScore()).isEqualByComparingTo("95.50");
        assertThat(whole.initialBudget()).isEqualByComparingTo("3454.53");
        assertThat(whole.adjustedBudget()).isEqualByComparingTo("3027.50");
        assertThat(whole.executed()).isEqualByComparingTo("3027.50");
        assertThat(whole.executionRate()).isEqualTo("100");
        assertThat(whole.executionWeight()).isEqualByComparingTo("10");
        assertThat(whole.executionScore()).isEqualByComparingTo("10");
        PerformanceIndicator quality = indicator(whole, "服务质量达标率");
        assertThat(quality.unit()).isEqualTo("%");
        assertThat(quality.operator()).isEqualTo("≥");
        assertThat(quality.target()).isEqualTo("90");
        assertThat(quality.actual()).isEqualTo("92");
        assertThat(quality.deviation()).isEqualTo("2.22");
        assertThat(quality.weight()).isEqualByComparingTo("10");
        assertThat(quality.score()).isEqualByComparingTo("10");
        assertThat(indicator(whole, "“三公”经费控制情况").actual()).isEqualTo("2.81304");
        assertThat(sum(whole.indicators(), true)).as("indicator weights printed (the 95 × 0.9 + 10 convention)")
                .isPositive();

        PerformanceEvaluation project = p.performance().get(1);
        assertThat(project.projectName()).isEqualTo("电子政务平台运维");
        assertThat(project.initialBudget()).isEqualByComparingTo("208.8");
        assertThat(project.executed()).isEqualByComparingTo("178.6");
        assertThat(indicator(project, "年稳定运行天数").target()).isEqualTo("365");
    }

    @Test
    void wulongProjectSelfEvaluationsWithLevels() throws IOException {
        DisclosureParsed p = CorpusExtractionTest.parse(parser, "wulong-2020-final-accounts.txt");
        assertThat(p.performance()).hasSize(6);
        PerformanceEvaluation first = p.performance().get(0);
        assertThat(first.totalScore()).isEqualByComparingTo("98.4");
        assertThat(first.grade()).isEqualTo("优");
        assertThat(first.initialBudget()).isEqualByComparingTo("42");
        assertThat(first.executed()).isEqualByComparingTo("35.33");
        assertThat(first.executionRate()).isEqualTo("84%");
        assertThat(first.executionScore()).isEqualByComparingTo("8.4");
        PerformanceIndicator volume = indicator(first, "交易项目数量");
        assertThat(volume.level1()).isEqualTo("产出指标");
        assertThat(volume.level2()).isEqualTo("数量指标");
        assertThat(volume.target()).isEqualTo("≥100宗");
        assertThat(volume.operator()).isEqualTo("≥");
        assertThat(volume.actual()).isEqualTo("=201宗");
        assertThat(volume.weight()).isEqualByComparingTo("20");

        PerformanceEvaluation second = p.performance().get(1);
        assertThat(second.projectName()).isEqualTo("电子招投标系统运行经费");
        assertThat(second.totalScore()).isEqualByComparingTo("99.2");
        assertThat(second.executed()).isEqualByComparingTo("6.6");
        assertThat(indicator(second, "监督执法").level1()).isEqualTo("效益指标");
    }

    @Test
    void bananAndRongchangTargetTables() throws IOException {
        DisclosureParsed banan = CorpusExtractionTest.parse(parser, "banan-2024-budget.md");
        assertThat(banan.performance()).extracting(PerformanceEvaluation::kind).containsOnly("TARGETS");
        PerformanceEvaluation department = banan.performance().get(0);
        assertThat(department.budget()).isEqualByComparingTo("1137.10");
        assertThat(department.indicators()).hasSize(10);
        assertThat(sum(department.indicators(), true)).isEqualByComparingTo("100");
        assertThat(indicator(department, "办事群众满意度").target()).isEqualTo("95");
        assertThat(indicator(department, "预决算公开率").operator()).isEqualTo("=");
        PerformanceEvaluation postal = banan.performance().get(1);
        assertThat(postal.projectName()).isEqualTo("“政务+邮政”专项经费");
        assertThat(postal.budget()).isEqualByComparingTo("28.00");
        assertThat(postal.indicators()).hasSize(6);
        assertThat(sum(postal.indicators(), true)).isEqualByComparingTo("100");

        DisclosureParsed rongchang = CorpusExtractionTest.parse(parser, "rongchang-2025-unit-budget.txt");
        assertThat(rongchang.performance()).hasSize(6);
        PerformanceEvaluation first = rongchang.performance().get(0);
        assertThat(first.projectName()).endsWith("渝快办推广使用费");
        assertThat(first.budget()).isEqualByComparingTo("26.62");
        assertThat(indicator(first, "结果材料邮寄送达率").level2()).isEqualTo("数量指标");
        assertThat(indicator(first, "结果材料邮寄送达率").target()).isEqualTo("98");
    }
}
