package io.budgetlens.validation.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.budgetlens.events.Change;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.Fact;
import io.budgetlens.events.FundScope;

/**
 * The narrative facts of a disclosure as the narrative rules read them: amounts in 万元 as quantities, changes as
 * signed quantities, the paragraph (line of text) each fact is stated in, and which fund scopes name the same money in
 * this document. A stated scope equivalence is read from the document itself: when it states its government-fund and
 * state-capital money as zero (or says it has none), 财政拨款 is 一般公共预算; when every income source outside the
 * fiscal appropriation is stated as zero (or the appropriation is 100 % of income), 部门 totals are 财政拨款 totals.
 */
final class Narrative {

    /** Keys that name no quantity of their own: never compared across sentences. */
    static final Set<String> GENERIC = Set.of("project.item", "expenditure.item", "budget.total", "indicator.rate", "change.cause",
            "change.sum", "assets.unit_price_threshold", "performance.covered_funds", "performance.funds_received",
            "performance.funds_executed", "performance.execution_rate");

    private static final Pattern NO_GOVERNMENT_FUND = Pattern.compile("(无|未|没有)[^。;]{0,12}政府性基金");
    private static final Pattern NO_STATE_CAPITAL = Pattern.compile("(无|未|没有)[^。;]{0,12}国有资本经营");

    private final DisclosureParsed d;
    private final List<Fact> facts;
    private final boolean fiscalIsGpb;
    private final boolean allIsFiscal;

    private Map<Fact, Fact> parents;
    private final Map<Composition, List<Composition.Run>> runs = new java.util.HashMap<>();
    private List<TextTablePairs.Pair> pairs;
    /** The facts by key ({@link #byKey}), made on first use. */
    private Map<String, List<Fact>> byKey;
    /** The facts of each paragraph, by the paragraph's first offset. */
    private final Map<Integer, List<Fact>> paragraphs = new java.util.HashMap<>();

    /** The document's narrative, built once per validation (and afresh outside one). */
    static Narrative of(DisclosureParsed d) {
        return DocumentScope.view(d, Narrative.class, Narrative::new);
    }

    /** The lists of a composition in this document (computed once). */
    List<Composition.Run> runs(Composition c) {
        return runs.computeIfAbsent(c, x -> x.runs(this));
    }

    /** The whole each listed part belongs to (computed once). */
    Map<Fact, Fact> parents() {
        if (parents == null) {
            Map<Fact, Fact> out = new java.util.HashMap<>();
            for (Composition c : Composition.ALL) {
                for (Composition.Run run : runs(c)) {
                    run.parts().forEach(p -> out.putIfAbsent(p, run.whole()));
                }
            }
            parents = out;
        }
        return parents;
    }

    /** Narrative facts and the table cells that state them (computed once). */
    List<TextTablePairs.Pair> pairs() {
        if (pairs == null) {
            pairs = TextTablePairs.compute(this);
        }
        return pairs;
    }

    private Narrative(DisclosureParsed d) {
        this.d = d;
        this.facts = d.facts() == null ? List.of() : d.facts();
        String text = d.text() == null ? "" : d.text();
        // the regexes are tried only at their first words, and only in a text that names the fund
        this.fiscalIsGpb = (zero("income.government_fund")
                || text.contains("政府性基金") && new Scan(NO_GOVERNMENT_FUND, text, "无未没").find())
                && (zero("income.state_capital")
                || text.contains("国有资本经营") && new Scan(NO_STATE_CAPITAL, text, "无未没").find());
        long nonFiscal = facts.stream().filter(f -> isCurrentAmount(f) && NON_FISCAL.contains(f.key())).count();
        boolean nonFiscalZero = nonFiscal >= 2 && facts.stream().filter(f -> isCurrentAmount(f)
                && NON_FISCAL.contains(f.key())).allMatch(f -> f.value().signum() == 0);
        boolean fullShare = facts.stream().anyMatch(f -> isCurrentAmount(f) && f.key().equals("income.total")
                && f.scope() == FundScope.FISCAL_APPROPRIATION && f.share() != null
                && f.share().compareTo(BigDecimal.valueOf(100)) == 0);
        this.allIsFiscal = nonFiscalZero || fullShare;
    }

    private static final Set<String> NON_FISCAL = Set.of("income.special_account", "income.operations",
            "income.business", "income.higher_level_subsidy", "income.subordinate_remittance", "income.other");

    private boolean zero(String key) {
        return facts.stream().anyMatch(f -> isCurrentAmount(f) && f.key().equals(key) && f.value().signum() == 0);
    }

