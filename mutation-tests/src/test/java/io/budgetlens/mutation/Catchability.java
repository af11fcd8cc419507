package io.budgetlens.mutation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.budgetlens.events.Change;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.Fact;
import io.budgetlens.events.Finding;
import io.budgetlens.events.PerformanceEvaluation;
import io.budgetlens.events.TableRow;
import io.budgetlens.validation.rules.Quantity;

/**
 * Whether a change of one printed figure can be caught at all, decided from the unchanged parsed document — not from
 * what the rules check. A figure is catchable when an identity or comparison a careful reader can make from the
 * document itself touches it and the change (+7; in a PDF −7 or +3 where +7 would add a digit) breaks it beyond the
 * rounding the figures allow: it is part of a sum the document states (a 其中 list, a table's rows and columns, a 共/合计),
 * stated twice (in two sentences, in the text and a table), a ratio's input (a percentage stated with it, an execution
 * rate, a score rate, a deviation), bounded by another figure it is part of, or a score or weight of a performance
 * table. Otherwise it is uncatchable, for one of the reasons of {@link Reason}: a cause amount or a change stated once
 * with nothing to compare it with, a threshold of a standard phrase, a target or result of a performance indicator, a
 * total bounded only from below, a figure whose only check the unchanged document already fails, or a change that
 * stays within rounding.
 */
final class Catchability {

    /** The reasons a change cannot be caught, a comment line each, for the head of an uncatchable list. */
    static String legend() {
        StringBuilder h = new StringBuilder();
        for (Reason r : Reason.values()) {
            h.append("# ").append(r.name()).append(": ").append(r.text).append('\n');
        }
        return h.toString();
    }

    /** Why a change cannot be caught. */
    enum Reason {
        CAUSE_STATED_ONCE("an amount given as a cause (主要原因/主要是…), stated once, that no identity touches"),
        CHANGE_STATED_ONCE("a change stated once, with no percentage, no base figure and no other statement"),
        THRESHOLD("a threshold of a standard phrase (单价N万元以上设备)"),
        INDICATOR("a target, result or rate of a performance indicator stated once (no deviation or total uses it)"),
        BOUNDED_BELOW("a total bounded only from below by the rows printed under it: a larger figure stays consistent"),
        ALREADY_REPORTED("its only identity is one the unchanged document already breaks (a finding exists)"),
        WITHIN_ROUNDING("the identity that touches it still holds within the rounding of its whole-number inputs"),
        OTHER_MONEY("bounded only by a figure of other money (funds of every source against appropriation figures)"),
        PARTIAL_LIST("a project budget in a list the document itself leaves partial");

        final String text;

        Reason(String text) {
            this.text = text;
        }
    }

    /** Catchable, or the reason it is not. */
    record Decision(Reason reason, String relation) {
        boolean catchable() {
            return reason == null;
        }
    }

    private static final Set<String> GENERIC = Set.of("project.item", "budget.total", "indicator.rate");
    private static final Pattern CLOSER = Pattern.compile("(合计共|共计|合计|总计|累计|(?<!公)共)");
    private static final Map<String, Set<String>> TABLES_OF = Map.of(
            "expenditure", Set.of("EXPENDITURE", "GPB_EXPENDITURE", "GPB_BASIC_EXPENDITURE",
                    "INCOME_EXPENDITURE_TOTAL", "FISCAL_INCOME_EXPENDITURE_TOTAL"),
            "income", Set.of("INCOME", "INCOME_EXPENDITURE_TOTAL", "FISCAL_INCOME_EXPENDITURE_TOTAL"),
            "three_public", Set.of("THREE_PUBLIC"), "procurement", Set.of("PROCUREMENT"));
    /** Keys that are the whole or a part of a list of parts (其中…). */
    private static final List<Set<String>> LISTS = List.of(
            Set.of("income.total", "income.current_year", "carry_forward.opening", "income.general_public_budget",
                    "income.government_fund", "income.state_capital", "income.special_account", "income.operations",
                    "income.business", "income.other", "income.higher_level_subsidy", "income.subordinate_remittance"),
            Set.of("expenditure.total", "expenditure.basic", "expenditure.project", "expenditure.function.*",
                    "expenditure.basic.personnel", "expenditure.basic.public", "carry_forward.closing"),
            Set.of("three_public.total", "three_public.overseas", "three_public.vehicle",
                    "three_public.vehicle_purchase", "three_public.vehicle_operation", "three_public.reception"),
            Set.of("procurement.total", "procurement.goods", "procurement.works", "procurement.services"));

