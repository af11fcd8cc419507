package io.budgetlens.ingest.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.budgetlens.events.Fact;
import io.budgetlens.events.FundScope;
import io.budgetlens.events.SummaryEntry;

/**
 * The summary: for each summary key the document states, its canonical current-year value in 万元, at the broadest
 * fund scope the document states it (ALL_FUNDS over FISCAL_APPROPRIATION over GENERAL_PUBLIC_BUDGET); the first
 * statement wins among equals. A key the document does not state is absent, never invented.
 */
public final class SummaryBuilder {

    static final Set<String> KEYS = Set.of("income.total", "expenditure.total", "expenditure.basic",
            "expenditure.project", "expenditure.basic.personnel", "expenditure.basic.public", "three_public.total",
            "three_public.overseas", "three_public.vehicle", "three_public.vehicle_purchase",
            "three_public.vehicle_operation", "three_public.reception", "operating_expenses", "procurement.total");

    private SummaryBuilder() {
    }

    static boolean isSummaryKey(String key) {
        return KEYS.contains(key) || key.startsWith("expenditure.function.");
    }

    public static Map<String, SummaryEntry> build(List<Fact> facts) {
        Map<String, Fact> chosen = new LinkedHashMap<>();
        for (Fact fact : facts) {
            String key = fact.key();
            if (fact.value() == null || !"万元".equals(fact.unit()) || !"CURRENT".equals(fact.basis())
                    || !isSummaryKey(key)) {
                continue;
            }
            Fact current = chosen.get(key);
            if (current == null || breadth(fact.scope()) > breadth(current.scope())) {
                chosen.put(key, fact);
            }
        }
        Map<String, SummaryEntry> summary = new LinkedHashMap<>();
        chosen.forEach((key, fact) -> summary.put(key, new SummaryEntry(fact.value(), fact.scope(), fact.evidence())));
        return summary;
    }

    private static int breadth(FundScope scope) {
        return scope == null ? 0 : switch (scope) {
            case ALL_FUNDS -> 3;
            case FISCAL_APPROPRIATION -> 2;
            case GENERAL_PUBLIC_BUDGET -> 1;
        };
    }
}
