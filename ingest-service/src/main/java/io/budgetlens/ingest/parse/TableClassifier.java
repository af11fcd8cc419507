package io.budgetlens.ingest.parse;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Classifies a table by its title and headings into the standard types of DOMAIN.md §2. Titles vary by place
 * ("单位收支总表", "部门收支总表", "收入支出决算总表"), so the words are matched, not exact titles; a table without a
 * telling title is classified from its headings (科目编码 + 人员经费 → basic expenditure…).
 */
public final class TableClassifier {

    private TableClassifier() {
    }

    public static String classify(String title, String[] header) {
        String t = title == null ? "" : title.replace(" ", "");
        String h = header == null ? "" : Arrays.stream(header).filter(Objects::nonNull).collect(Collectors.joining(" "));
        String all = t + " " + h;
        if (all.contains("索引号") || all.contains("发布机构")) {
            return "HEADER_BLOCK";
        }
        if (t.contains("绩效自评")) {
            return "PERFORMANCE_SELF_EVALUATION";
        }
        if (t.contains("绩效目标")) {
            return "PERFORMANCE_TARGETS";
        }
        if (t.contains("政府采购")) {
            return "PROCUREMENT";
        }
        if (t.contains("三公") || h.contains("因公出国")) {
            return "THREE_PUBLIC";
        }
        if (t.contains("国有资本经营")) {
            return "STATE_CAPITAL_EXPENDITURE";
        }
        if (t.contains("政府性基金")) {
            return "GOVERNMENT_FUND";
        }
        if (t.contains("财政拨款收支总表") || t.contains("财政拨款收入支出决算总表")) {
            return "FISCAL_INCOME_EXPENDITURE_TOTAL";
        }
        if (t.contains("收支总表") || t.contains("收入支出决算总表")) {
            return "INCOME_EXPENDITURE_TOTAL";
        }
        if (t.contains("基本支出") || (h.contains("人员经费") && h.contains("公用经费"))) {
            return "GPB_BASIC_EXPENDITURE";
        }
        if (t.contains("一般公共预算") && t.contains("支出")) {
            return "GPB_EXPENDITURE";
        }
        if (h.contains("经济分类科目")) {
            return "GPB_BASIC_EXPENDITURE";
        }
        if (h.contains("功能分类科目") && h.contains("基本支出")) {
            return "GPB_EXPENDITURE";
        }
        if (t.contains("收入总表") || t.contains("收入决算表")) {
            return "INCOME";
        }
        if (t.contains("支出总表") || t.contains("支出决算表")) {
            return "EXPENDITURE";
        }
        return "UNKNOWN";
    }
}
