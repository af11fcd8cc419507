package io.budgetlens.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.Severity;
import io.budgetlens.events.Verdict;

/**
 * SUM-001 in the columns the PDF mutation test found unchecked: a one-amount table's only column (Jiangsu's 公开11表
 * 机关运行经费支出, role OTHER), a final account's 决算数 (ACTUAL) and the second group of a two-group table, whose rows
 * carry the code of the first group.
 */
class HierarchyColumnsTest {

    /** Jiangsu 政协办公厅 2019, 公开11表, as printed: 302 = Σ 302xx. */
    private static final String[] OPERATING_COSTS = {"合计 | | 1,130.74", "302 | 商品和服务支出 | 1,130.74",
        "30201 | 办公费 | 110.00", "30205 | 水费 | 15.00", "30206 | 电费 | 85.00", "30207 | 邮电费 | 50.00",
        "30211 | 差旅费 | 200.00", "30213 | 维修（护）费 | 100.00", "30228 | 工会经费 | 70.00",
        "30231 | 公务用车运行维护费 | 156.60", "30239 | 其他交通费用 | 168.64", "30299 | 其他商品和服务支出 | 175.50"};

    private static DisclosureParsed operatingCosts(String... rows) {
        return Docs.parsed(List.of(Docs.table("OPERATING_COSTS", "一般公共预算机关运行经费支出预算表",
                List.of("科目编码", "科目名称", "机关运行经费支出"), List.of("CODE", "NAME", "OTHER"), rows)), List.of());
    }

    private static DisclosureParsed twoGroups(String... rows) {
        return Docs.parsed(List.of(Docs.table("GPB_BASIC_EXPENDITURE", "一般公共预算财政拨款基本支出决算表",
                List.of("经济分类科目编码", "科目名称", "决算数", "经济分类科目编码", "科目名称", "决算数"),
                List.of("CODE", "NAME", "ACTUAL", "CODE", "NAME", "ACTUAL"), rows)), List.of());
    }

    @Test
    void theOnlyAmountColumnOfATableAddsUp() {
        assertThat(new HierarchyRule().evaluate(operatingCosts(OPERATING_COSTS)).verdict()).isEqualTo(Verdict.HOLDS);

        String[] changed = OPERATING_COSTS.clone();
        changed[4] = "30206 | 电费 | 92.00";
        var outcome = new HierarchyRule().evaluate(operatingCosts(changed));
        assertThat(outcome.verdict()).isEqualTo(Verdict.BROKEN);
        assertThat(outcome.findings()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.messageZh()).contains("302 商品和服务支出", "1130.74", "1137.74");
        });
    }

    @Test
    void eachGroupOfATwoGroupTableAddsUpUnderItsOwnCodes() {
        // Not flagged: the second group's 302 row sits on the first group's 301 rows (the false alarm this avoids).
        var holds = twoGroups("301 | 工资福利支出 | 95.36 | 302 | 商品和服务支出 | 10.23",
                "30101 | 基本工资 | 60.00 | 30201 | 办公费 | 4.23",
                "30102 | 津贴补贴 | 35.36 | 30211 | 差旅费 | 6.00");
        var outcome = new HierarchyRule().evaluate(holds);
        assertThat(outcome.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(outcome.findings()).isEmpty();

        var broken = new HierarchyRule().evaluate(twoGroups("301 | 工资福利支出 | 95.36 | 302 | 商品和服务支出 | 10.23",
                "30101 | 基本工资 | 60.00 | 30201 | 办公费 | 4.23",
                "30102 | 津贴补贴 | 35.36 | 30211 | 差旅费 | 13.00"));
        assertThat(broken.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.messageZh()).contains("302 商品和服务支出", "10.23", "17.23");
        });
    }
}