    private final DisclosureParsed d;
    private final String text;
    private final List<Finding> baseline;

    Catchability(DisclosureParsed original, List<Finding> baselineAnomalies) {
        this.d = original;
        this.text = original.text();
        this.baseline = baselineAnomalies;
    }

    Decision decide(PrintedFigure figure) {
        return figure.kind() == PrintedFigure.Kind.CELL ? cell(figure) : prose(figure);
    }

    // ---------------------------------------------------------------- narrative figures

    private record Role(Fact fact, String field) {
    }

    private Decision prose(PrintedFigure figure) {
        BigDecimal v = figure.value();
        boolean percent = figure.kind() == PrintedFigure.Kind.PERCENT;
        List<Role> roles = new ArrayList<>();
        List<Role> sameNumber = new ArrayList<>();
        for (Fact f : d.facts()) {
            Evidence e = f.evidence();
            if (e == null || e.start() > figure.start() || figure.start() >= e.end()) {
                continue;
            }
            Change c = f.change();
            if (f.value() != null && f.value().compareTo(v) == 0 && "%".equals(f.unit()) == percent) {
                roles.add(new Role(f, "value"));
            }
            if (!percent && c != null && c.amount() != null && c.amount().compareTo(v) == 0) {
                roles.add(new Role(f, "change"));
            }
            if (percent && c != null && c.percent() != null && c.percent().compareTo(v) == 0) {
                roles.add(new Role(f, "percent"));
            }
            if (percent && f.share() != null && f.share().compareTo(v) == 0) {
                roles.add(new Role(f, "share"));
            }
        }
        roles = nthOccurrence(figure, roles);
        if (listedSum(figure)) {
            return new Decision(null, "a sum the paragraph states (共/合计/总计)");
        }
        Decision best = null;
        for (Role r : roles) {
            Decision decision = role(figure, r);
            if (decision.catchable()) {
                return decision;
            }
            best = best == null ? decision : best;
        }
        if (best != null) {
            return best;
        }
        if (restatedInText(figure)) {
            return new Decision(null, "the same figure and words stated again");
        }
        return new Decision(percent ? Reason.INDICATOR : Reason.CHANGE_STATED_ONCE, "attributed to no quantity");
    }

    /**
     * When several facts of the sentence carry the same number ("收入较去年减少9.82万元,主要是…减少9.82万元"), the k-th
     * printing of it in the sentence is the k-th of them in order.
     */
    private List<Role> nthOccurrence(PrintedFigure figure, List<Role> roles) {
        if (roles.size() <= 1) {
            return roles;
        }
        Evidence sentence = roles.get(0).fact().evidence();
        String quote = text.substring(sentence.start(), figure.start());
        Matcher before = Pattern.compile("(?<![\\d.,])" + Pattern.quote(figure.printed()) + "(?![\\d]|[.,]\\d)")
                .matcher(quote);
        int k = 0;
        while (before.find()) {
            k++;
        }
        List<Role> sameSentence = roles.stream().filter(r -> r.fact().evidence().start().equals(sentence.start()))
                .toList();
        return k < sameSentence.size() ? List.of(sameSentence.get(k)) : roles;
    }

