package io.budgetlens.validation.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.Finding;
import io.budgetlens.events.Interval;
import io.budgetlens.events.Severity;

/**
 * COMP-001 the disclosure carries every required narrative item and standard table of its kind and template family
 * (matched by table type: national 决算 nine, national and Chongqing budgets eight, Shanghai nine, Jiangsu twelve; see
 * {@link TableTypes}), or explains an empty table, and no heading is left without content (a 目录 heading is not a
 * section). A tables-only part (v1.1 {@code partial}) is judged on its tables. One WARNING per missing item or empty
 * heading. {@link #score} is the share of required items present (0..1).
 */
public final class CompletenessRule extends AbstractRule {

    /** Narrative items: Chinese name → words any of which show it is covered. */
    static final Map<String, List<String>> NARRATIVE = new LinkedHashMap<>();

    static {
        NARRATIVE.put("职能职责", List.of("职能职责", "主要职能"));
        NARRATIVE.put("机构设置/单位构成", List.of("机构设置", "单位构成", "内设"));
        NARRATIVE.put("“三公”经费", List.of("三公"));
        NARRATIVE.put("机关运行经费", List.of("机关运行经费", "运行经费"));
        NARRATIVE.put("政府采购", List.of("政府采购"));
        NARRATIVE.put("国有资产占用", List.of("国有资产"));
        NARRATIVE.put("绩效", List.of("绩效"));
        NARRATIVE.put("专业名词解释", List.of("名词解释"));
    }

    /** The usual Chinese names of the table types, for messages. */
    static final Map<String, String> TABLE_NAMES = Map.ofEntries(
            Map.entry("INCOME_EXPENDITURE_TOTAL", "收支总表"), Map.entry("INCOME", "收入总表"),
            Map.entry("EXPENDITURE", "支出总表"), Map.entry("FISCAL_INCOME_EXPENDITURE_TOTAL", "财政拨款收支总表"),
            Map.entry("GPB_EXPENDITURE", "一般公共预算财政拨款支出表"),
            Map.entry("GPB_BASIC_EXPENDITURE", "一般公共预算财政拨款基本支出表"),
            Map.entry("THREE_PUBLIC", "一般公共预算“三公”经费支出表"),
            Map.entry("GOVERNMENT_FUND", "政府性基金预算(财政拨款)支出表"),
            Map.entry("STATE_CAPITAL_EXPENDITURE", "国有资本经营预算财政拨款支出表"),
            Map.entry("FISCAL_EXPENDITURE", "财政拨款支出表"), Map.entry("FISCAL_BASIC_EXPENDITURE", "财政拨款基本支出表"),
            Map.entry("OPERATING_COSTS", "机关运行经费支出表"), Map.entry("PROCUREMENT", "政府采购支出表"));

    /** Items required for the document's kind, with whether each is present. */
    static Map<String, Boolean> items(DisclosureParsed d) {
        // read by the rule and by the engine's score: once per validation
        return DocumentScope.view(d, NARRATIVE, CompletenessRule::findItems);
    }

    private static Map<String, Boolean> findItems(DisclosureParsed d) {
        Map<String, Boolean> items = new LinkedHashMap<>();
        String text = d.text() == null ? "" : d.text();
        if (!ContractV11.partial(d)) {
            NARRATIVE.forEach((name, words) -> items.put(name, words.stream().anyMatch(text::contains)));
        }
        DisclosureKind kind = d.meta() == null || d.meta().kind() == null ? DisclosureKind.BUDGET : d.meta().kind();
        List<DisclosureTable> tables = d.tables() == null ? List.of() : d.tables();
        for (String type : TableTypes.required(kind, TableTypes.family(d))) {
            items.put("table " + type, tables.stream().anyMatch(t -> type.equals(t.type())));
        }
        return java.util.Collections.unmodifiableMap(items);
    }

    /**
     * A heading of the 目录 (table of contents) is not an empty section: it lies inside a contents entry, or the same
     * heading comes again later with its content.
     */
    static boolean inContents(io.budgetlens.events.Section section, List<io.budgetlens.events.Section> sections,
                              List<ContractV11.ContentsEntry> contents) {
        for (ContractV11.ContentsEntry e : contents) {
            if (e.start() != null && e.end() != null && e.start() <= section.start() && section.start() < e.end()) {
                return true;
            }
        }
        String heading = heading(section);
        return sections.stream().anyMatch(s -> s.start() > section.start() && !s.empty() && heading(s).equals(heading));
    }

