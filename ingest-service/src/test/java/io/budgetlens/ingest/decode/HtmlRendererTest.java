package io.budgetlens.ingest.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A page built in the style of a Chinese government portal: content and tables kept, portal chrome dropped. */
public class HtmlRendererTest {

    public static String portalPage() throws IOException {
        try (InputStream in = HtmlRendererTest.class.getResourceAsStream("/html/portal-budget.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void keepsTheArticleAndTheHeaderBlockAndDropsPortalChrome() throws IOException {
        DecodedDocument doc = DocumentReader.read(portalPage().getBytes(StandardCharsets.UTF_8), "text/html", null);

        assertThat(doc.text())
                .contains("重庆市示例区政务服务管理办公室2024年部门预算情况说明")
                .contains("[ 索引号 ] | 11500000MB0000000X/2024-00001 | [ 发文字号 ] |  |")
                .contains("[ 发布日期 ] | 2024-02-06 |")
                .contains("一般公共服务支出1,084.23万元")
                .contains("附件:重庆市示例区政务服务管理办公室2024年部门预算公开表")
                .doesNotContain("首页", "当前位置", "分享到", "【打印】", "版权所有", "ICP备", "相关链接", "123.45",
                        "tracker", "9999", "color: red", "搜索");
    }

    @Test
    void expandsRowspanAndColspanIntoAGrid() throws IOException {
        DecodedDocument doc = DocumentReader.read(portalPage().getBytes(StandardCharsets.UTF_8), "text/html", null);

        assertThat(doc.tables()).hasSize(2);
        List<List<String>> grid = doc.tables().get(1).grid();
        assertThat(grid.get(0)).containsExactly("收入", "收入", "支出", "支出", "支出");
        assertThat(grid.get(3)).containsExactly("一般公共预算资金", "1,137.10", "一般公共服务支出", "1,084.23", "1,084.23");
        assertThat(grid.get(4)).containsExactly("一般公共预算资金", "1,137.10", "社会保障和就业支出", "25.89", "25.89");
        TextTable table = doc.tables().get(1);
        assertThat(doc.text().substring(table.start(), table.end()))
                .startsWith("收入 | 收入 | 支出 | 支出 | 支出 |\n")
                .endsWith("一般公共预算资金 | 1,137.10 | 社会保障和就业支出 | 25.89 | 25.89 |");
    }

    @Test
    void fullWidthFiguresAreNormalisedAndMapBackToTheOriginal() throws IOException {
        DecodedDocument doc = DocumentReader.read(portalPage().getBytes(StandardCharsets.UTF_8), "text/html", null);

        int at = doc.text().indexOf("1,137.10万元,较上年增加853.68万元,增长301.20%");
        assertThat(at).isPositive();
        int original = doc.originalOffset(at);
        assertThat(doc.originalText().substring(original, doc.originalOffset(at + 8))).isEqualTo("１，１３７．１０");
    }

    @Test
    void gbkPageWithMetaCharsetReadsTheSameAsUtf8() throws IOException {
        String utf8Page = portalPage();
        String gbkPage = utf8Page.replace("<meta charset=\"UTF-8\">", "<meta http-equiv=\"Content-Type\" "
                + "content=\"text/html; charset=gb2312\">");
        byte[] gbk = gbkPage.getBytes(Charset.forName("GBK"));

        DecodedDocument fromGbk = DocumentReader.read(gbk, null, null);
        DecodedDocument fromUtf8 = DocumentReader.read(utf8Page.getBytes(StandardCharsets.UTF_8), "text/html", null);

        assertThat(fromGbk.format()).isEqualTo(DocumentFormat.HTML);
        assertThat(fromGbk.charset()).isEqualTo("GB18030");
        assertThat(fromGbk.text()).isEqualTo(fromUtf8.text());
        assertThat(fromGbk.tables()).isEqualTo(fromUtf8.tables());
    }

    @Test
    void deeplyNestedMarkupDoesNotOverflowTheStack() {
        String nested = "<div>".repeat(20_000) + "2024年部门预算" + "</div>".repeat(20_000);
        DecodedDocument doc = DocumentReader.read(nested.getBytes(StandardCharsets.UTF_8), "text/html", null);
        assertThat(doc.text()).contains("2024年部门预算");
    }
}
