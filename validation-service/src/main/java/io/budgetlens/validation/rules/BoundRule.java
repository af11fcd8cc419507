package io.budgetlens.validation.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.Fact;
import io.budgetlens.events.FundScope;
import io.budgetlens.events.TableColumn;
import io.budgetlens.events.TableRow;
import io.budgetlens.events.Verdict;

/**
 * NAR-005 a figure that is part of another cannot exceed it: the funds under performance management (涉及…资金) are
 * part of 项目支出 (all of it when the text says 均实行); 机关运行经费 is part of the general budget's 公用经费 (by its
 * definition: the public expenses of administrative units); contracts to small and micro firms are part of those to
 * SMEs. And an amount for nothing: a count of zero (0项, 0个团组, 购置0辆, 0批次) with an amount above zero.
 */
public final class BoundRule extends AbstractRule {

    private static final Pattern ALL_PROJECTS = Pattern.compile("(均|全部|均已|全面)(实行|实施|纳入|开展)");
    /** "以委托第三方形式开展绩效自评0项,涉及资金0万元": a count and the amount of its clause. */
    static final Pattern COUNT_AMOUNT = Pattern.compile(
            "(?<![\\d.])(\\d+)\\s*(项|个项目|个团组)[,，]?[^。;,，\\d]{0,8}?(\\d+(?:\\.\\d+)?)\\s*万元");
    /**
     * "共0个项目实行绩效目标管理,涉及财政性资金合计0万元" (Jiangsu): the funds of zero projects, the amount after the count's
     * clause.
     */
    static final Pattern ZERO_PROJECTS_FUNDS = Pattern.compile(
            "(?<![\\d.])0\\s*个?项目[^。;\\d]{0,20}?涉及[^。;,，\\d]{0,12}?(\\d+(?:\\.\\d+)?)\\s*万元");
    /**
     * "国有资本经营预算收入为0万元,与上年数一致,本部门无此项预算收支安排": the sentence says the department has none of
     * what its figure states.
     */
    static final Pattern NONE_STATED = Pattern.compile(
            "(?<![\\d.])(\\d+(?:\\.\\d+)?)\\s*万元([^。;\\d]{0,24}?)本\\s*(部门|单位)\\s*(无|没有)\\s*此项");
    private static final Pattern DIRECTION = Pattern.compile("增加|减少|增长|下降|降低|上升|提高");
    /** Physical quantities of the “三公” expenses and the part they bound. */
    static final List<Object[]> ZERO_QUANTITIES = List.of(
            new Object[] {Pattern.compile("因公出国[(（]境[)）]?[^。;]{0,6}?(\\d+)\\s*个?团组"), "three_public.overseas",
                    "因公出国(境)团组", "团组"},
            new Object[] {Pattern.compile("公务用?车购置(\\d+)\\s*辆"), "three_public.vehicle_purchase", "购置车辆", "辆"},
            new Object[] {Pattern.compile("公务接待(\\d+)\\s*批次"), "three_public.reception", "公务接待批次", "批次"});

    @Override
    protected void check(Checks checks, DisclosureParsed d) {
        Narrative n = Narrative.of(d);
        for (Fact f : n.facts()) {
            if (!Narrative.isCurrentAmount(f)) {
                continue;
            }
            switch (f.key()) {
                case "performance.covered_funds" -> coveredFunds(checks, n, f);
                case "operating_expenses" -> bound(checks, f, publicExpenses(n, f), "一般公共预算公用经费",
                        "the general budget's public expenses", false);
                case "procurement.small_micro" -> bound(checks, f, n.facts().stream()
                        .filter(s -> s.key().equals("procurement.sme") && Narrative.isCurrentAmount(s)
                                && n.sameMoney(s.scope(), f.scope())).findFirst().map(Narrative::value).orElse(null),
                        "授予中小企业合同金额", "the contracts to SMEs", false);
                default -> { }
            }
        }
        zeroCounts(checks, n);
    }

    private void coveredFunds(Checks checks, Narrative n, Fact covered) {
        String sentence = covered.evidence().quote() == null ? "" : covered.evidence().quote();
        boolean all = ALL_PROJECTS.matcher(sentence).find();
        Quantity project = n.facts().stream().filter(f -> f.key().equals("expenditure.project")
                && Narrative.isCurrentAmount(f) && !Composition.partial(f) && n.sameMoney(f.scope(), covered.scope()))
                .findFirst().map(Narrative::value).orElse(null);
        if (project == null) {
            project = tableTotal(n.document(), covered.scope() == FundScope.GENERAL_PUBLIC_BUDGET
                    ? "GPB_EXPENDITURE" : "EXPENDITURE", "PROJECT");
        }
        bound(checks, covered, project, "项目支出", "project expenditure", all);
    }

