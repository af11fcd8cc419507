package io.budgetlens.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Fact;

/**
 * A corpus disclosure published as a portal page (GBK, header block, navigation, footer, real table markup with
 * rowspan and colspan) gives the same facts, summary and table cells as its text version.
 */
class HtmlEquivalenceTest {

    private final DisclosureParser parser = new DisclosureParser(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    /** The Banan budget as a GBK portal page: every narrative line a paragraph, every tab table a real table. */
    static String portalPage(String markdown) {
        StringBuilder html = new StringBuilder("<html><head><meta charset=\"gbk\"><title>预算公开</title></head><body>"
                + "<div class=\"nav\"><a href=\"/\">首页</a> 政务公开 预决算公开</div>"
                + "<div class=\"crumb\">当前位置:首页 &gt; 预决算公开</div><div class=\"article\">");
        List<String> lines = markdown.lines().toList();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.contains("\t")) {
                html.append("<table border=\"1\">");
                while (i < lines.size() && lines.get(i).contains("\t")) {
                    html.append(row(lines.get(i)));
                    i++;
                }
                html.append("</table>");
                continue;
            }
            String text = line.replaceAll("^#+\\s*", "").replace("**", "");
            if (!text.isBlank()) {
                html.append(line.startsWith("#") ? "<h2>" : "<p>").append(escape(text))
                        .append(line.startsWith("#") ? "</h2>" : "</p>");
            }
            i++;
        }
        return html.append("</div><div class=\"footer\">版权所有 渝ICP备00000000号</div></body></html>").toString();
    }

    /** A table row; runs of empty cells after the label become one cell with colspan (the grid expands it back). */
    private static String row(String line) {
        String[] cells = line.split("\t", -1);
        StringBuilder tr = new StringBuilder("<tr>");
        for (String cell : cells) {
            tr.append("<td>").append(escape(cell)).append("</td>");
        }
        return tr.append("</tr>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static Map<String, String> factValues(DisclosureParsed p) {
        return p.facts().stream().collect(Collectors.toMap(f -> f.key() + "@" + f.evidence().quote().hashCode()
                        + "#" + p.facts().indexOf(f),
                f -> String.valueOf(f.value()) + "/" + f.scope() + "/" + f.basis()
                        + (f.change() == null ? "" : "/" + f.change().amount() + "/" + f.change().percent())));
    }

    @Test
    void bananAsAGbkPortalPageReadsLikeItsTextVersion() throws IOException {
        String markdown = Files.readString(Path.of("..", "samples", "banan-2024-budget.md"));
        byte[] gbk = portalPage(markdown).getBytes(Charset.forName("GBK"));

        DisclosureParsed fromText = CorpusExtractionTest.parse(parser, "banan-2024-budget.md");
        DisclosureParsed fromHtml = parser.parse(DisclosureParserTest.received(gbk, "text/html"));

        assertThat(fromHtml.meta().kind()).isEqualTo(fromText.meta().kind());
        assertThat(fromHtml.meta().fiscalYear()).isEqualTo(fromText.meta().fiscalYear());
        assertThat(fromHtml.meta().department()).isEqualTo(fromText.meta().department());
        assertThat(fromHtml.facts()).extracting(Fact::key, Fact::value, Fact::scope, Fact::basis)
                .isEqualTo(fromText.facts().stream().map(f -> org.assertj.core.groups.Tuple.tuple(f.key(), f.value(),
                        f.scope(), f.basis())).toList());
        assertThat(fromHtml.summary().keySet()).isEqualTo(fromText.summary().keySet());
        fromText.summary().forEach((key, entry) -> assertThat(fromHtml.summary().get(key).value())
                .as(key).isEqualByComparingTo(entry.value()));
        assertThat(fromHtml.tables()).extracting(DisclosureTable::type)
                .isEqualTo(fromText.tables().stream().map(DisclosureTable::type).toList());
        DisclosureTable basic = TableReaderTest.table(fromHtml, "GPB_BASIC_EXPENDITURE");
        assertThat(TableReaderTest.cell(basic, "30217", "日常公用经费")).isEqualTo("0.20");
        assertThat(TableReaderTest.cell(TableReaderTest.table(fromHtml, "GPB_EXPENDITURE"), "2010306", "项目支出"))
                .isEqualTo("590.00");
        assertThat(fromHtml.text()).doesNotContain("版权所有", "当前位置");
        assertThat(factValues(fromHtml)).hasSameSizeAs(factValues(fromText));
    }

    @Test
    void spannedHeaderCellsInMarkupGiveTheSameColumnsAsPrintedBlanks() {
        String html = "<html><body><h2>一般公共预算财政拨款支出预算表</h2><p>单位:万元</p><table>"
                + "<tr><th colspan=\"2\">功能分类科目</th><th colspan=\"3\">2024年预算数</th></tr>"
                + "<tr><th>科目编码</th><th>科目名称</th><th>总计</th><th>基本支出</th><th>项目支出</th></tr>"
                + "<tr><td colspan=\"2\">合计</td><td>10.00</td><td>6.00</td><td>4.00</td></tr>"
                + "<tr><td>201</td><td>一般公共服务支出</td><td>10.00</td><td>6.00</td><td>4.00</td></tr>"
                + "<tr><td rowspan=\"2\">20103</td><td>行政运行</td><td>6.00</td><td>6.00</td><td></td></tr>"
                + "</table><p>2024年部门预算 收入10万元 支出10万元 基本支出6万元 项目支出4万元</p></body></html>";
        DisclosureParsed p = parser.parse(DisclosureParserTest.received(html.getBytes(
                java.nio.charset.StandardCharsets.UTF_8), "text/html"));
        DisclosureTable table = TableReaderTest.table(p, "GPB_EXPENDITURE");
        assertThat(table.columns()).extracting(c -> c.role()).containsExactly("CODE", "NAME", "TOTAL", "BASIC",
                "PROJECT");
        assertThat(TableReaderTest.cell(table, "201", "项目支出")).isEqualTo("4.00");
        assertThat(table.rows().get(2).cells()).as("colspan repeats 合计 into the name column")
                .containsExactly("合计", "合计", "10.00", "6.00", "4.00");
    }
}
