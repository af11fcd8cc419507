package io.budgetlens.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.SummaryEntry;
import io.budgetlens.events.TableColumn;
import io.budgetlens.ingest.decode.TextTable;

/**
 * Tables of the template families as the PDF reader hands them over (grids under their title lines): labels, units
 * per table, codes printed in 类/款/项 columns, two column groups side by side, the 三公 table that also counts 会议费
 * and 培训费, and the types by meaning whatever the title's wording.
 */
class TableGenreTest {

    private static DisclosureTable read(String before, List<List<String>> grid) {
        String text = before + "\n" + String.join("\n", grid.stream().map(r -> String.join(" | ", r)).toList());
        int start = before.length() + 1;
        return TableReader.read(text, List.of(new TextTable(start, text.length(), grid))).tables().get(0);
    }

    /** The summary built from the one table holds each key with the value (万元) given, compared as a number. */
    private static void assertSummaryValues(DisclosureTable t, Map<String, String> expected) {
        Map<String, SummaryEntry> summary = SummaryBuilder.build(List.of(), List.of(t));
        SoftAssertions.assertSoftly(soft -> expected.forEach((key, value) -> soft.assertThat(summary)
                .as(key).hasEntrySatisfying(key, entry -> assertThat(entry.value()).isEqualByComparingTo(value))));
    }

    @Test
    void jiangsuLabelTitleAndUnitAboveATwoSidedTable() {
        DisclosureTable t = read("公开01表\n收支预算总表\n部门：某某厅 单位：万元", List.of(
                List.of("收入", "收入", "支出", "支出", "支出", "支出"),
                List.of("项目名称", "金额", "功能分类", "功能分类", "支出用途", "支出用途"),
                List.of("项目名称", "金额", "功能科目名称", "金额", "项目名称", "金额"),
                List.of("一、财政拨款", "27,664.22", "一、一般公共服务支出", "22,395.50", "一、基本支出", "11,700.63"),
                List.of("收入合计", "27,664.22", "支出合计", "支出合计", "支出合计", "27,664.22")));
        assertThat(t.label()).isEqualTo("公开01表");
        assertThat(t.title()).isEqualTo("收支预算总表");
        assertThat(t.unit()).isEqualTo("万元");
        assertThat(t.type()).isEqualTo("INCOME_EXPENDITURE_TOTAL");
        assertThat(t.columns()).extracting(TableColumn::group).containsExactly("INCOME", "INCOME", "EXPENDITURE",
                "EXPENDITURE", "EXPENDITURE_BY_USE", "EXPENDITURE_BY_USE");
        assertSummaryValues(t, Map.of("income.total", "27664.22", "expenditure.total", "27664.22",
                "expenditure.basic", "11700.63", "expenditure.function.201", "22395.50"));
    }

    @Test
    void shanghaiCodesInClassItemAndSubitemColumnsAndAmountsInYuan() {
        DisclosureTable t = read("2025年部门支出预算总表\n编制部门：某某局 单位：元", List.of(
                List.of("项目", "项目", "项目", "项目", "支出预算", "支出预算", "支出预算"),
                List.of("功能分类科目编码", "功能分类科目编码", "功能分类科目编码", "功能分类科目名称", "合计", "基本支出", "项目支出"),
                List.of("类", "款", "项", "功能分类科目名称", "合计", "基本支出", "项目支出"),
                List.of("201", "", "", "一般公共服务支出", "82,096,797.42", "15,686,797.42", "66,410,000.00"),
                List.of("201", "03", "01", "行政运行", "12,029,501.84", "11,919,501.84", "110,000.00"),
                List.of("合计", "合计", "合计", "合计", "91,016,775.35", "24,606,775.35", "66,410,000.00")));
        assertThat(t.type()).isEqualTo("EXPENDITURE");
        assertThat(t.unit()).isEqualTo("元");
        assertThat(t.rows().get(4).code()).isEqualTo("2010301");
        assertThat(t.rows().get(3).code()).isEqualTo("201");
        var summary = SummaryBuilder.build(List.of(), List.of(t));
        var total = summary.get("expenditure.total");
        assertThat(total.value()).isEqualByComparingTo("9101.677535");
        assertThat(total.printed()).isEqualByComparingTo("91016775.35");
        assertThat(total.printedUnit()).isEqualTo("元");
        assertSummaryValues(t, Map.of("expenditure.function.201", "8209.679742"));
    }

