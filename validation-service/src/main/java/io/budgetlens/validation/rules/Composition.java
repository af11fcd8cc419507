package io.budgetlens.validation.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.Fact;

/**
 * A whole and the parts a disclosure's narrative breaks it into, by fact key: income sources, income of the year plus
 * carry-over, functional classes, basic plus project expenditure, personnel plus public expenses, goods plus works
 * plus services. {@link #runs} finds them the way they are printed — the whole, then "其中：" and its parts in the same
 * paragraph — and, for closed sets and complete function lists, anywhere in the document.
 */
record Composition(String zh, String en, Predicate<Fact> whole, Predicate<Fact> part, Set<String> skippable,
                   boolean ignoresPartScope, int completeAt, Set<String> closedSet, boolean acrossDocument,
                   boolean forChanges) {

    static final Set<String> SOURCES = Set.of("income.general_public_budget", "income.government_fund",
            "income.state_capital", "income.special_account", "income.operations", "income.business",
            "income.higher_level_subsidy", "income.subordinate_remittance", "income.other");

    /** Sources of fiscal appropriation income; the others (事业收入, 经营收入, 其他收入…) are never part of it. */
    static final Set<String> FISCAL_SOURCES = Set.of("income.general_public_budget", "income.government_fund",
            "income.state_capital");

    /** The wholes income sources add up to, and the parts of procurement (sets made once, not per fact tested). */
    private static final Set<String> INCOME_WHOLES = Set.of("income.current_year", "income.total",
            "carry_forward.opening");
    private static final Set<String> PROCUREMENT_PARTS = Set.of("procurement.goods", "procurement.works",
            "procurement.services");

    /** A whole that counts fiscal appropriations only (财政拨款收入, by its scope or its own words). */
    private static boolean fiscalOnly(Fact w) {
        return w.scope() == io.budgetlens.events.FundScope.FISCAL_APPROPRIATION
                || (w.label() != null && w.label().contains("财政拨款"));
    }

    static final Composition INCOME_SOURCES = new Composition("收入来源", "income sources",
            f -> INCOME_WHOLES.contains(f.key()),
            f -> SOURCES.contains(f.key()), Set.of(), true, 3, Set.of(), false, true);

    static final Composition INCOME_SPLIT = new Composition("本年收入与上年结转",
            "income of the year and carry-over",
            f -> f.key().equals("income.total") || (SOURCES.contains(f.key())
            && !Narrative.totalWord(f.label()).isEmpty()),
            f -> f.key().equals("income.current_year") || f.key().equals("carry_forward.opening"),
            SOURCES, false, 2, Set.of("income.total", "carry_forward.opening"), false, false);

    static final Composition FUNCTIONS = new Composition("各功能分类支出", "functional classes",
            f -> f.key().equals("expenditure.total"), f -> f.key().startsWith("expenditure.function."),
            Set.of(), false, 2, Set.of(), true, true);

    static final Composition BASIC_PROJECT = new Composition("基本支出与项目支出",
            "basic and project expenditure",
            f -> f.key().equals("expenditure.total"),
            f -> f.key().equals("expenditure.basic") || f.key().equals("expenditure.project"),
            Set.of("expenditure.basic.personnel", "expenditure.basic.public"), false, 2,
            Set.of("expenditure.basic", "expenditure.project"), true, true);

    static final Composition PERSONNEL_PUBLIC = new Composition("人员经费与公用经费",
            "personnel and public expenses",
            f -> f.key().equals("expenditure.basic"),
            f -> f.key().equals("expenditure.basic.personnel") || f.key().equals("expenditure.basic.public"),
            Set.of(), false, 2, Set.of("expenditure.basic.personnel", "expenditure.basic.public"), true, true);

    static final Composition PROCUREMENT = new Composition("政府采购货物、工程、服务",
            "procurement of goods, works and services",
            f -> f.key().equals("procurement.total"),
            f -> PROCUREMENT_PARTS.contains(f.key()),
            Set.of(), false, 3, Set.of("procurement.goods", "procurement.works", "procurement.services"),
            true, true);

    static final Composition INCOME_GRAND = grand("收入合计与年初结转和结余",
            "income of the year and the balance brought forward", "income", "carry_forward.opening");

    static final Composition EXPENDITURE_GRAND = grand("支出合计与年末结转和结余",
            "expenditure of the year and the balance carried forward", "expenditure", "carry_forward.closing");

    /**
     * A final account's 总计 of one side = its 合计 (or the year's amount) + the balance carried over: {@code side} is
     * income or expenditure, {@code carryOver} the key of the balance brought forward or carried forward.
     */
    private static Composition grand(String zh, String en, String side, String carryOver) {
        String total = side + ".total";
        String currentYear = side + ".current_year";
        return new Composition(zh, en,
                f -> f.key().equals(total) && "总计".equals(Narrative.totalWord(f.label())),
                f -> (f.key().equals(total) && "合计".equals(Narrative.totalWord(f.label())))
                || f.key().equals(currentYear) || f.key().equals(carryOver),
                Set.of(), false, 2, Set.of(total, carryOver), true, false);
    }

    static final List<Composition> ALL = List.of(INCOME_SOURCES, INCOME_SPLIT, FUNCTIONS, BASIC_PROJECT,
            PERSONNEL_PUBLIC, PROCUREMENT, INCOME_GRAND, EXPENDITURE_GRAND);

    /** One whole with the parts stated with it; {@code complete} when the parts are the whole list. */
    record Run(Composition composition, Fact whole, List<Fact> parts, boolean complete) {
    }

    /**
     * Only the income split lists a fund's own whole ("政府性基金预算财政拨款收入合计0万元,其中:本年收入0万元…"); a
     * fund's expenditure is never the whole of the general lists.
     */
    private boolean listsFundIncome() {
        return this == INCOME_SOURCES || this == INCOME_SPLIT;
    }

    /** A figure that is only part of its kind ("部分项目支出减少34.49万元") is never a part of a list. */
    static boolean partial(Fact f) {
        return f.label() != null && f.label().contains("部分");
    }

    /** The lists of this composition, paragraph by paragraph, then across the document. */
    List<Run> runs(Narrative n) {
        List<Run> out = new ArrayList<>();
        List<Fact> facts = n.facts();
        Set<Integer> checkedClasses = new java.util.HashSet<>();
        for (Fact w : facts) {
            if (!Narrative.isCurrentAmount(w) || !whole.test(w)
                    || (!Narrative.fund(w.label()).isEmpty() && !listsFundIncome())) {
                continue;
            }
            List<Fact> paragraph = n.sameParagraph(w);
            List<Fact> parts = new ArrayList<>();
            boolean after = false;
            for (Fact f : paragraph) {
                if (f == w) {
                    after = true;
                    continue;
                }
                if (!after) {
                    continue;
                }
                if (whole.test(f) && !part.test(f)) {
                    break;
                }
                boolean amount = Narrative.isCurrentAmount(f);
                if (part.test(f) && amount && !partial(f) && (ignoresPartScope || Narrative.fund(f.label()).isEmpty())) {
                    if (!ignoresPartScope && !n.sameMoney(f.scope(), w.scope())) {
                        break;
                    }
                    if (this == INCOME_SOURCES && !FISCAL_SOURCES.contains(f.key()) && fiscalOnly(w)) {
                        // 其中:财政拨款收入9,101.68万元…;事业收入0万元: the next sources are not parts of the fiscal income.
                        break;
                    }
                    if (parts.stream().anyMatch(p -> p.key().equals(f.key()))) {
                        break;
                    }
                    parts.add(f);
                    continue;
                }
                if (amount && !skippable.contains(f.key())) {
                    break;
                }
            }
            if (parts.isEmpty()) {
                continue;
            }
            if (this == INCOME_SOURCES && w.key().equals("income.total")
                    && paragraph.stream().anyMatch(f -> f.key().equals("income.current_year"))) {
                continue;
            }
            checkedClasses.add(n.scopeClass(w.scope()));
            out.add(new Run(this, w, parts, complete(n, w, parts)));
        }
        if (acrossDocument) {
            out.addAll(acrossDocument(n, checkedClasses));
        }
        return out;
    }

    private boolean complete(Narrative n, Fact w, List<Fact> parts) {
        if (isGrandTotalOfFinalAccount(n, w)) {
            return false;
        }
        if (this == BASIC_PROJECT && otherUses(n.document())) {
            // Jiangsu's 单位预留机动经费, a unit's 经营支出…: basic and project expenditure are then not the whole.
            return false;
        }
        if (!closedSet.isEmpty()) {
            return parts.stream().map(f -> f.key().replace("current_year", "total"))
                    .collect(java.util.stream.Collectors.toSet()).containsAll(closedSet);
        }
        return parts.size() >= completeAt;
    }

    static final java.util.regex.Pattern OTHER_USE = java.util.regex.Pattern.compile(
            "预留机动经费|(事业单位)?经营支出|上缴上级支出|对附属单位补助支出");
    private static final java.util.regex.Pattern OTHER_USE_STATED = java.util.regex.Pattern.compile(
            "(?:预留机动经费|事业单位经营支出|上缴上级支出|对附属单位补助支出)[^。;；\\d]{0,12}?([\\d,]+(?:\\.\\d+)?)\\s*万元");
    /** What every match of {@link #OTHER_USE_STATED} names. */
    private static final List<String> OTHER_USE_WORDS = List.of("预留机动经费", "事业单位经营支出", "上缴上级支出",
            "对附属单位补助支出");
    /** The words a match of {@link #OTHER_USE} has: one of them, whole. */
    static final List<String> OTHER_USE_IN_CELLS = List.of("预留机动经费", "经营支出", "上缴上级支出", "对附属单位补助支出");
    private static final java.util.regex.Pattern AMOUNT = java.util.regex.Pattern.compile("-?[\\d,]*\\.?\\d+");

    /**
     * Whether the document shows expenditure besides basic and project expenditure: its text states another use
     * (预留机动经费, 经营支出, 上缴上级支出, 对附属单位补助支出) with a non-zero amount, or a table row or column names one with a
     * non-zero amount beside it.
     */
    static boolean otherUses(io.budgetlens.events.DisclosureParsed d) {
        return DocumentScope.view(d, OTHER_USE, Composition::findOtherUses);
    }

    private static boolean findOtherUses(io.budgetlens.events.DisclosureParsed d) {
        // every match names one of the other uses: the regex runs only in a text that does
        if (d.text() != null && TextHygiene.containsAny(d.text(), OTHER_USE_WORDS)) {
            // Stated in the text (a narrative without its tables): “单位预留机动经费1,157.63万元”.
            Scan scan = new Scan(OTHER_USE_STATED, d.text(), "预事上对");
            java.util.regex.Matcher m = scan.matcher();
            while (scan.find()) {
                if (new java.math.BigDecimal(m.group(1).replace(",", "")).signum() != 0) {
                    return true;
                }
            }
        }
        if (d.tables() == null) {
            return false;
        }
        for (var t : d.tables()) {
            for (var row : t.rows()) {
                List<String> cells = row.cells();
                for (int c = 0; c + 1 < cells.size(); c++) {
                    // OTHER_USE.matcher(cell).find(), without trying the alternation at every offset of every cell:
                    // a match exists exactly when the cell contains one of its words ((事业单位)? is optional)
                    String cell = cells.get(c);
                    if (TextHygiene.containsAny(cell, OTHER_USE_IN_CELLS)) {
                        String next = cells.get(c + 1).replace(",", "").strip();
                        if (AMOUNT.matcher(next).matches() && new java.math.BigDecimal(next).signum() != 0) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** A final account's 总计 also counts the carry-over (年末结转和结余): its parts can only be less. */
    static boolean isGrandTotalOfFinalAccount(Narrative n, Fact w) {
        return n.document().meta() != null && n.document().meta().kind() == DisclosureKind.FINAL_ACCOUNT
                && "总计".equals(Narrative.totalWord(w.label()));
    }

    /**
     * Parts stated apart from their whole (the functional classes of a final account, each on its own line): checked
     * against the whole of the same money when every statement of that whole gives the same figure.
     */
    private List<Run> acrossDocument(Narrative n, Set<Integer> checkedClasses) {
        // the parts (the first of each key) and the wholes of every scope class, in one pass over the facts
        List<List<Fact>> partsOf = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<List<Fact>> wholesOf = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<Set<String>> partKeys = List.of(new java.util.HashSet<>(), new java.util.HashSet<>(),
                new java.util.HashSet<>());
        for (Fact f : n.facts()) {
            int sc = n.scopeClass(f.scope());
            if (sc < 1 || !Narrative.isCurrentAmount(f) || !Narrative.fund(f.label()).isEmpty()) {
                continue;
            }
            boolean isPart = part.test(f);
            if (isPart && !partial(f) && partKeys.get(sc - 1).add(f.key())) {
                partsOf.get(sc - 1).add(f);
            }
            if (!isPart && whole.test(f)) {
                wholesOf.get(sc - 1).add(f);
            }
        }
        List<Run> out = new ArrayList<>();
        for (int scopeClass = 1; scopeClass <= 3; scopeClass++) {
            if (checkedClasses.contains(scopeClass)) {
                continue;
            }
            List<Fact> parts = partsOf.get(scopeClass - 1);
            List<Fact> wholes = wholesOf.get(scopeClass - 1);
            if (parts.isEmpty() || wholes.isEmpty()
                    || wholes.stream().map(f -> f.value().stripTrailingZeros()).distinct().count() > 1) {
                continue;
            }
            Fact w = wholes.stream().filter(f -> !isGrandTotalOfFinalAccount(n, f)).findFirst().orElse(wholes.get(0));
            boolean complete;
            if (!closedSet.isEmpty()) {
                complete = complete(n, w, parts);
            } else {
                BigDecimal shares = parts.stream().map(Fact::share).reduce(BigDecimal.ZERO,
                        (a, b) -> b == null ? a.add(BigDecimal.valueOf(-1000)) : a.add(b));
                complete = parts.size() >= 2 && shares.subtract(BigDecimal.valueOf(100)).abs()
                        .compareTo(BigDecimal.ONE) <= 0 && !isGrandTotalOfFinalAccount(n, w);
            }
            out.add(new Run(this, w, parts, complete));
        }
        return out;
    }
}
