package io.budgetlens.validation.rules;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureValidated;
import io.budgetlens.events.Finding;
import io.budgetlens.events.ParseStatus;
import io.budgetlens.events.RuleVerdict;

/**
 * The rule engine core (plain Java): runs every rule of the catalogue on a parsed disclosure and assembles the
 * report with every verdict, so "not checked" is never confused with "passed". The catalogue is the first part of
 * the validation issue's; RULES.md lists them.
 */
public class RuleEngine {

    /** Version of the ruleset; a newer version's report supersedes an older one downstream. */
    public static final String RULESET_VERSION = "0.4.0";

    private final List<Rule> rules;
    private final Clock clock;

    public RuleEngine(List<Rule> rules, Clock clock) {
        this.rules = List.copyOf(rules);
        this.clock = clock;
    }

    public static RuleEngine standard(Clock clock) {
        return new RuleEngine(List.of(
                // tables
                new BalanceRule(), new IncomeSourcesRule(), new HierarchyRule(), new RowSumRule(), new CrossTableRule(),
                new ThreePublicRule(), new DuplicateRowRule(), new TwoSidedTableRule(), new TotalRowRule(),
                new PerformanceRule(), new PerformanceTableRule(), new CodeListRule(),
                // narrative arithmetic
                new ChangeRule(), new ShareRule(), new DerivedRule(), new CompositionRule(), new ChangeCompositionRule(),
                new ListedSumRule(), new RestatementRule(), new BoundRule(),
                // comparison words
                new ComparisonWordRule(),
                // units, text against tables
                new TextVsTableRule(), new UnitRule(),
                // document hygiene and completeness
                new PlaceholderRule(), new ZeroTotalRule(), new YearRule(), new DepartmentNameRule(), new ContentsRule(),
                new CompletenessRule()), clock);
    }

    public List<RuleDescriptor> catalogue() {
        return rules.stream().map(Rule::descriptor).toList();
    }

    /** Validates a PARSED disclosure. REJECTED input has nothing to check and is refused. */
    public DisclosureValidated validate(DisclosureParsed disclosure) {
        if (disclosure.status() != ParseStatus.PARSED) {
            throw new IllegalArgumentException("Only PARSED disclosures are validated; " + disclosure.documentId()
                    + " is " + disclosure.status());
        }
        // The rules share what they read of the document (DocumentScope) for this validation only.
        return DocumentScope.during(disclosure, () -> validateParsed(disclosure));
    }

    private DisclosureValidated validateParsed(DisclosureParsed disclosure) {
        List<RuleVerdict> verdicts = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            RuleDescriptor descriptor = rule.descriptor();
            Rule.Outcome outcome = evaluate(rule, disclosure);
            verdicts.add(new RuleVerdict(descriptor.id(), descriptor.category(), outcome.verdict(), outcome.checks(),
                    outcome.findings().size()));
            outcome.findings().forEach(f -> findings.add(Findings.withTolerance(f)));
        }
        return new DisclosureValidated(disclosure.documentId(), RULESET_VERSION, disclosure.parserVersion(),
                clock.instant(), disclosure.visibility(), verdicts, new EvidenceLocator(disclosure).locate(findings),
                CompletenessRule.score(disclosure), disclosure.revision(), disclosure.owner());
    }

    /** A rule's outcome on the disclosure; NOT_APPLICABLE when the rule's kinds or scopes exclude it. */
    private static Rule.Outcome evaluate(Rule rule, DisclosureParsed disclosure) {
        RuleDescriptor descriptor = rule.descriptor();
        boolean applies = disclosure.meta() == null
                || ((disclosure.meta().kind() == null || descriptor.kinds().contains(disclosure.meta().kind()))
                && (disclosure.meta().scope() == null || descriptor.scopes().contains(disclosure.meta().scope())));
        return applies ? rule.evaluate(disclosure) : Rule.Outcome.notApplicable();
    }
}