    private Decision role(PrintedFigure figure, Role r) {
        Fact f = r.fact();
        String key = f.key();
        Change c = f.change();
        switch (r.field()) {
            case "percent" -> {
                if (checkedAndBroken(figure)) {
                    return new Decision(Reason.ALREADY_REPORTED, "CHG");
                }
                return c.amount() != null && f.value() != null ? new Decision(null, "a change percentage")
                        : new Decision(Reason.CHANGE_STATED_ONCE, "a percentage without its amount");
            }
            case "share" -> {
                return new Decision(null, "a share of a stated total");
            }
            default -> { }
        }
        if (key.equals("assets.unit_price_threshold")) {
            return new Decision(Reason.THRESHOLD, key);
        }
        if (r.field().equals("change") && checkedAndBroken(figure) && !restatedChange(f) && !changeInList(f)) {
            return new Decision(Reason.ALREADY_REPORTED, "CHG");
        }
        if (r.field().equals("change")) {
            if (c.percent() != null && f.value() != null) {
                return new Decision(null, "a change with its percentage");
            }
            if (key.equals("change.cause") || key.equals("change.sum")) {
                return new Decision(Reason.CAUSE_STATED_ONCE, key);
            }
            if (restatedChange(f) || changeInList(f) || balancedChange(f) || statedBase(f)) {
                return new Decision(null, "a change stated again, in a list, or against its base");
            }
            return new Decision(Reason.CHANGE_STATED_ONCE, key);
        }
        if ("%".equals(f.unit())) {
            return restatedValue(f) ? new Decision(null, "stated twice") : new Decision(Reason.INDICATOR, key);
        }
        if (zeroCount(figure)) {
            return new Decision(null, "an amount of a count of zero");
        }
        if (key.equals("performance.funds_received") || key.equals("performance.funds_executed")) {
            return d.performance().size() >= 2 ? new Decision(null, "the sum of the projects' self-evaluations")
                    : new Decision(Reason.CHANGE_STATED_ONCE, "a funds figure with no project tables");
        }
        if (key.equals("performance.covered_funds")) {
            return coveredFunds(figure, f);
        }
        if (key.equals("operating_expenses")) {
            Quantity whole = fact("expenditure.basic.public", "GENERAL_PUBLIC_BUDGET");
            whole = whole != null ? whole : tableTotal("GPB_BASIC_EXPENDITURE", "PUBLIC");
            if (whole != null && figure.value().add(figure.delta()).subtract(half(figure))
                    .compareTo(whole.high()) > 0) {
                return new Decision(null, "part of the general budget's public expenses");
            }
        }
        if (key.equals("procurement.small_micro")) {
            return new Decision(null, "part of the SME contracts");
        }
        if (key.endsWith(".per_capita") || key.endsWith(".per_vehicle")) {
            return new Decision(null, "derived from the expense and a count");
        }
        if (f.share() != null || (c != null && c.percent() != null && c.amount() != null)) {
            return new Decision(null, "the base of a stated percentage");
        }
        if (restatedValue(f) || inList(f) || inTable(key) || balanced(f) || zeroCount(figure)) {
            return new Decision(null, "stated twice, in a list or in a table");
        }
        if (GENERIC.contains(key)) {
            return new Decision(Reason.CHANGE_STATED_ONCE, "an item stated once");
        }
        return new Decision(Reason.CHANGE_STATED_ONCE, "a figure stated once");
    }

    private Decision coveredFunds(PrintedFigure figure, Fact f) {
        Quantity project = fact("expenditure.project", f.scope().name());
        if (project == null) {
            project = tableTotal("GENERAL_PUBLIC_BUDGET".equals(f.scope().name()) ? "GPB_EXPENDITURE" : "EXPENDITURE",
                    "PROJECT");
        }
        if (project == null) {
            return new Decision(Reason.OTHER_MONEY, "no project expenditure of the same money");
        }
        return new Decision(null, "part of project expenditure");
    }

    private static BigDecimal half(PrintedFigure figure) {
        return BigDecimal.ONE.movePointLeft(Math.max(0, figure.value().scale())).divide(BigDecimal.valueOf(2));
    }