    private static Quantity publicExpenses(Narrative n, Fact f) {
        Quantity stated = n.facts().stream().filter(s -> s.key().equals("expenditure.basic.public")
                && Narrative.isCurrentAmount(s) && n.sameMoney(s.scope(), FundScope.GENERAL_PUBLIC_BUDGET))
                .findFirst().map(Narrative::value).orElse(null);
        return stated != null ? stated : tableTotal(n.document(), "GPB_BASIC_EXPENDITURE", "PUBLIC");
    }

    /** The 合计 row of the first table of a type, in one column role, in 万元. */
    static Quantity tableTotal(DisclosureParsed d, String type, String role) {
        for (DisclosureTable t : TableRules.tables(d, type)) {
            TableColumn column = TableRules.column(t, role);
            if (column == null) {
                continue;
            }
            for (TableRow row : t.rows()) {
                if (TableRules.isTotalRow(row)) {
                    Quantity q = TableRules.cell(t, row, column);
                    return q == null ? null : Units.toWanYuan(t, q);
                }
            }
        }
        return null;
    }

    private void bound(Checks checks, Fact part, Quantity whole, String wholeZh, String wholeEn,
                              boolean equal) {
        if (whole == null) {
            return;
        }
        Quantity q = Narrative.value(part);
        Comparison cmp = equal ? Comparison.of(whole, q, descriptor().severity())
                : Comparison.atMost(q, whole, true, descriptor().severity());
        checks.add(cmp,
                () -> "“" + part.label() + "”" + Findings.plain(part.value()) + "万元" + (equal ? "应等于" : "不应超过") + wholeZh
                        + Findings.plain(whole.value()) + "万元。",
                () -> "“" + part.label() + "” " + Findings.plain(part.value()) + (equal ? " should equal " : " cannot exceed ")
                        + wholeEn + " " + Findings.plain(whole.value()) + ".",
                List.of(q, whole));
    }

    /** A count of zero with an amount above zero: "开展绩效自评0项,涉及资金5万元", "0个团组" and 因公出国费用 5万元. */
    private void zeroCounts(Checks checks, Narrative n) {
        String text = n.text();
        // every scan below tries its pattern only where a match can begin: the digits of a number printed before the
        // word its matches need (项, 个; 项目; 万元), not every digit of the tables (15 % of the engine's time)
        Scan scan = countAmounts(text);
        Matcher m = scan.matcher();
        java.util.Set<Integer> counted = new java.util.HashSet<>();
        while (scan.find()) {
            counted.add(m.start());
            if (new BigDecimal(m.group(1)).signum() != 0 || lineIsTable(text, m.start())) {
                continue;
            }
            Quantity amount = Quantity.parse(m.group(3), m.group(2), Evidence.ofText(m.group(), m.start(), m.end()));
            zero(checks, amount, "0" + m.group(2), "0 " + m.group(2));
        }
        Scan zeroProjects = Scan.numbersBefore(ZERO_PROJECTS_FUNDS, text, "项", "个");
        Matcher p = zeroProjects.matcher();
        while (zeroProjects.find()) {
            if (!counted.contains(p.start()) && !lineIsTable(text, p.start())) {
                zero(checks, Quantity.parse(p.group(1), "0个项目", Evidence.ofText(p.group(), p.start(), p.end())),
                        "0个项目", "0 projects");
            }
        }
        // every match says 此项
        Scan noneStated = noneStated(text.contains("此项") ? text : "");
        Matcher none = noneStated.matcher();
        while (noneStated.find()) {
            String before = text.substring(Math.max(0, none.start() - 4), none.start());
            if (DIRECTION.matcher(none.group(2)).find() || DIRECTION.matcher(before).find()
                    || lineIsTable(text, none.start())) {
                continue;
            }
            int from = Math.max(text.lastIndexOf('。', none.start()), text.lastIndexOf('\n', none.start())) + 1;
            int to = text.indexOf('。', none.end());
            to = to < 0 ? none.end() : to + 1;
            Quantity amount = Quantity.parse(none.group(1), "本部门无此项", Evidence.ofText(text.substring(from, to),
                    from, to));
            Comparison cmp = amount.value().signum() == 0
                    ? new Comparison(Quantity.exact(BigDecimal.ZERO, "无此项"), amount, Verdict.HOLDS, null, BigDecimal.ZERO)
                    : new Comparison(Quantity.exact(BigDecimal.ZERO, "无此项"), amount, Verdict.BROKEN,
                    descriptor().severity(), amount.low().max(BigDecimal.ZERO));
            checks.add(cmp, () -> "文中称本部门无此项,金额却为" + Findings.plain(amount.value()) + "万元。",
                    () -> "The text says the department has none of it, with an amount of "
                            + Findings.plain(amount.value()) + ".",
                    List.of(amount));
        }
        for (Object[] q : ZERO_QUANTITIES) {
            // every match ends with its measure word (团组, 辆, 批次)
            if (!text.contains((String) q[3])) {
                continue;
            }
            // and begins with the first character of its pattern (因, 公): the regex is tried only there
            Scan first = new Scan((Pattern) q[0], text, ((Pattern) q[0]).pattern().substring(0, 1));
            Matcher c = first.matcher();
            if (!first.find() || new BigDecimal(c.group(1)).signum() != 0) {
                continue;
            }
            String key = (String) q[1];
            Evidence countEvidence = Evidence.ofText(c.group(), c.start(), c.end());
            n.facts().stream().filter(f -> f.key().equals(key) && Narrative.isCurrentAmount(f)).findFirst()
                    .ifPresent(f -> {
                        Quantity amount = Narrative.value(f);
                        Comparison cmp = amount.value().signum() == 0
                                ? new Comparison(Quantity.exact(BigDecimal.ZERO, "0"), amount, Verdict.HOLDS, null,
                                BigDecimal.ZERO)
                                : new Comparison(Quantity.exact(BigDecimal.ZERO, "0"), amount, Verdict.BROKEN,
                                descriptor().severity(), amount.low().max(BigDecimal.ZERO));
                        checks.add(cmp, () -> "“" + f.label() + "”为" + Findings.plain(f.value()) + "万元,但" + q[2] + "为0。",
                                () -> "“" + f.label() + "” is " + Findings.plain(f.value()) + " while the document states "
                                        + "zero for " + q[2] + ".",
                                List.of(amount, Quantity.exact(BigDecimal.ZERO, (String) q[2]).withEvidence(countEvidence)));
                    });
        }
    }

