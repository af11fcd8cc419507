package io.budgetlens.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

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

    /**
     * One printed value of an evaluation (blank indicator) or of one of its indicators, by record component, read from
     * the documents by hand (corpus-expected/performance.csv). Amounts and scores compare as numbers, the rest as text.
     */
    @ParameterizedTest(name = "{0} #{1} {2} {3}")
    @CsvFileSource(resources = "/corpus-expected/performance.csv", delimiter = ';', numLinesToSkip = 1)
    void printedValues(String file, int evaluation, String indicator, String field, String printed) throws Exception {
        PerformanceEvaluation e = CorpusExtractionTest.parsed(file).performance().get(evaluation);
        Record holder = indicator == null ? e : indicator(e, indicator);
        Object value = Arrays.stream(holder.getClass().getRecordComponents())
                .filter(c -> c.getName().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError("no field " + field + " in " + holder.getClass()))
                .getAccessor().invoke(holder);
        if (value instanceof BigDecimal number) {
            assertThat(number).isEqualByComparingTo(printed);
        } else {
            assertThat(value).isEqualTo(printed);
        }
    }

    @Test
    void jiangjinDepartmentSelfEvaluation() throws IOException {
        DisclosureParsed p = CorpusExtractionTest.parse(parser, "jiangjin-2024-final-accounts.txt");
        assertThat(p.performance()).hasSize(2);
        assertThat(sum(p.performance().get(0).indicators(), true))
                .as("indicator weights printed (the 95 × 0.9 + 10 convention)").isPositive();
    }

    @Test
    void wulongProjectSelfEvaluationsWithLevels() throws IOException {
        DisclosureParsed p = CorpusExtractionTest.parse(parser, "wulong-2020-final-accounts.txt");
        assertThat(p.performance()).hasSize(6);
    }

    @Test
    void bananAndRongchangTargetTables() throws IOException {
        DisclosureParsed banan = CorpusExtractionTest.parse(parser, "banan-2024-budget.md");
        assertThat(banan.performance()).extracting(PerformanceEvaluation::kind).containsOnly("TARGETS");
        assertThat(banan.performance()).extracting(e -> e.indicators().size()).startsWith(10, 6);
        assertThat(banan.performance().subList(0, 2)).allSatisfy(e ->
                assertThat(sum(e.indicators(), true)).isEqualByComparingTo("100"));

        DisclosureParsed rongchang = CorpusExtractionTest.parse(parser, "rongchang-2025-unit-budget.txt");
        assertThat(rongchang.performance()).hasSize(6);
        assertThat(rongchang.performance().get(0).projectName()).endsWith("渝快办推广使用费");
    }

    @Test
    void aTargetsOperatorIsReadAsThePatternReadsIt() {
        assertThat(PerformanceExtractor.operator("≥95%")).isEqualTo("≥");
        assertThat(PerformanceExtractor.operator("定性 优")).isEqualTo("定性");
        assertThat(PerformanceExtractor.operator("95%")).isNull();
        List<String> targets = new ArrayList<>(ParserTexts.sampleLines());
        targets.addAll(ParserTexts.random("≥≤=><定性量 9%", 50_000, 6, new Random(15)));
        for (String target : targets) {
            Matcher op = PerformanceExtractor.OPERATOR.matcher(target);
            assertThat(PerformanceExtractor.operator(target)).as(target).isEqualTo(op.find() ? op.group(1) : null);
        }
    }
}
