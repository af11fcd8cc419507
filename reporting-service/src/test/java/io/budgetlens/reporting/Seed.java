package io.budgetlens.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.budgetlens.events.Category;
import io.budgetlens.events.DisclosureMeta;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureValidated;
import io.budgetlens.events.EventJson;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.Fact;
import io.budgetlens.events.Finding;
import io.budgetlens.events.Interval;
import io.budgetlens.events.RuleVerdict;
import io.budgetlens.events.Severity;
import io.budgetlens.events.SummaryEntry;
import io.budgetlens.events.Topics;
import io.budgetlens.events.Verdict;
import io.budgetlens.events.Visibility;
import io.budgetlens.testsupport.CorpusFixtures;
import io.budgetlens.testsupport.KafkaTestClient;
import io.budgetlens.testsupport.ParsedBuilder;

/** Builds and sends disclosure events for the reporting tests: corpus fixtures and variants of them. */
public final class Seed {

    /** The five corpus disclosures as ingest-service parses them (test-support's corpus fixtures). */
    public static final DisclosureParsed BANAN = CorpusFixtures.parsed("banan-2024-budget.md");
    public static final DisclosureParsed JIANGJIN = CorpusFixtures.parsed("jiangjin-2024-final-accounts.txt");
    public static final DisclosureParsed QIANJIANG = CorpusFixtures.parsed("qianjiang-2024-budget.txt");
    public static final DisclosureParsed RONGCHANG = CorpusFixtures.parsed("rongchang-2025-unit-budget.txt");
    public static final DisclosureParsed WULONG = CorpusFixtures.parsed("wulong-2020-final-accounts.txt");

    private Seed() {
    }

    public static String id(String seed) {
        return io.budgetlens.events.DocumentIds.of(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static DisclosureParsed withId(DisclosureParsed p, String documentId, Visibility visibility) {
        return ParsedBuilder.from(p).documentId(documentId).visibility(visibility).build();
    }

    public static DisclosureParsed withMeta(DisclosureParsed p, DisclosureMeta meta) {
        return ParsedBuilder.from(p).meta(meta).build();
    }

    public static DisclosureParsed withSummary(DisclosureParsed p, Map<String, SummaryEntry> summary, List<Fact> facts) {
        return ParsedBuilder.from(p).summary(summary).facts(facts).build();
    }

    public static DisclosureMeta meta(DisclosureMeta m, String department, String code, String province,
                                      String district, Integer year, LocalDate published) {
        return new DisclosureMeta(m.kind(), m.scope(), year == null ? m.fiscalYear() : year, m.title(), department,
                code, province, district, published, m.indexNumber(), m.publisher(), m.contact());
    }

    /** A report with the given findings; every finding quotes the first fact of the document as evidence. */
    public static DisclosureValidated report(DisclosureParsed p, BigDecimal completeness, Finding... findings) {
        List<RuleVerdict> verdicts = new ArrayList<>();
        verdicts.add(new RuleVerdict("BAL-001", Category.BALANCE, Verdict.HOLDS, 3, 0));
        verdicts.add(new RuleVerdict("SUM-001", Category.HIERARCHY, Verdict.WITHIN_ROUNDING, 4, 0));
        for (Finding f : findings) {
            verdicts.add(new RuleVerdict(f.ruleId(), f.category(), Verdict.BROKEN, 1, 1));
        }
        return new DisclosureValidated(p.documentId(), "0.2.0", p.parserVersion(), Instant.now(), p.visibility(),
                verdicts, List.of(findings), completeness);
    }

    public static Finding finding(DisclosureParsed p, String ruleId, Severity severity, Category category,
                                  String zh, String en) {
        Fact fact = p.facts().get(0);
        return new Finding(ruleId, severity, category, zh, en, Interval.exact(new BigDecimal("1.00")),
                new BigDecimal("2.00"), new BigDecimal("1.00"), "万元",
                List.of(Evidence.ofText(fact.evidence().quote(), fact.evidence().start(), fact.evidence().end())));
    }

    public static void send(DisclosureParsed parsed) {
        KafkaTestClient.send(Topics.PARSED, parsed.documentId(), EventJson.write(parsed), Map.of());
    }

    public static void send(DisclosureValidated report) {
        KafkaTestClient.send(Topics.VALIDATED, report.documentId(), EventJson.write(report), Map.of());
    }
}
