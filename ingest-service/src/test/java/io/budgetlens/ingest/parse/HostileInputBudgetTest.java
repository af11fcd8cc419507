package io.budgetlens.ingest.parse;

import static io.budgetlens.ingest.parse.DisclosureParserTest.received;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.EventJson;
import io.budgetlens.events.ParseStatus;
import io.budgetlens.ingest.decode.pdf.PdfReader;

/**
 * The hostile inputs of issue 16 that concern tables, spans, text and time, as counted budgets (never wall-clock
 * times): whatever a document holds, the parse result stays within the tables, cells and characters the parser allows
 * and within 10× its input + 1 MB, and a document over the deadline is REJECTED with a reason that says it can be
 * retried. (The figures and evidence-quote budgets are the fact extractor's, tested with it.)
 */
class HostileInputBudgetTest {

    static final Clock CLOCK = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
    static final String HEADER = "某局2024年部门预算\n一、部门基本情况\n收入支出预算总表\n单位：万元\n";

    static int cells(DisclosureParsed parsed) {
        return parsed.tables() == null ? 0 : parsed.tables().stream()
                .mapToInt(t -> t.rows().stream().mapToInt(r -> r.cells().size()).sum()).sum();
    }

    static void answerIsBounded(DisclosureParsed parsed, int inputBytes) {
        assertThat(EventJson.write(parsed).length).as("the answer is at most 10× its input + 1 MB")
                .isLessThanOrEqualTo(10 * inputBytes + 1_048_576);
    }

    @Test
    void manyTinyPipeTablesAreReadUpToTheTableAndCellBudgets() throws IOException {
        // A real disclosure followed by thousands of tiny pipe tables.
        StringBuilder text = new StringBuilder(Files.readString(Path.of("..", "samples", "qianjiang-2024-budget.txt")));
        while (text.length() < 227 * 1024 / 3) { // ~227 KB of UTF-8
            text.append("|项目|金额|\n|收入|1|\n\n");
        }
        byte[] input = text.toString().getBytes(StandardCharsets.UTF_8);
        ParseBudget.Limits small = new ParseBudget.Limits(4_000_000, 40, 150, 5_000, 300, Duration.ofMinutes(5));
        DisclosureParsed parsed = new DisclosureParser(CLOCK, PdfReader.Limits.DEFAULT, small)
                .parse(received(input, "text/markdown"));

        assertThat(parsed.status()).as(String.valueOf(parsed.rejectionReasons())).isEqualTo(ParseStatus.PARSED);
        assertThat(parsed.tables()).hasSizeLessThanOrEqualTo(40).isNotEmpty();
        assertThat(cells(parsed)).isLessThanOrEqualTo(150);
        assertThat(parsed.warnings()).anySatisfy(w -> assertThat(w.code()).isEqualTo("TABLE_BUDGET"));
        answerIsBounded(parsed, input.length);

        DisclosureParsed defaults = new DisclosureParser(CLOCK).parse(received(input, "text/markdown"));
        assertThat(defaults.tables()).hasSizeLessThanOrEqualTo(ParseBudget.Limits.DEFAULT.maxTables());
        assertThat(cells(defaults)).isLessThanOrEqualTo(ParseBudget.Limits.DEFAULT.maxCells());
        answerIsBounded(defaults, input.length);
    }

    @Test
    void anHtmlTableOfHugeSpansStaysWithinItsCellBudgetAndItsAnswerIsBounded() {
        StringBuilder html = new StringBuilder("<html><body><h1>某局2024年部门预算</h1><p>收入支出预算总表 单位：万元</p>");
        for (int t = 0; t < 3; t++) {
            html.append("<table>");
            for (int r = 0; r < 60; r++) {
                html.append("<tr><td rowspan=\"65534\" colspan=\"1000\">收入</td><td colspan=\"1000\">1</td></tr>");
            }
            html.append("</table>");
        }
        html.append("</body></html>");
        byte[] input = html.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(input.length).isBetween(10_000, 21_000);

        DisclosureParsed parsed = new DisclosureParser(CLOCK).parse(received(input, "text/html"));

        assertThat(cells(parsed)).isLessThanOrEqualTo(3 * 20_000);
        answerIsBounded(parsed, input.length);
    }

    @Test
    void textOverTheCharacterBudgetIsRejectedWithTheReason() {
        byte[] input = (HEADER + "说明。".repeat(2_000)).getBytes(StandardCharsets.UTF_8);
        ParseBudget.Limits limits = new ParseBudget.Limits(1_000, 500, 100_000, 5_000, 300, Duration.ofMinutes(5));
        DisclosureParsed parsed = new DisclosureParser(CLOCK, PdfReader.Limits.DEFAULT, limits)
                .parse(received(input, "text/plain"));

        assertThat(parsed.status()).isEqualTo(ParseStatus.REJECTED);
        assertThat(parsed.rejectionReasons()).singleElement().asString().startsWith("PARSE_BUDGET_TEXT")
                .contains("1000");
    }

    @Test
    void aDocumentOverItsDeadlineIsRejectedAndTheReasonSaysItCanBeRetried() {
        byte[] input = (HEADER + "|项目|金额|\n|收入|1|\n").getBytes(StandardCharsets.UTF_8);
        ParseBudget.Limits expired = new ParseBudget.Limits(4_000_000, 500, 100_000, 5_000, 300, Duration.ZERO);
        DisclosureParsed parsed = new DisclosureParser(CLOCK, PdfReader.Limits.DEFAULT, expired)
                .parse(received(input, "text/markdown"));

        assertThat(parsed.status()).isEqualTo(ParseStatus.REJECTED);
        assertThat(parsed.rejectionReasons()).singleElement().asString().startsWith("PARSE_DEADLINE")
                .contains("retried");
    }
}
