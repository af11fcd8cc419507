package io.budgetlens.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
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

    private static final Map<String, DisclosureParsed> PARSED = new ConcurrentHashMap<>();

    /** A sample as the parser reads it, parsed once for all the tests that check its values. */
    static DisclosureParsed parsed(String file) {
        return PARSED.computeIfAbsent(file, f -> {
            try {
                return parse(new DisclosureParser(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)), f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

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

    /** The metadata of each document (corpus-expected/metadata.csv; blank: not printed where the parser reads it). */
    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/corpus-expected/metadata.csv", delimiter = ';', numLinesToSkip = 1)
    void metadata(String file, DisclosureKind kind, DisclosureScope scope, int fiscalYear, String department,
                  String district, String contact) {
        var meta = parsed(file).meta();
        assertThat(meta.kind()).isEqualTo(kind);
        assertThat(meta.scope()).isEqualTo(scope);
        assertThat(meta.fiscalYear()).isEqualTo(fiscalYear);
        assertThat(meta.district()).isEqualTo(district);
        if (department != null) {
            assertThat(meta.department()).isEqualTo(department);
        }
        if (contact != null) {
            assertThat(meta.contact()).isEqualTo(contact);
        }
    }

    /**
     * Each figure a document states (corpus-expected/figures.csv, read from the documents by hand): its value as
     * printed, its fund scope, and evidence that points at it.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvFileSource(resources = "/corpus-expected/figures.csv", delimiter = ';', numLinesToSkip = 1)
    void statedFigures(String file, String key, String value, FundScope scope) {
        assertSummary(parsed(file), key, value, scope);
    }

    @Test
    void qianjiangStatesItsProvinceAndNoOperatingExpenses() {
        DisclosureParsed p = parsed("qianjiang-2024-budget.txt");
        assertThat(p.meta().province()).isEqualTo("重庆市");
        assertThat(p.summary()).as("机关运行经费 is not stated (我单位不在机关运行经费统计范围之内)")
                .doesNotContainKey("operating_expenses");
    }

    @Test
    void bananKeepsThePrintedPrecision() {
        DisclosureParsed p = parsed("banan-2024-budget.md");
        assertThat(p.summary().get("income.total").value().scale()).as("printed precision kept").isEqualTo(1);
    }

    @Test
    void rongchangUnitBudgetHasItsBudgetUnitCode() {
        assertThat(parsed("rongchang-2025-unit-budget.txt").meta().budgetUnitCode()).isEqualTo("151001");
    }

    @Test
    void jiangjinFinalAccountsWithAHeaderBlockAndNoTitle() {
        DisclosureParsed p = parsed("jiangjin-2024-final-accounts.txt");
        assertThat(p.meta().indexNumber()).isEqualTo("11500381MB151298D/2025-00001");
        assertThat(p.meta().publisher()).isEqualTo("江津区政务服务管理办公室");
        assertThat(p.meta().publicationDate()).isEqualTo(LocalDate.of(2025, 8, 21));
        assertThat(p.meta().budgetUnitCode()).isEqualTo("105");

        var f201 = p.facts().stream().filter(f -> "expenditure.function.201".equals(f.key())).findFirst().orElseThrow();
        assertThat(f201.share()).isEqualByComparingTo("90.59");
        assertThat(f201.change().amount()).isEqualByComparingTo("426.93");
        assertThat(f201.change().percent()).isEqualByComparingTo("13.47");
        assertThat(f201.change().sign()).isEqualTo(-1);
        assertThat(f201.change().base()).isEqualTo("INITIAL_BUDGET");
        Section empty = p.sections().stream().filter(s -> "部门收支总体情况".equals(s.title())).findFirst().orElseThrow();
        assertThat(empty.empty()).as("(一)部门收支总体情况 has no text before (二)").isTrue();
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
    void summaryHoldsExactlyTheKeysTheDocumentStates(String file, String keys) {
        DisclosureParsed p = parsed(file);
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
    void everyEvidenceQuoteIsTheTextAtItsOffsets() {
        for (String file : new String[] {"qianjiang-2024-budget.txt", "banan-2024-budget.md",
                "rongchang-2025-unit-budget.txt", "jiangjin-2024-final-accounts.txt", "wulong-2020-final-accounts.txt"}) {
            DisclosureParsed p = parsed(file);
            assertThat(p.facts()).allSatisfy(f -> assertThat(p.text().substring(f.evidence().start(), f.evidence().end()))
                    .isEqualTo(f.evidence().quote()));
            Map<String, SummaryEntry> summary = p.summary();
            assertThat(summary).isNotEmpty();
        }
    }
}