    /** The figure is an amount of a paragraph that states a sum (共增加, 合计) of its listed amounts, or is that sum. */
    private boolean listedSum(PrintedFigure figure) {
        if (figure.kind() != PrintedFigure.Kind.AMOUNT) {
            return false;
        }
        int s = text.lastIndexOf('\n', figure.start()) + 1;
        int e = text.indexOf('\n', figure.start());
        String paragraph = text.substring(s, e < 0 ? text.length() : e);
        int at = figure.start() - s;
        Matcher amounts = Pattern.compile("(\\d[\\d,]*(?:\\.\\d+)?)\\s*万\\s?元").matcher(paragraph);
        List<int[]> closers = new ArrayList<>();
        int previous = 0;
        List<Integer> starts = new ArrayList<>();
        while (amounts.find()) {
            String clause = paragraph.substring(previous, amounts.start());
            int cut = Math.max(Math.max(clause.lastIndexOf(','), clause.lastIndexOf('、')),
                    Math.max(clause.lastIndexOf('。'), clause.lastIndexOf(';')));
            clause = clause.substring(cut + 1);
            Matcher closer = CLOSER.matcher(clause);
            if (closer.find() && clause.substring(closer.end()).matches("\\s*(?:(?:19|20)\\d{2}\\s*年度?)?\\s*"
                    + "(增加|减少|新增|下降|增长|降低)?\\s*")) {
                closers.add(new int[] {amounts.start(), starts.size()});
            }
            starts.add(amounts.start());
            previous = amounts.end();
        }
        for (int[] closer : closers) {
            if (closer[1] >= 2 && (closer[0] == at || (at < closer[0] && starts.indexOf(at) >= 0))) {
                return true;
            }
        }
        return false;
    }

    /** The same number with the same words in front of it printed elsewhere in the narrative. */
    private boolean restatedInText(PrintedFigure figure) {
        String before = text.substring(Math.max(0, figure.start() - 6), figure.start());
        String needle = before + figure.printed();
        int at = text.indexOf(needle);
        while (at >= 0) {
            int lineStart = text.lastIndexOf('\n', at) + 1;
            int lineEnd = text.indexOf('\n', at);
            String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
            if (at != figure.start() - before.length() && !line.contains("|") && !line.contains("\t")) {
                return true;
            }
            at = text.indexOf(needle, at + 1);
        }
        return false;
    }

    /** The unchanged document already breaks the percentage check of this figure's change statement. */
    private boolean checkedAndBroken(PrintedFigure figure) {
        return baseline.stream().anyMatch(b -> b.ruleId().equals("CHG-001") && b.evidence().stream().anyMatch(e ->
                e.start() != null && e.start() <= figure.start() && figure.start() < e.end())
                && Mutant.containsNumber(b.messageZh(), figure.printed()));
    }

    private static String canonical(Fact f) {
        return f.key().equals("income.general_public_budget") ? "income.total" : f.key();
    }

    private boolean otherSentence(Fact a, Fact b) {
        return !Objects.equals(a.evidence().start(), b.evidence().start());
    }

    private boolean restatedValue(Fact f) {
        return d.facts().stream().anyMatch(g -> g != f && g.value() != null && canonical(g).equals(canonical(f))
                && Objects.equals(g.basis(), f.basis()) && Objects.equals(g.unit(), f.unit()) && otherSentence(f, g)
                && !GENERIC.contains(f.key()));
    }

    private boolean restatedChange(Fact f) {
        if (GENERIC.contains(f.key())) {
            return false;
        }
        return d.facts().stream().anyMatch(g -> g != f && g.change() != null && canonical(g).equals(canonical(f))
                && Objects.equals(g.change().base(), f.change().base()) && otherSentence(f, g)
                && (g.change().amount() != null || g.change().sign() == 0));
    }