    @Test
    void theThreePublicTotalOfAJiangsuTableLeavesOutMeetingsAndTraining() {
        DisclosureTable t = read("“三公”经费、会议费、培训费支出预算表\n单位：万元", List.of(
                List.of("合计", "“三公”经费", "“三公”经费", "“三公”经费", "“三公”经费", "“三公”经费", "“三公”经费", "会议费", "培训费"),
                List.of("合计", "小计", "因公出国（境）费", "公务用车购置及运行维护费", "公务用车购置及运行维护费",
                        "公务用车购置及运行维护费", "公务接待费", "会议费", "培训费"),
                List.of("合计", "小计", "因公出国（境）费", "小计", "公务用车购置费", "公务用车运行维护费", "公务接待费", "会议费",
                        "培训费"),
                List.of("1,471.70", "508.20", "70.00", "411.20", "", "411.20", "27.00", "933.50", "30.00")));
        assertThat(t.type()).isEqualTo("THREE_PUBLIC");
        assertSummaryValues(t, Map.of("three_public.total", "508.20", "three_public.vehicle", "411.20",
                "three_public.vehicle_purchase", "0", "three_public.reception", "27.00"));
    }

    @Test
    void tablesAreTypedByMeaningWhateverTheWording() {
        assertThat(TableClassifier.classify("2025年部门财务收支预算总表", null)).isEqualTo("INCOME_EXPENDITURE_TOTAL");
        assertThat(TableClassifier.classify("收入支出决算总表", null)).isEqualTo("INCOME_EXPENDITURE_TOTAL");
        assertThat(TableClassifier.classify("财政拨款收入支出决算总表", null)).isEqualTo("FISCAL_INCOME_EXPENDITURE_TOTAL");
        assertThat(TableClassifier.classify("财政拨款支出预算表（功能科目）", null)).isEqualTo("FISCAL_EXPENDITURE");
        assertThat(TableClassifier.classify("财政拨款基本支出预算表（经济科目）", null)).isEqualTo("FISCAL_BASIC_EXPENDITURE");
        assertThat(TableClassifier.classify("一般公共预算财政拨款基本支出决算表", null)).isEqualTo("GPB_BASIC_EXPENDITURE");
        assertThat(TableClassifier.classify("2025年部门一般公共预算基本支出部门预算经济分类预算表", null))
                .isEqualTo("GPB_BASIC_EXPENDITURE");
        assertThat(TableClassifier.classify("一般公共预算机关运行经费支出预算表", null)).isEqualTo("OPERATING_COSTS");
        assertThat(TableClassifier.classify("2025年部门“三公”经费和机关运行经费预算表", null)).isEqualTo("THREE_PUBLIC");
        assertThat(TableClassifier.classify("政府性基金预算财政拨款收入支出决算表", null)).isEqualTo("GOVERNMENT_FUND");
        assertThat(TableClassifier.classify("收入预算总表", null)).isEqualTo("INCOME");
        assertThat(TableClassifier.classify("支出决算表", null)).isEqualTo("EXPENDITURE");
        assertThat(TableClassifier.family(List.of("公开01表", "收支预算总表", "单位预留机动经费"))).isEqualTo("JIANGSU");
        assertThat(TableClassifier.family(List.of("2025年部门财务收支预算总表"))).isEqualTo("SHANGHAI");
        assertThat(TableClassifier.family(List.of("收入支出决算总表"))).isEqualTo("NATIONAL");
        assertThat(TableClassifier.family(List.of("项目绩效目标表"))).isNull();
    }
}
