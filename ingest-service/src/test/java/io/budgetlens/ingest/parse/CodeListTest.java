package io.budgetlens.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.budgetlens.events.ParseWarning;

/** Coded table rows are checked against the year-versioned code list: unknown codes and wrong names are warnings. */
class CodeListTest {

    private static List<ParseWarning> check(String table, int year) {
        String text = "## 一般公共预算财政拨款支出预算表\n单位:万元\n科目编码\t科目名称\t总计\t基本支出\t项目支出\n" + table;
        return CodeList.standard().check(TableReader.read(text, List.of()).tables(), year);
    }

    @Test
    void knownCodesWithTheirNamesPass() {
        assertThat(check("201\t一般公共服务支出\t10.00\t10.00\t\n2010301\t行政运行\t10.00\t10.00\t\n", 2024)).isEmpty();
        assertThat(check("20103\t政府办公厅（室）及相关机构事务\t1.00\t1.00\t\n", 2024)).as("full-width parentheses").isEmpty();
    }

    @Test
    void anUnknownCodeAndAMisnamedCodeAreWarnings() {
        List<ParseWarning> warnings = check("2019999\t虚构的科目\t1.00\t1.00\t\n205\t教育\t1.00\t1.00\t\n", 2024);
        assertThat(warnings).extracting(ParseWarning::code).containsExactly("CODE_UNKNOWN", "CODE_NAME_MISMATCH");
        assertThat(warnings.get(1).message()).contains("教育支出");
        assertThat(warnings.get(1).evidence().tableId()).isEqualTo("t1");
    }

    @Test
    void namesAreCheckedForTheFiscalYear() {
        assertThat(check("210\t医疗卫生与计划生育支出\t1.00\t1.00\t\n", 2016)).isEmpty();
        assertThat(check("210\t医疗卫生与计划生育支出\t1.00\t1.00\t\n", 2024)).extracting(ParseWarning::code)
                .containsExactly("CODE_NAME_MISMATCH");
    }
}