    /**
     * The facts of one key, in the order of {@link #facts()} (the facts grouped by key once per validation: the rules
     * that look a key up filter this short list instead of every fact; unmodifiable, empty for a key not stated).
     */
    List<Fact> byKey(String key) {
        if (byKey == null) {
            Map<String, List<Fact>> groups = new java.util.HashMap<>();
            for (Fact f : facts) {
                groups.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(f);
            }
            groups.replaceAll((k, v) -> java.util.Collections.unmodifiableList(v));
            byKey = groups;
        }
        return byKey.getOrDefault(key, List.of());
    }

    DisclosureParsed document() {
        return d;
    }

    List<Fact> facts() {
        return facts;
    }

    String text() {
        return d.text() == null ? "" : d.text();
    }

    /** A current-year amount in 万元 (not a per-capita figure, not a percentage). */
    static boolean isCurrentAmount(Fact f) {
        return f.value() != null && "万元".equals(f.unit()) && "CURRENT".equals(f.basis());
    }

    /** Same money: equal scopes, or scopes this document shows to be the same. */
    boolean sameMoney(FundScope a, FundScope b) {
        return scopeClass(a) == scopeClass(b);
    }

    /** 1 一般公共预算, 2 财政拨款, 3 all funds, after this document's equivalences (0: no scope). */
    int scopeClass(FundScope s) {
        if (s == null) {
            return 0;
        }
        int r = switch (s) {
            case GENERAL_PUBLIC_BUDGET -> 1;
            case FISCAL_APPROPRIATION -> 2;
            case ALL_FUNDS -> 3;
        };
        if (r == 3 && allIsFiscal) {
            r = 2;
        }
        if (r == 2 && fiscalIsGpb) {
            r = 1;
        }
        return r;
    }

    /** The figure of a fact as the interval it stands for, with the fact's sentence as evidence. */
    static Quantity value(Fact f) {
        return Quantity.printed(f.value(), f.decimals(), f.label(), f.evidence());
    }

    /** Whether the fact states a change that can be summed: an amount, or a change stated as none (持平). */
    static boolean hasChange(Fact f) {
        Change c = f.change();
        return c != null && (c.amount() != null || c.sign() == 0);
    }

    /** The stated change as a signed quantity: +amount for 增加, −amount for 减少, exactly 0 for 持平. */
    static Quantity change(Fact f) {
        Change c = f.change();
        if (c.amount() == null || c.sign() == 0 || c.amount().signum() == 0) {
            if (c.amount() != null && c.amount().signum() != 0) {
                // "增加(或减少)5万元" names no direction: no signed value.
                return null;
            }
            return Quantity.exact(BigDecimal.ZERO, f.label()).withEvidence(f.evidence());
        }
        Quantity q = Quantity.printed(c.amount(), c.amountDecimals() == null ? Math.max(0, c.amount().scale())
                : c.amountDecimals(), f.label(), f.evidence());
        return c.sign() > 0 ? q : q.negate();
    }

    /** The [start, end) of the paragraph (line of text) an offset is in. */
    int[] paragraph(int offset) {
        String text = text();
        int start = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
        int end = text.indexOf('\n', offset);
        return new int[] {start, end < 0 ? text.length() : end};
    }

    /** Facts whose sentence begins in the same paragraph as the given fact's (found once per paragraph; unmodifiable). */
    List<Fact> sameParagraph(Fact anchor) {
        int[] p = paragraph(anchor.evidence().start());
        return paragraphs.computeIfAbsent(p[0], start -> factsIn(p));
    }

    private List<Fact> factsIn(int[] p) {
        List<Fact> out = new ArrayList<>();
        for (Fact f : facts) {
            if (f.evidence() != null && f.evidence().start() != null && f.evidence().start() >= p[0]
                    && f.evidence().start() < p[1]) {
                out.add(f);
            }
        }
        return java.util.Collections.unmodifiableList(out);
    }

    /** The fund a label names of its own (政府性基金, 国有资本经营), or "" for general money. */
    static String fund(String label) {
        if (label == null) {
            return "";
        }
        return label.contains("政府性基金") ? "政府性基金" : label.contains("国有资本") ? "国有资本" : "";
    }

    /** Words of a label that make it a grand total (总计), a total (合计) or a plain figure. */
    static String totalWord(String label) {
        if (label == null) {
            return "";
        }
        return label.contains("总计") ? "总计" : label.contains("合计") ? "合计" : "";
    }
}