    private boolean inList(Fact f) {
        for (Set<String> list : LISTS) {
            if (member(list, f.key())) {
                long partners = d.facts().stream().filter(g -> g != f && g.value() != null && "CURRENT".equals(g.basis())
                        && member(list, g.key()) && !g.key().equals(f.key())).count();
                if (partners > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Wholes of the lists: a change of a part is checked only against a stated change of its whole. */
    private static final Set<String> WHOLES = Set.of("income.total", "expenditure.total", "expenditure.basic",
            "three_public.total", "procurement.total");

    private boolean changeInList(Fact f) {
        for (Set<String> list : LISTS) {
            if (!member(list, f.key())) {
                continue;
            }
            boolean whole = WHOLES.contains(f.key());
            long partners = d.facts().stream().filter(g -> g != f && g.change() != null
                    && Objects.equals(g.change().base(), f.change().base()) && member(list, g.key())
                    && !g.key().equals(f.key()) && (whole || WHOLES.contains(g.key()))).count();
            if (partners > 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean member(Set<String> list, String key) {
        return list.contains(key) || (key.startsWith("expenditure.function.") && list.contains("expenditure.function.*"));
    }

    private boolean inTable(String key) {
        String family = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
        Set<String> types = TABLES_OF.get(family);
        return types != null && d.tables().stream().anyMatch(t -> types.contains(t.type()));
    }

    /** Income and expenditure totals of a budget, or 总计 of a final account, are stated as a balancing pair. */
    private boolean balanced(Fact f) {
        String other = f.key().equals("income.total") || f.key().equals("income.general_public_budget")
                ? "expenditure.total" : f.key().equals("expenditure.total") ? "income.total" : null;
        return other != null && d.facts().stream().anyMatch(g -> g.value() != null && g.key().equals(other)
                && "CURRENT".equals(g.basis()));
    }

    private boolean balancedChange(Fact f) {
        String other = f.key().equals("income.total") ? "expenditure.total"
                : f.key().equals("expenditure.total") ? "income.total" : null;
        return other != null && d.facts().stream().anyMatch(g -> g.change() != null && g.key().equals(other)
                && Objects.equals(g.change().base(), f.change().base()) && g.change().amount() != null);
    }

    private boolean statedBase(Fact f) {
        return d.facts().stream().anyMatch(g -> g.key().equals(f.key()) && g.value() != null
                && Objects.equals(g.basis(), f.change().base()));
    }

    private boolean zeroCount(PrintedFigure figure) {
        String before = text.substring(Math.max(0, figure.start() - 14), figure.start());
        return before.matches(".*(?<![\\d.])0\\s*(项|个项目|个团组)[^。;]*");
    }

    private Quantity fact(String key, String scope) {
        return d.facts().stream().filter(g -> g.key().equals(key) && g.value() != null && "CURRENT".equals(g.basis())
                && (scope == null || g.scope().name().equals(scope))).findFirst()
                .map(g -> Quantity.printed(g.value(), g.decimals(), g.label(), null)).orElse(null);
    }

    private Quantity tableTotal(String type, String role) {
        for (DisclosureTable t : d.tables()) {
            if (!type.equals(t.type()) || t.emptyExplanation() != null) {
                continue;
            }
            var column = t.columns().stream().filter(c -> role.equals(c.role())).findFirst().orElse(null);
            if (column == null) {
                continue;
            }
            for (TableRow r : t.rows()) {
                if (r.cells().stream().limit(2).anyMatch(c -> c.replace(" ", "").matches("合计|总计"))
                        && column.index() < r.cells().size()) {
                    return Quantity.parse(r.cells().get(column.index()), "total", null);
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- table cells

    private Decision cell(PrintedFigure figure) {
        DisclosureTable table = null;
        TableRow row = null;
        for (DisclosureTable t : d.tables()) {
            for (TableRow r : t.rows()) {
                if (r.start() != null && r.start() <= figure.start() && figure.start() < r.end()) {
                    table = t;
                    row = r;
                }
            }
        }
        if (table == null) {
            return new Decision(Reason.INDICATOR, "a number outside any table the parser read");
        }
        String type = table.type();
        if (type.startsWith("PERFORMANCE")) {
            return PerformanceCells.decide(d, table, row, figure, baseline);
        }
        if (type.equals("HEADER_BLOCK") || type.equals("UNKNOWN")) {
            return new Decision(Reason.INDICATOR, "a number of a header block");
        }
        return new Decision(null, "a cell of a table whose rows and columns add up");
    }
}
