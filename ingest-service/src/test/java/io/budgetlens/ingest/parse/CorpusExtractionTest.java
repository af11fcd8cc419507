package io.budgetlens.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureScope;
import io.budgetlens.events.FundScope;
import io.budgetlens.events.Section;
import io.budgetlens.events.SummaryEntry;
import io.budgetlens.ingest.decode.DocumentReader;

/**
 * The five corpus documents, with values read from the documents by hand: metadata, the narrative summary keys
 * each one states, its sections, and the share of its figures the parser attributes (guarded, see the module README).
 */
class CorpusExtractionTest {

    private final DisclosureParser parser = new DisclosureParser(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    static DisclosureParsed parse(DisclosureParser parser, String file) throws IOException {
        byte[] content = Files.readAllBytes(Path.of("..", "samples", file));
        return parser.parse(DisclosureParserTest.received(content, file.endsWith(".md") ? "text/markdown" : "text/plain"));
    }

    private static void assertSummary(DisclosureParsed p, String key, String value, FundScope scope) {
        SummaryEntry entry = p.summary().get(key);
        assertThat(entry).as("summary %s", key).isNotNull();
        assertThat(entry.value()).as(key).isEqualByComparingTo(new BigDecimal(value));
        assertThat(entry.scope()).as("%s scope", key).isEqualTo(scope);
        if (entry.evidence().tableId() == null) {
            assertThat(p.text().substring(entry.evidence().start(), entry.evidence().end()))
                    .as("%s evidence offsets", key).isEqualTo(entry.evidence().quote());
            assertThat(entry.evidence().quote().replace(",", "").replace(" ", "")).as("%s quote", key)
                    .contains(entry.value().toPlainString());
        } else {
            var table = p.tables().stream().filter(t -> t.id().equals(entry.evidence().tableId())).findFirst()
                    .orElseThrow();
            String printed = table.rows().get(entry.evidence().row()).cells().get(entry.evidence().column());
            assertThat(printed.isEmpty() ? BigDecimal.ZERO : new BigDecimal(printed.replace(",", "")))
                    .as("%s table cell", key).isEqualByComparingTo(entry.value());
        }
    }

    @Test
    void qianjiang2024Budget() throws IOException {
        DisclosureParsed p = parse(parser, "qianjiang-2024-budget.txt");
        assertThat(p.meta().kind()).isEqualTo(DisclosureKind.BUDGET);
        assertThat(p.meta().scope()).isEqualTo(DisclosureScope.DEPARTMENT);
        assertThat(p.meta().fiscalYear()).isEqualTo(2024);
        assertThat(p.meta().department()).isEqualTo("重庆市黔江区行政服务中心");
        assertThat(p.meta().province()).isEqualTo("重庆市");
        assertThat(p.meta().district()).isEqualTo("黔江区");
        assertThat(p.meta().contact()).isEqualTo("庞红 023-79228596");

        FundScope all = FundScope.ALL_FUNDS;
        FundScope gpb = FundScope.GENERAL_PUBLIC_BUDGET;
        assertSummary(p, "income.total", "371.06", all);
        assertSummary(p, "expenditure.total", "371.06", all);
        assertSummary(p, "expenditure.function.201", "291.20", all);
        assertSummary(p, "expenditure.function.208", "40.24", all);
        assertSummary(p, "expenditure.function.210", "20.64", all);
        assertSummary(p, "expenditure.function.221", "18.97", all);
        assertSummary(p, "expenditure.basic", "358.68", gpb);
        assertSummary(p, "expenditure.project", "12.38", gpb);
        assertSummary(p, "three_public.total", "6.16", gpb);
        assertSummary(p, "three_public.overseas", "0", gpb);
        assertSummary(p, "three_public.reception", "3.50", gpb);
        assertSummary(p, "three_public.vehicle", "2.66", gpb);
        assertSummary(p, "procurement.total", "2", all);
        assertThat(p.summary()).as("机关运行经费 is not stated (我单位不在机关运行经费统计范围之内)")
                .doesNotContainKey("operating_expenses");
    }

    @Test
    void banan2024Budget() throws IOException {
        DisclosureParsed p = parse(parser, "banan-2024-budget.md");
        assertThat(p.meta().kind()).isEqualTo(DisclosureKind.BUDGET);
        assertThat(p.meta().scope()).isEqualTo(DisclosureScope.DEPARTMENT);
        assertThat(p.meta().fiscalYear()).isEqualTo(2024);
        assertThat(p.meta().department()).isEqualTo("重庆市巴南区政务服务管理办公室");
        assertThat(p.meta().district()).isEqualTo("巴南区");
        assertThat(p.meta().contact()).isEqualTo("张莉 023-66239852");

        FundScope all = FundScope.ALL_FUNDS;
        FundScope gpb = FundScope.GENERAL_PUBLIC_BUDGET;
        assertSummary(p, "income.total", "1137.1", all);
        assertSummary(p, "expenditure.total", "1137.1", all);
        assertSummary(p, "expenditure.function.201", "1084.23", all);
        assertSummary(p, "expenditure.function.208", "25.89", all);
        assertSummary(p, "expenditure.function.210", "11.91", all);
        assertSummary(p, "expenditure.function.221", "15.08", all);
        assertSummary(p, "expenditure.basic", "367.10", all);
        assertSummary(p, "expenditure.project", "770.00", all);
        assertSummary(p, "expenditure.basic.personnel", "178.82", gpb);
        assertSummary(p, "expenditure.basic.public", "188.28", gpb);
        assertSummary(p, "three_public.vehicle", "0", gpb);
        assertSummary(p, "three_public.total", "0.2", gpb);
        assertSummary(p, "three_public.reception", "0.2", gpb);
        assertSummary(p, "three_public.vehicle_operation", "0", gpb);
        assertSummary(p, "three_public.vehicle_purchase", "0", gpb);
        assertSummary(p, "operating_expenses", "188.28", gpb);
        assertSummary(p, "procurement.total", "0", all);
        assertThat(p.summary().get("income.total").value().scale()).as("printed precision kept").isEqualTo(1);
    }

    @Test
    void rongchang2025UnitBudget() throws IOException {
        DisclosureParsed p = parse(parser, "rongchang-2025-unit-budget.txt");
        assertThat(p.meta().kind()).isEqualTo(DisclosureKind.BUDGET);
        assertThat(p.meta().scope()).isEqualTo(DisclosureScope.UNIT);
        assertThat(p.meta().fiscalYear()).isEqualTo(2025);
        assertThat(p.meta().department()).isEqualTo("重庆市荣昌区政务服务管理办公室本级");
        assertThat(p.meta().budgetUnitCode()).isEqualTo("151001");
        assertThat(p.meta().district()).isEqualTo("荣昌区");

        FundScope all = FundScope.ALL_FUNDS;
        FundScope gpb = FundScope.GENERAL_PUBLIC_BUDGET;
        assertSummary(p, "income.total", "522.61", all);
        assertSummary(p, "expenditure.total", "522.61", all);
        assertSummary(p, "expenditure.function.201", "488.83", all);
        assertSummary(p, "expenditure.function.205", "0.53", all);
        assertSummary(p, "expenditure.basic", "367.11", all);
        assertSummary(p, "expenditure.project", "155.51", all);
        assertSummary(p, "expenditure.basic.personnel", "313.99", gpb);
        assertSummary(p, "expenditure.basic.public", "53.11", gpb);
        assertSummary(p, "expenditure.function.208", "17.07", all);
        assertSummary(p, "expenditure.function.210", "8.37", all);
        assertSummary(p, "expenditure.function.221", "7.81", all);
        assertSummary(p, "three_public.overseas", "0", gpb);
        assertSummary(p, "three_public.vehicle", "2.50", gpb);
        assertSummary(p, "three_public.vehicle_purchase", "0", gpb);
        assertSummary(p, "three_public.total", "3.5", gpb);
        assertSummary(p, "three_public.reception", "1", gpb);
        assertSummary(p, "three_public.vehicle_operation", "2.5", gpb);
        assertSummary(p, "operating_expenses", "53.11", gpb);
        assertSummary(p, "procurement.total", "4.68", all);
    }

    @Test
    void jiangjin2024FinalAccountsWithAHeaderBlockAndNoTitle() throws IOException {
        DisclosureParsed p = parse(parser, "jiangjin-2024-final-accounts.txt");
        assertThat(p.meta().kind()).isEqualTo(DisclosureKind.FINAL_ACCOUNT);
        assertThat(p.meta().scope()).isEqualTo(DisclosureScope.DEPARTMENT);
        assertThat(p.meta().fiscalYear()).isEqualTo(2024);
        assertThat(p.meta().indexNumber()).isEqualTo("11500381MB151298D/2025-00001");
        assertThat(p.meta().publisher()).isEqualTo("江津区政务服务管理办公室");
        assertThat(p.meta().publicationDate()).isEqualTo(LocalDate.of(2025, 8, 21));
        assertThat(p.meta().budgetUnitCode()).isEqualTo("105");
        assertThat(p.meta().district()).isEqualTo("江津区");
        assertThat(p.meta().contact()).isEqualTo("苏杨 023-81222208");

        FundScope fiscal = FundScope.FISCAL_APPROPRIATION;
        FundScope gpb = FundScope.GENERAL_PUBLIC_BUDGET;
        assertSummary(p, "income.total", "3027.5", fiscal);
        assertSummary(p, "expenditure.total", "3027.5", fiscal);
        assertSummary(p, "expenditure.function.201", "2742.45", gpb);
        assertSummary(p, "expenditure.function.208", "140.74", gpb);
        assertSummary(p, "expenditure.basic", "1194.07", gpb);
        assertSummary(p, "expenditure.basic.personnel", "1002.17", gpb);
        assertSummary(p, "expenditure.basic.public", "191.90", gpb);
        assertSummary(p, "three_public.total", "2.82", gpb);
        assertSummary(p, "three_public.vehicle_operation", "2.07", gpb);
        assertSummary(p, "three_public.reception", "0.75", gpb);
        assertSummary(p, "operating_expenses", "161.36", gpb);
        assertSummary(p, "procurement.total", "758.20", FundScope.ALL_FUNDS);

        var f201 = p.facts().stream().filter(f -> "expenditure.function.201".equals(f.key())).findFirst().orElseThrow();
        assertThat(f201.share()).isEqualByComparingTo("90.59");
        assertThat(f201.change().amount()).isEqualByComparingTo("426.93");
        assertThat(f201.change().percent()).isEqualByComparingTo("13.47");
        assertThat(f201.change().sign()).isEqualTo(-1);
        assertThat(f201.change().base()).isEqualTo("INITIAL_BUDGET");
        Section empty = p.sections().stream().filter(s -> "部门收支总体情况".equals(s.title())).findFirst().orElseThrow();
        assertThat(empty.empty()).as("(一)部门收支总体情况 has no text before (二)").isTrue();
    }

    @Test
    void wulong2020FinalAccountsWithoutATitle() throws IOException {
        DisclosureParsed p = parse(parser, "wulong-2020-final-accounts.txt");
        assertThat(p.meta().kind()).isEqualTo(DisclosureKind.FINAL_ACCOUNT);
        assertThat(p.meta().scope()).isEqualTo(DisclosureScope.DEPARTMENT);
        assertThat(p.meta().fiscalYear()).isEqualTo(2020);
        assertThat(p.meta().department()).isEqualTo("重庆市武隆区政务服务管理办公室");
        assertThat(p.meta().district()).isEqualTo("武隆区");
        assertThat(p.meta().contact()).isEqualTo("023-77820755");

        FundScope all = FundScope.ALL_FUNDS;
        FundScope gpb = FundScope.GENERAL_PUBLIC_BUDGET;
        assertSummary(p, "income.total", "606.04", all);
        assertSummary(p, "expenditure.total", "606.04", all);
        assertSummary(p, "expenditure.basic", "499.26", all);
        assertSummary(p, "expenditure.project", "106.79", all);
        assertSummary(p, "expenditure.function.201", "507.69", gpb);
        assertSummary(p, "expenditure.function.208", "49.26", gpb);
        assertSummary(p, "expenditure.basic.personnel", "381.06", gpb);
        assertSummary(p, "three_public.total", "11.79", gpb);
        assertSummary(p, "three_public.reception", "7.39", gpb);
        assertSummary(p, "operating_expenses", "118.20", gpb);
        assertSummary(p, "procurement.total", "41.97", all);
    }

    /** Every summary key each document states, and no other: nothing is invented, nothing stated is missed. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "qianjiang-2024-budget.txt; income.total expenditure.total expenditure.function.201 expenditure.function.208 "
                    + "expenditure.function.210 expenditure.function.221 expenditure.basic expenditure.project "
                    + "three_public.total three_public.overseas three_public.reception three_public.vehicle procurement.total",
            "banan-2024-budget.md; income.total expenditure.total expenditure.function.201 expenditure.function.208 "
                    + "expenditure.function.210 expenditure.function.221 expenditure.basic expenditure.project "
                    + "expenditure.basic.personnel expenditure.basic.public three_public.total three_public.overseas "
                    + "three_public.vehicle three_public.vehicle_purchase three_public.vehicle_operation "
                    + "three_public.reception operating_expenses procurement.total",
            "rongchang-2025-unit-budget.txt; income.total expenditure.total expenditure.function.201 "
                    + "expenditure.function.205 expenditure.function.208 expenditure.function.210 expenditure.function.221 "
                    + "expenditure.basic expenditure.project expenditure.basic.personnel expenditure.basic.public "
                    + "three_public.total three_public.overseas three_public.vehicle three_public.vehicle_purchase "
                    + "three_public.vehicle_operation three_public.reception operating_expenses procurement.total",
            "jiangjin-2024-final-accounts.txt; income.total expenditure.total expenditure.function.201 "
                    + "expenditure.function.205 expenditure.function.208 expenditure.function.210 expenditure.function.221 "
                    + "expenditure.basic expenditure.basic.personnel expenditure.basic.public three_public.total "
                    + "three_public.overseas three_public.vehicle_purchase three_public.vehicle_operation "
                    + "three_public.reception operating_expenses procurement.total",
            "wulong-2020-final-accounts.txt; income.total expenditure.total expenditure.function.201 "
                    + "expenditure.function.208 expenditure.function.210 expenditure.function.221 expenditure.basic "
                    + "expenditure.project expenditure.basic.personnel expenditure.basic.public three_public.total "
                    + "three_public.overseas three_public.vehicle_purchase three_public.vehicle_operation "
                    + "three_public.reception operating_expenses procurement.total"})
    void summaryHoldsExactlyTheKeysTheDocumentStates(String file, String keys) throws IOException {
        DisclosureParsed p = parse(parser, file);
        assertThat(p.summary().keySet()).containsExactlyInAnyOrder(keys.split(" "));
    }

    /** Attribution rate = narrative figures (万元, 元, %) that became facts or parts of facts / all such figures. */
    @ParameterizedTest
    @CsvSource({"qianjiang-2024-budget.txt, 0.97", "banan-2024-budget.md, 0.97", "rongchang-2025-unit-budget.txt, 0.97",
            "jiangjin-2024-final-accounts.txt, 0.97", "wulong-2020-final-accounts.txt, 0.97"})
    void attributionRateStaysAtItsMeasuredLevel(String file, double floor) throws IOException {
        String text = DocumentReader.read(Files.readAllBytes(Path.of("..", "samples", file)), "text/plain", null).text();
        var meta = MetadataExtractor.extract(text);
        var result = new FactExtractor(Vocabulary.standard()).extract(text, meta.kind(), meta.fiscalYear(),
                SectionParser.parse(text));
        assertThat(result.figures()).isGreaterThan(30);
        assertThat(result.attributionRate()).as("%s: %d of %d", file, result.attributed(), result.figures())
                .isGreaterThanOrEqualTo(floor);
        assertThat(result.warnings()).as("every figure not attributed is a warning")
                .hasSize(result.figures() - result.attributed());
    }

    @Test
    void everyEvidenceQuoteIsTheTextAtItsOffsets() throws IOException {
        for (String file : new String[] {"qianjiang-2024-budget.txt", "banan-2024-budget.md",
                "rongchang-2025-unit-budget.txt", "jiangjin-2024-final-accounts.txt", "wulong-2020-final-accounts.txt"}) {
            DisclosureParsed p = parse(parser, file);
            assertThat(p.facts()).allSatisfy(f -> assertThat(p.text().substring(f.evidence().start(), f.evidence().end()))
                    .isEqualTo(f.evidence().quote()));
            Map<String, SummaryEntry> summary = p.summary();
            assertThat(summary).isNotEmpty();
        }
    }
}
