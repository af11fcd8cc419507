package io.budgetlens.validation.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;

/**
 * The standard tables by meaning: the table types each kind of disclosure must carry in each template family
 * (docs/domain.md §2 and §8: national 决算 nine, national and Chongqing budgets eight, Shanghai nine, Jiangsu twelve), the
 * template family of a document (the parser's {@code meta.templateFamily}, else read from its table titles), and the
 * type a table's title (or a 目录 entry) names.
 */
final class TableTypes {

    private static final Pattern BLANK = Pattern.compile("\\s");

    private TableTypes() {
    }

    static final List<String> NATIONAL_BUDGET = List.of("INCOME_EXPENDITURE_TOTAL", "INCOME", "EXPENDITURE",
            "FISCAL_INCOME_EXPENDITURE_TOTAL", "GPB_EXPENDITURE", "GPB_BASIC_EXPENDITURE", "THREE_PUBLIC",
            "GOVERNMENT_FUND");
    static final List<String> NATIONAL_FINAL = List.of("INCOME_EXPENDITURE_TOTAL", "INCOME", "EXPENDITURE",
            "FISCAL_INCOME_EXPENDITURE_TOTAL", "GPB_EXPENDITURE", "GPB_BASIC_EXPENDITURE", "THREE_PUBLIC",
            "GOVERNMENT_FUND", "STATE_CAPITAL_EXPENDITURE");
    static final List<String> SHANGHAI_BUDGET = List.of("INCOME_EXPENDITURE_TOTAL", "INCOME", "EXPENDITURE",
            "FISCAL_INCOME_EXPENDITURE_TOTAL", "GPB_EXPENDITURE", "GOVERNMENT_FUND", "STATE_CAPITAL_EXPENDITURE",
            "GPB_BASIC_EXPENDITURE", "THREE_PUBLIC");
    static final List<String> JIANGSU_BUDGET = List.of("INCOME_EXPENDITURE_TOTAL", "INCOME", "EXPENDITURE",
            "FISCAL_INCOME_EXPENDITURE_TOTAL", "FISCAL_EXPENDITURE", "FISCAL_BASIC_EXPENDITURE", "GPB_EXPENDITURE",
            "GPB_BASIC_EXPENDITURE", "THREE_PUBLIC", "GOVERNMENT_FUND", "OPERATING_COSTS", "PROCUREMENT");

    /** The required table types of a document of this kind and family. */
    static List<String> required(DisclosureKind kind, String family) {
        if (kind == DisclosureKind.FINAL_ACCOUNT) {
            return NATIONAL_FINAL;
        }
        return switch (family == null ? "" : family) {
            case "SHANGHAI" -> SHANGHAI_BUDGET;
            case "JIANGSU" -> JIANGSU_BUDGET;
            default -> NATIONAL_BUDGET;
        };
    }

    private static final Pattern JIANGSU_LABEL = Pattern.compile("公开\\s*\\d{2}\\s*表");
    private static final Pattern SHANGHAI_TITLE = Pattern.compile("财务收支预算总表|功能分类预算表|经济分类预算表");

    /** The parser's template family, else NATIONAL/SHANGHAI/JIANGSU/CHONGQING as the document's own words show. */
    static String family(DisclosureParsed d) {
        return DocumentScope.view(d, JIANGSU_LABEL, TableTypes::findFamily);
    }

    private static String findFamily(DisclosureParsed d) {
        String declared = ContractV11.templateFamily(d.meta());
        if (declared != null) {
            return declared;
        }
        String text = d.text() == null ? "" : d.text();
        if (new Scan(JIANGSU_LABEL, text, "公").find()) {
            return "JIANGSU";
        }
        if (new Scan(SHANGHAI_TITLE, text, "财功经").find()) {
            return "SHANGHAI";
        }
        if (d.meta() != null && "重庆市".equals(d.meta().province())) {
            return "CHONGQING";
        }
        return "NATIONAL";
    }

    /** Words of a table title and the type they name, most specific first. */
    private static final Map<Pattern, String> BY_TITLE = new LinkedHashMap<>();

    static {
        BY_TITLE.put(Pattern.compile("三公"), "THREE_PUBLIC");
        BY_TITLE.put(Pattern.compile("政府性基金"), "GOVERNMENT_FUND");
        BY_TITLE.put(Pattern.compile("国有资本经营"), "STATE_CAPITAL_EXPENDITURE");
        BY_TITLE.put(Pattern.compile("政府采购"), "PROCUREMENT");
        BY_TITLE.put(Pattern.compile("机关运行经费"), "OPERATING_COSTS");
        BY_TITLE.put(Pattern.compile("绩效目标"), "PERFORMANCE_TARGETS");
        BY_TITLE.put(Pattern.compile("绩效自评"), "PERFORMANCE_SELF_EVALUATION");
        BY_TITLE.put(Pattern.compile("财政拨款收[入支]"), "FISCAL_INCOME_EXPENDITURE_TOTAL");
        BY_TITLE.put(Pattern.compile("一般公共预算.*(基本支出|经济分类)"), "GPB_BASIC_EXPENDITURE");
        BY_TITLE.put(Pattern.compile("一般公共预算.*支出"), "GPB_EXPENDITURE");
        BY_TITLE.put(Pattern.compile("财政拨款基本支出"), "FISCAL_BASIC_EXPENDITURE");
        BY_TITLE.put(Pattern.compile("财政拨款支出"), "FISCAL_EXPENDITURE");
        BY_TITLE.put(Pattern.compile("收支.*总表|收入支出.*总表"), "INCOME_EXPENDITURE_TOTAL");
        BY_TITLE.put(Pattern.compile("收入"), "INCOME");
        BY_TITLE.put(Pattern.compile("支出"), "EXPENDITURE");
    }

    /** The type a title names ("部门收支总表" → INCOME_EXPENDITURE_TOTAL), or null. */
    static String ofTitle(String title) {
        if (title == null || !title.contains("表")) {
            return null;
        }
        String t = BLANK.matcher(title).replaceAll("");
        for (Map.Entry<Pattern, String> e : BY_TITLE.entrySet()) {
            if (e.getKey().matcher(t).find()) {
                return e.getValue();
            }
        }
        return null;
    }

    static boolean present(DisclosureParsed d, String type) {
        return d.tables() != null && d.tables().stream().map(DisclosureTable::type).anyMatch(type::equals);
    }
}
