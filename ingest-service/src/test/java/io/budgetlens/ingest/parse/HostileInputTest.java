package io.budgetlens.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.EventJson;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.ParseStatus;
import io.budgetlens.events.ParseWarning;
import io.budgetlens.ingest.decode.pdf.PdfReader;

/**
 * The hostile inputs found on {@code POST /api/v1/documents:parse} (issue 16), each after a real disclosure so that the
 * parser reads it as one: bounded by counted budgets (figures, tables, cells, quote characters, warnings), with an
 * answer no larger than ten times its input plus 1 MB. No wall-clock assertion: the deadline is the parser's own.
 */
class HostileInputTest {

    private static final ObjectMapper JSON = EventJson.mapper();
    private final DisclosureParser parser = new DisclosureParser(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    static String sample() throws IOException {
        return Files.readString(Path.of("..", "samples", "qianjiang-2024-budget.txt"));
    }

    @Test
    void manyTinyAmountsOnOneLineAreReadUpToTheFigureBudget() throws IOException {
        String hostile = "x1元".repeat(17_000); // 68 KB of text, one line, 17,000 figures
        DisclosureParsed parsed = parse(sample() + "\n" + hostile);

        assertBounded(parsed, utf8(sample() + "\n" + hostile));
        assertThat(parsed.warnings()).extracting(ParseWarning::code).contains("FIGURE_BUDGET");
    }

    @Test
    void figuresWithoutALabelAreWarnedAboutAHundredTimesThenCounted() {
        String hostile = "x1元。".repeat(3_000); // no words to take a label from: every figure is unattributed
        FactExtractor.Result result = new FactExtractor(Vocabulary.standard())
                .extract(hostile, DisclosureKind.BUDGET, 2024);

        // 12,000 characters: at most 12,000 / 10 + 500 = 1,700 figures are read.
        assertThat(result.figures()).isEqualTo(1_700);
        assertThat(result.facts()).isEmpty();
        assertThat(result.warnings()).extracting(ParseWarning::code).contains("FIGURE_BUDGET");
        assertThat(result.warnings()).filteredOn(w -> w.code().equals("UNATTRIBUTED_FIGURE")).hasSize(101);
        assertThat(result.warnings()).last().extracting(ParseWarning::message)
                .isEqualTo("1600 more UNATTRIBUTED_FIGURE warnings like the 100 above were left out.");
    }

    @Test
    void thousandsOfTinyPipeTablesAreReadUpToTheTableBudget() throws IOException {
        StringBuilder tables = new StringBuilder();
        while (tables.length() < 227_000) {
            tables.append("表\n|a|b|\n|---|---|\n|1|2|\n\n");
        }
        DisclosureParsed parsed = parse(sample() + "\n" + tables);

        assertBounded(parsed, utf8(sample() + "\n" + tables));
        assertThat(parsed.tables()).hasSizeLessThanOrEqualTo(ParseBudget.Limits.DEFAULT.maxTables());
        assertThat(parsed.warnings()).extracting(ParseWarning::code).contains("TABLE_BUDGET");
    }

    @Test
    void anHtmlTableWithHugeSpansIsCappedInCells() throws IOException {
        for (int size : new int[] {10_000, 21_000}) {
            StringBuilder html = new StringBuilder("<html><body><pre>").append(escape(sample())).append("</pre><table>");
            int row = 0;
            while (html.length() < size + sample().length()) {
                html.append("<tr><td rowspan=\"65000\" colspan=\"1000\">").append(row++).append("</td>")
                        .append("<td colspan=\"1000\">1</td></tr>");
            }
            html.append("</table></body></html>");
            byte[] bytes = html.toString().getBytes(StandardCharsets.UTF_8);
            DisclosureParsed parsed = parser.parse(DisclosureParserTest.received(bytes, "text/html"));

            assertBounded(parsed, bytes.length);
            long cells = parsed.tables().stream().mapToLong(t -> (long) t.rows().size() * Math.max(1, t.columns().size()))
                    .sum();
            assertThat(cells).as("cells of a " + size + "-byte table").isLessThanOrEqualTo(20_000);
        }
    }

    @Test
    void aDocumentOverItsDeadlineIsRejectedWithAReasonThatSaysItCanBeRetried() throws IOException {
        DisclosureParser hurried = new DisclosureParser(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
                PdfReader.Limits.DEFAULT, new ParseBudget.Limits(4_000_000, 500, 100_000, 5_000, 300, Duration.ZERO));
        DisclosureParsed parsed = hurried.parse(DisclosureParserTest.received(
                sample().getBytes(StandardCharsets.UTF_8), "text/plain"));

        assertThat(parsed.status()).isEqualTo(ParseStatus.REJECTED);
        assertThat(parsed.rejectionReasons()).singleElement().asString().startsWith("PARSE_DEADLINE").contains("retried");
    }

    @Test
    void textOverItsBudgetIsRejectedWithTheCountsInTheReason() throws IOException {
        DisclosureParser small = new DisclosureParser(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
                PdfReader.Limits.DEFAULT, new ParseBudget.Limits(1_000, 500, 100_000, 5_000, 300, Duration.ofSeconds(30)));
        DisclosureParsed parsed = small.parse(DisclosureParserTest.received(
                sample().getBytes(StandardCharsets.UTF_8), "text/plain"));

        assertThat(parsed.status()).isEqualTo(ParseStatus.REJECTED);
        assertThat(parsed.rejectionReasons()).singleElement().asString().startsWith("PARSE_BUDGET_TEXT")
                .contains("at most 1000");
    }

    private DisclosureParsed parse(String text) {
        return parser.parse(DisclosureParserTest.received(text.getBytes(StandardCharsets.UTF_8), "text/plain"));
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;");
    }

    /** Never thrown, figures and quotes within budget, quotes true to their offsets, the answer ≤ 10× input + 1 MB. */
    static void assertBounded(DisclosureParsed parsed, long inputBytes) {
        ParseBudget.Limits limits = ParseBudget.Limits.DEFAULT;
        assertThat(parsed.status()).isIn(ParseStatus.PARSED, ParseStatus.REJECTED);
        if (parsed.status() == ParseStatus.PARSED) {
            assertThat(parsed.facts()).hasSizeLessThanOrEqualTo(limits.maxFigures());
            assertQuotes(parsed, parsed.facts().stream().map(f -> f.evidence())
                    .filter(e -> e != null && e.start() != null).toList());
            assertQuotes(parsed, parsed.warnings().stream().map(ParseWarning::evidence)
                    .filter(e -> e != null && e.start() != null).toList());
        }
        byte[] answer;
        try {
            answer = JSON.writeValueAsBytes(parsed);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat((long) answer.length).as("answer to " + inputBytes + " bytes of input")
                .isLessThanOrEqualTo(10 * inputBytes + 1_000_000L);
    }

    private static void assertQuotes(DisclosureParsed parsed, List<Evidence> evidence) {
        Function<Evidence, String> atOffsets = e -> parsed.text().substring(e.start(), e.end());
        for (Evidence e : evidence) {
            assertThat(e.quote().length()).as("quote " + e.start()).isLessThanOrEqualTo(
                    ParseBudget.Limits.DEFAULT.maxQuoteChars());
            assertThat(e.quote()).as("quote at " + e.start() + ".." + e.end()).isEqualTo(atOffsets.apply(e));
        }
    }

}
