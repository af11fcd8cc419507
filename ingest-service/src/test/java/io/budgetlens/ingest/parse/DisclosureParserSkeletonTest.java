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

/** The foundation parser reads kind, scope and fiscal year of every corpus document and rejects non-disclosures. */
class DisclosureParserSkeletonTest {

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
    void gbkEncodedTextIsDecoded() {
        byte[] gbk = "重庆市某区某局2024年部门预算情况说明".getBytes(Charset.forName("GBK"));
        DisclosureParsed parsed = parser.parse(received(gbk, "text/plain"));
        assertThat(parsed.text()).startsWith("重庆市某区某局");
        assertThat(parsed.meta().kind()).isEqualTo(DisclosureKind.BUDGET);
    }

    @Test
    void newsPageWithoutBudgetVocabularyIsRejectedWithAReason() {
        byte[] news = "<html><body><h1>区政务服务中心开展志愿服务活动</h1></body></html>".getBytes(StandardCharsets.UTF_8);
        DisclosureParsed parsed = parser.parse(received(news, "text/html"));
        assertThat(parsed.status()).isEqualTo(ParseStatus.REJECTED);
        assertThat(parsed.rejectionReasons()).singleElement().asString().contains("预算");
    }
}
