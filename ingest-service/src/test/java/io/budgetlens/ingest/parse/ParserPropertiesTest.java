package io.budgetlens.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.ParseStatus;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated hostile documents: pieces of the genre (amounts, units, sentence ends, 其中, change words, pipes, tabs,
 * table spans) in random order and number, alone and after a real disclosure. Whatever the input, the parser answers
 * PARSED or REJECTED (never throws), keeps its budgets, quotes evidence true to its offsets, and answers with no more
 * than ten times its input plus 1 MB.
 */
class ParserPropertiesTest {

    private static final List<String> PIECES = List.of("1元", "x1元", "12.5万元", "3%", "1,234.56万元", "0万元", "。", "；",
            ";", "，", "\n", "\n\n", "其中：", "增加", "减少", "较上年", "持平", "合计", "项目支出", "基本支出", "一般公共服务支出",
            "“三公”经费", "占", "主要原因是", "|", "|---|", "\t", "一、", "（一）", "2024年", "部门预算", "单位：万元", "目录",
            "第1页", "<table>", "<tr>", "<td rowspan=\"999\" colspan=\"999\">", "</td>", "</tr>", "</table>", " ", "　");

    private static final String SAMPLE;

    static {
        try {
            SAMPLE = HostileInputTest.sample();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final DisclosureParser parser = new DisclosureParser(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> piece = Arbitraries.of(PIECES);
        Arbitrary<String> run = piece.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join("", l))
                .flatMap(s -> Arbitraries.integers().between(1, 2_000).map(s::repeat));
        return run.list().ofMinSize(1).ofMaxSize(8).map(l -> String.join("", l));
    }

    @Property(tries = 100)
    void aloneTheParserStaysWithinItsBudgets(@ForAll("hostile") String text) {
        check(text);
    }

    @Property(tries = 100)
    void afterARealDisclosureTheParserStaysWithinItsBudgets(@ForAll("hostile") String text) {
        check(SAMPLE + "\n" + text);
    }

    private void check(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String type = text.contains("<table>") ? "text/html" : "text/plain";
        DisclosureParsed parsed = parser.parse(DisclosureParserTest.received(bytes, type));
        assertThat(parsed.status()).isIn(ParseStatus.PARSED, ParseStatus.REJECTED);
        HostileInputTest.assertBounded(parsed, bytes.length);
    }
}