    static final java.util.regex.Pattern ATTACHMENT = java.util.regex.Pattern.compile(
            "附件\\s*:?\\s*([^\\n]{0,60}表)");
    static final java.util.regex.Pattern PAGE_REFERENCE = java.util.regex.Pattern.compile("[\\s.…·\\d]+$");

    /** A section's heading without its page reference, made once per section in a validation. */
    private static String heading(io.budgetlens.events.Section s) {
        return DocumentScope.perObject(PAGE_REFERENCE, s, x -> withoutPageReference(x.number() + x.title()));
    }

    /**
     * {@code PAGE_REFERENCE.matcher(heading).replaceAll("")} by hand: the heading without its trailing run of blanks
     * ({@code \s}), dots, ellipses, middle dots and ASCII digits. The regex tried its class at every offset of every
     * heading, for every pair of headings compared.
     */
    static String withoutPageReference(String heading) {
        int end = heading.length();
        while (end > 0 && " \t\n\u000B\f\r.…·0123456789".indexOf(heading.charAt(end - 1)) >= 0) {
            end--;
        }
        return heading.substring(0, end);
    }

    public static BigDecimal score(DisclosureParsed d) {
        Map<String, Boolean> items = items(d);
        long present = items.values().stream().filter(b -> b).count();
        return BigDecimal.valueOf(present).divide(BigDecimal.valueOf(items.size()), 4, RoundingMode.HALF_EVEN);
    }

    @Override
    protected void check(Checks checks, DisclosureParsed d) {
        Map<String, Boolean> items = items(d);
        boolean noTableAtAll = items.entrySet().stream().filter(e -> e.getKey().startsWith("table "))
                .noneMatch(Map.Entry::getValue);
        if (noTableAtAll) {
            String text = d.text() == null ? "" : d.text();
            // every match begins with 附: the regex is tried only there
            Scan attachment = new Scan(ATTACHMENT, text, "附");
            String where = attachment.find() ? attachment.matcher().group(1) : null;
            checks.fail(new Finding(descriptor().id(), Severity.WARNING, descriptor().category(),
                    "正文中没有任何必备公开表格" + (where == null ? "" : "(附件:" + where + ")") + ",表格相关核对均未进行。",
                    "None of the required tables is in the text" + (where == null ? "" : " (attachment: " + where + ")")
                            + "; no table check could run.",
                    Interval.exact(BigDecimal.ONE), BigDecimal.ZERO, BigDecimal.ONE, "items",
                    List.of(new Evidence(where == null ? "—" : where, null, null, null, null, null, null))));
        }
        items.forEach((name, present) -> {
            if (present || (noTableAtAll && name.startsWith("table "))) {
                return;
            }
            boolean table = name.startsWith("table ");
            String what = table ? TABLE_NAMES.getOrDefault(name.substring(6), name.substring(6)) : name;
            checks.fail(new Finding(descriptor().id(), Severity.WARNING, descriptor().category(),
                    table ? "未找到必备表格 " + what + "(如为空表,应列出并说明)。" : "未找到必备说明事项“" + what + "”。",
                    table ? "The required table " + what + " was not found (an empty table must still be listed and explained)."
                            : "The required narrative item “" + what + "” was not found.",
                    Interval.exact(BigDecimal.ONE), BigDecimal.ZERO, BigDecimal.ONE, "items",
                    List.of(new Evidence(what, null, null, null, null, null, null))));
        });
        checks.count(items.size());
        List<io.budgetlens.events.Section> sections = d.sections() == null ? List.of() : d.sections();
        List<ContractV11.ContentsEntry> contents = ContractV11.contents(d);
        for (io.budgetlens.events.Section section : sections) {
            checks.count();
            if (!section.empty() || ContractV11.partial(d) || inContents(section, sections, contents)
                    || listItem(section)) {
                continue;
            }
            String heading = section.number() + section.title();
            checks.fail(new Finding(descriptor().id(), Severity.WARNING, descriptor().category(),
                    "标题“" + heading + "”下没有内容。", "The heading “" + heading + "” has no content.",
                    Interval.exact(BigDecimal.ONE), BigDecimal.ZERO, BigDecimal.ONE, "items",
                    List.of(new Evidence(heading, section.start(), Math.min(section.end(), section.start() + heading.length() + 2),
                            null, null, null, null))));
        }
    }

    /** “3.全年开展专题培训;”: a numbered item of a list, ending like a clause, is no heading that needs content. */
    private static boolean listItem(io.budgetlens.events.Section section) {
        String title = section.title() == null ? "" : section.title().strip();
        return !title.isEmpty() && ";；。,，、".indexOf(title.charAt(title.length() - 1)) >= 0;
    }
}