    /**
     * {@link #COUNT_AMOUNT}'s matches: tried only at the numbers before a 项, 个项目 or 个团组 that has a digit within
     * the 9 characters after it (an optional comma, at most 8 others), before any stop or comma.
     */
    static Scan countAmounts(String text) {
        return Scan.numbersBefore(COUNT_AMOUNT, text, "项个", "", p -> {
            int after = text.charAt(p) == '项' ? p + 1
                    : text.startsWith("个项目", p) || text.startsWith("个团组", p) ? p + 3 : -1;
            if (after < 0) {
                return false;
            }
            if (after < text.length() && (text.charAt(after) == ',' || text.charAt(after) == '，')) {
                after++;
            }
            return Scan.within(text, after, 8, "0123456789", "。;,，");
        });
    }

    /**
     * {@link #NONE_STATED}'s matches: tried only at the numbers before a 万元 that has 本 within the 25 characters
     * after it, before any stop or digit.
     */
    static Scan noneStated(String text) {
        return Scan.numbersBefore(NONE_STATED, text, "万", "",
                p -> text.startsWith("万元", p) && Scan.within(text, p + 2, 24, "本", "。;"));
    }

    private void zero(Checks checks, Quantity amount, String zh, String en) {
        Comparison cmp = amount.value().signum() == 0
                ? new Comparison(Quantity.exact(BigDecimal.ZERO, zh), amount, Verdict.HOLDS, null, BigDecimal.ZERO)
                : new Comparison(Quantity.exact(BigDecimal.ZERO, zh), amount, Verdict.BROKEN, descriptor().severity(),
                amount.low().max(BigDecimal.ZERO));
        checks.add(cmp, () -> "数量为" + zh + ",金额却为" + Findings.plain(amount.value()) + "万元。",
                () -> "A count of " + en + " with an amount of " + Findings.plain(amount.value()) + ".",
                List.of(amount));
    }

    private static boolean lineIsTable(String text, int offset) {
        int s = text.lastIndexOf('\n', offset) + 1;
        int e = text.indexOf('\n', offset);
        String line = text.substring(s, e < 0 ? text.length() : e);
        return line.contains("|") || line.contains("\t");
    }
}
