package io.budgetlens.validation.rules;

import static io.budgetlens.events.FundScope.GENERAL_PUBLIC_BUDGET;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Finding;

/**
 * TXT-001 for a 款 or 项 the narrative names by its full path (key {@code expenditure.item}): the row of the expenditure
 * table the path names, never a row that only shares the 项 name.
 */
class ItemPathTest {

    /** Putuo 2025 区府办's 一般公共预算支出 table, abridged: 一般行政管理事务 is printed under two 款. */
    private static DisclosureTable putuo() {
        return Docs.expenditure(
                "201 | 一般公共服务支出 | 6,000.00 | 1,000.00 | 5,000.00",
                "20101 | 人大事务 | 600.00 | 100.00 | 500.00",
                "2010102 | 一般行政管理事务 | 600.00 | 100.00 | 500.00",
                "20103 | 政府办公厅(室)及相关机构事务 | 4,994.73 | 380.73 | 4,614.00",
                "2010302 | 一般行政管理事务 | 4,614.00 | | 4,614.00",
                "2010350 | 事业运行 | 380.73 | 380.73 | ",
                "204 | 公共安全支出 | 2,170.39 | | 2,170.39",
                "20406 | 司法 | 2,170.39 | | 2,170.39",
                "2040604 | 基层司法业务 | 2,170.39 | | 2,170.39",
                "2040605 | 普法宣传 | 124.29 | | 124.29");
    }

    private static List<Finding> txt(String sentence, String label, String value) {
        String text = "一般公共预算支出主要内容如下:" + sentence;
        DisclosureParsed d = Docs.withTables(Docs.narrative(DisclosureKind.BUDGET, text,
                Docs.value(text, sentence, "expenditure.item", label, value, GENERAL_PUBLIC_BUDGET)), putuo());
        return new TextVsTableRule().evaluate(d).findings();
    }

    @Test
    void aPathOfNamesJoinedByDashesIsItsRow() {
        // Putuo 2025 区府办 p.6, as printed.
        String sentence = "“一般公共服务支出-政府办公厅(室)及相关机构事务-一般行政管理事务”科目4,614万元,主要用于机关日常运转。";
        String label = "“一般公共服务支出-政府办公厅(室)及相关机构事务-一般行政管理事务”科目";
        assertThat(txt(sentence, label, "4614")).isEmpty();
        assertThat(txt(sentence.replace("4,614", "4,621"), label, "4621")).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("TXT-001");
            assertThat(f.messageZh()).contains("4621", "4614");
        });
    }

    @Test
    void aPathWithItsLevelsOrItsCodesIsItsRow() {
        // Jiangsu's (类)(款)(项) after each name, and Putuo 2026 司法局 p.8's codes before each name.
        String names = "一般公共服务支出(类)政府办公厅(室)及相关机构事务(款)事业运行(项)380.73万元。";
        assertThat(txt(names, "一般公共服务支出(类)政府办公厅(室)及相关机构事务(款)事业运行(项)", "380.73")).isEmpty();
        assertThat(txt(names.replace("380.73", "387.73"), "一般公共服务支出(类)政府办公厅(室)及相关机构事务(款)事业运行(项)",
                "387.73")).extracting(Finding::ruleId).containsExactly("TXT-001");
        String codes = "(204类)司法(06款)基层司法业务(04项)2170.39万元,主要用于基层司法所运转。";
        assertThat(txt(codes, "(204类)司法(06款)基层司法业务(04项)", "2170.39")).isEmpty();
        assertThat(txt(codes.replace("2170.39", "2177.39"), "(204类)司法(06款)基层司法业务(04项)", "2177.39"))
                .extracting(Finding::ruleId).containsExactly("TXT-001");
    }

    @Test
    void aNameThatIsPrintedUnderAnotherParentIsNotItsRow() {
        // 一般行政管理事务 of 人大事务 (600) is not 一般行政管理事务 of 政府办公厅(室)及相关机构事务: no comparison, no alarm.
        String sentence = "“一般公共服务支出-人大事务-一般行政管理事务”科目4,614万元。";
        assertThat(txt(sentence, "“一般公共服务支出-人大事务-一般行政管理事务”科目", "4614")).extracting(Finding::ruleId)
                .containsExactly("TXT-001");
        String unknown = "“一般公共服务支出-统计信息事务-一般行政管理事务”科目4,614万元。";
        assertThat(txt(unknown, "“一般公共服务支出-统计信息事务-一般行政管理事务”科目", "4614")).isEmpty();
        assertThat(ItemPath.of("一般行政管理事务(项)").names()).as("a 项 name alone decides nothing").isEmpty();
        // Putuo 2026 司法局 p.8: “…普法宣传(05项)124.29万元。…2025年当年预算执行数为⏎118.46万元”, the prior year's
        // figure on a line of its own, read with the heading before it: that label is not the figure's own path.
        String heading = "行经费 公共安全支出(204类)司法(06款)普法宣传(05项)124.29万元";
        assertThat(ItemPath.of(heading)).isEqualTo(new ItemPath(null, List.of()));
        assertThat(txt("118.46万元,2026年预算安排124.29万元。", heading, "118.46")).isEmpty();
    }
}
