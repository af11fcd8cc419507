package io.budgetlens.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.DocumentIds;
import io.budgetlens.events.ParseStatus;
import io.budgetlens.events.Visibility;
import io.budgetlens.ingest.decode.HtmlRendererTest;

/** The parser reads kind, scope and fiscal year of every corpus document, accepts HTML, and rejects non-disclosures. */
class DisclosureParserTest {

    private final DisclosureParser parser = new DisclosureParser(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    static DisclosureReceived received(byte[] content, String contentType) {
        String id = DocumentIds.of(content);
        return new DisclosureReceived(id, contentType, null, null, null, content.length, id, Instant.EPOCH,
                Visibility.PUBLIC, content);
    }

    @ParameterizedTest
    @CsvSource({
            "banan-2024-budget.md, BUDGET, DEPARTMENT, 2024",
            "jiangjin-2024-final-accounts.txt, FINAL_ACCOUNT, DEPARTMENT, 2024",
            "qianjiang-2024-budget.txt, BUDGET, DEPARTMENT, 2024",
            "rongchang-2025-unit-budget.txt, BUDGET, UNIT, 2025",
            "wulong-2020-final-accounts.txt, FINAL_ACCOUNT, DEPARTMENT, 2020"})
    void readsKindScopeAndYearOfEveryCorpusDocument(String file, DisclosureKind kind, String scope, int year)
            throws IOException {
        byte[] content = Files.readAllBytes(Path.of("..", "samples", file));
        DisclosureParsed parsed = parser.parse(received(content, "text/plain"));

        assertThat(parsed.status()).isEqualTo(ParseStatus.PARSED);
        assertThat(parsed.meta().kind()).isEqualTo(kind);
        assertThat(parsed.meta().scope().name()).isEqualTo(scope);
        assertThat(parsed.meta().fiscalYear()).isEqualTo(year);
        assertThat(parsed.parserVersion()).isEqualTo(DisclosureParser.VERSION);
    }

    @Test
    void gbkEncodedCorpusDocumentParsesLikeItsUtf8Original() throws IOException {
        String text = Files.readString(Path.of("..", "samples", "qianjiang-2024-budget.txt"));
        DisclosureParsed fromGbk = parser.parse(received(text.getBytes(Charset.forName("GBK")), "text/plain"));
        DisclosureParsed fromUtf8 = parser.parse(received(text.getBytes(StandardCharsets.UTF_8), "text/plain"));
        assertThat(fromGbk.status()).isEqualTo(ParseStatus.PARSED);
        assertThat(fromGbk.text()).isEqualTo(fromUtf8.text());
        assertThat(fromGbk.meta()).isEqualTo(fromUtf8.meta());
    }

    @Test
    void portalHtmlPageIsAcceptedWithItsTitle() throws IOException {
        byte[] html = HtmlRendererTest.portalPage().getBytes(StandardCharsets.UTF_8);
        DisclosureParsed parsed = parser.parse(received(html, "text/html"));
        assertThat(parsed.status()).isEqualTo(ParseStatus.PARSED);
        assertThat(parsed.meta().kind()).isEqualTo(DisclosureKind.BUDGET);
        assertThat(parsed.meta().fiscalYear()).isEqualTo(2024);
        assertThat(parsed.text()).doesNotContain("版权所有");
    }

    @Test
    void newsPageThatMentionsTheBudgetIsRejectedWithReasons() {
        byte[] news = ("<html><body><h1>区财政局召开2025年部门预算编制工作会议</h1><p>会议要求各部门高度重视预算编制工作，"
                + "按时报送材料。</p></body></html>").getBytes(StandardCharsets.UTF_8);
        DisclosureParsed parsed = parser.parse(received(news, "text/html"));
        assertThat(parsed.status()).isEqualTo(ParseStatus.REJECTED);
        assertThat(parsed.rejectionReasons()).anySatisfy(r -> assertThat(r).contains("0 amount(s)"));
    }

    @Test
    void tableDumpWithoutAnyDisclosureWordingIsRejected() {
        String dump = "项目 | 金额 |\n201 | 1,084.23 |\n208 | 25.89 |\n合计 | 1,137.10万元 |\n预算 | 12万元 | 3元 |\n";
        DisclosureParsed parsed = parser.parse(received(dump.getBytes(StandardCharsets.UTF_8), "text/plain"));
        assertThat(parsed.status()).isEqualTo(ParseStatus.REJECTED);
        assertThat(parsed.rejectionReasons()).anySatisfy(r -> assertThat(r).contains("never names itself"));
    }

    @Test
    void emptyPageAndUnreadableBytesAreRejectedNotThrown() {
        DisclosureParsed empty = parser.parse(received("<html><body> </body></html>".getBytes(StandardCharsets.UTF_8),
                "text/html"));
        assertThat(empty.status()).isEqualTo(ParseStatus.REJECTED);
        assertThat(empty.rejectionReasons()).singleElement().asString().contains("no text");

        DisclosureParsed pdf = parser.parse(received("%PDF-1.4 binary".getBytes(StandardCharsets.UTF_8), "text/plain"));
        assertThat(pdf.status()).isEqualTo(ParseStatus.REJECTED);
        assertThat(pdf.rejectionReasons()).singleElement().asString().contains("PDF");
    }
}
