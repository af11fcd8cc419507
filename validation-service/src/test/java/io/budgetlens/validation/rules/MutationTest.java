package io.budgetlens.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import io.budgetlens.events.Change;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.Fact;
import io.budgetlens.events.Finding;
import io.budgetlens.events.TableRow;
import io.budgetlens.testsupport.ParsedBuilder;

/**
 * Mutation test on the plain-Java core: in the parsed corpus, every figure that takes part in at least one identity is
 * changed, one at a time, by at least 1 % and by two units of its last printed digit; a change counts as caught when
 * the engine then raises a new finding whose evidence points at the changed figure. The shares measured are in the
 * module README; the test fails when they drop below that level.
 */
class MutationTest {

    static final String[] CORPUS = {"banan-2024-budget.md", "jiangjin-2024-final-accounts.txt",
            "qianjiang-2024-budget.txt", "rongchang-2025-unit-budget.txt", "wulong-2020-final-accounts.txt"};

    /** Floors measured on 2026-11-25 (see README); raise them when the rules get better, never lower them silently. */
    static final double ONE_PERCENT_FLOOR = 0.87;
    static final double TWO_UNITS_FLOOR = 0.90;

    private final RuleEngine engine = RuleEngine.standard(Clock.systemUTC());

    record Tally(int mutations, int caught) {
        double share() {
            return mutations == 0 ? 0 : (double) caught / mutations;
        }
    }

    @Test
    void changedFiguresAreCaught() throws IOException {
        int[] pct = new int[2];
        int[] units = new int[2];
        for (String file : CORPUS) {
            DisclosureParsed parsed = CorpusValidationTest.corpus(file);
            Set<String> baseline = keys(engine.validate(parsed).findings());
            for (Evidence operand : engine.operands(parsed)) {
                for (boolean onePercent : new boolean[] {true, false}) {
                    int[] tally = onePercent ? pct : units;
                    for (Mutant mutant : mutants(parsed, operand, onePercent)) {
                        tally[0]++;
                        List<Finding> findings = engine.validate(mutant.parsed()).findings();
                        boolean caught = findings.stream().anyMatch(f -> !baseline.contains(key(f))
                                && f.evidence() != null && f.evidence().stream().anyMatch(mutant::pointsAt));
                        if (caught) {
                            tally[1]++;
                        }
                    }
                }
            }
        }
        Tally onePercent = new Tally(pct[0], pct[1]);
        Tally twoUnits = new Tally(units[0], units[1]);
        System.out.printf("Mutation test: by >= 1%%: %d/%d caught (%.1f%%); by 2 units: %d/%d caught (%.1f%%)%n",
                onePercent.caught(), onePercent.mutations(), 100 * onePercent.share(), twoUnits.caught(),
                twoUnits.mutations(), 100 * twoUnits.share());
        assertThat(onePercent.mutations()).isGreaterThan(200);
        assertThat(onePercent.share()).isGreaterThanOrEqualTo(ONE_PERCENT_FLOOR);
        assertThat(twoUnits.share()).isGreaterThanOrEqualTo(TWO_UNITS_FLOOR);
    }

    /** A mutated copy and the evidence of the changed figure. */
    record Mutant(DisclosureParsed parsed, Evidence target) {
        boolean pointsAt(Evidence e) {
            if (target.tableId() != null) {
                return target.tableId().equals(e.tableId()) && target.row().equals(e.row())
                        && (e.column() == null || target.column().equals(e.column()));
            }
            return e.tableId() == null && target.start() != null && target.start().equals(e.start());
        }
    }

    private static List<Mutant> mutants(DisclosureParsed d, Evidence operand, boolean onePercent) {
        List<Mutant> out = new ArrayList<>();
        if (operand.tableId() != null && operand.row() != null && operand.column() != null) {
            DisclosureTable table = d.tables().stream().filter(t -> t.id().equals(operand.tableId())).findFirst()
                    .orElse(null);
            if (table == null || operand.row() >= table.rows().size()) {
                return out;
            }
            TableRow row = table.rows().get(operand.row());
            String printed = row.cells().get(operand.column());
            BigDecimal value = printed.isBlank() ? BigDecimal.ZERO : new BigDecimal(printed.replace(",", ""));
            List<String> cells = new ArrayList<>(row.cells());
            cells.set(operand.column(), mutate(value, onePercent).toPlainString());
            List<TableRow> rows = new ArrayList<>(table.rows());
            rows.set(operand.row(), new TableRow(row.index(), row.code(), row.name(), cells, row.start(), row.end()));
            DisclosureTable changed = new DisclosureTable(table.id(), table.type(), table.title(), table.unit(),
                    table.columns(), rows, table.emptyExplanation(), table.start(), table.end());
            List<DisclosureTable> tables = new ArrayList<>(d.tables());
            tables.set(tables.indexOf(table), changed);
            out.add(new Mutant(copy(d, tables, d.facts()), operand));
            return out;
        }
        for (int i = 0; i < d.facts().size(); i++) {
            Fact f = d.facts().get(i);
            if (!operand.equals(f.evidence())) {
                continue;
            }
            List<UnaryOperator<Fact>> changes = new ArrayList<>();
            if (f.value() != null) {
                changes.add(x -> withValue(x, mutate(x.value(), onePercent)));
            }
            if (f.change() != null && f.change().amount() != null) {
                changes.add(x -> withChange(x, mutate(x.change().amount(), onePercent), x.change().percent()));
            }
            if (f.change() != null && f.change().percent() != null) {
                changes.add(x -> withChange(x, x.change().amount(), mutate(x.change().percent(), onePercent)));
            }
            if (f.share() != null) {
                changes.add(x -> new Fact(x.id(), x.key(), x.label(), x.value(), x.unit(), x.decimals(), x.basis(),
                        x.scope(), x.change(), mutate(x.share(), onePercent), x.shareDecimals(), x.evidence()));
            }
            for (UnaryOperator<Fact> change : changes) {
                List<Fact> facts = new ArrayList<>(d.facts());
                facts.set(i, change.apply(f));
                out.add(new Mutant(copy(d, d.tables(), facts), operand));
            }
        }
        return out;
    }

    /** At least 1 % (never less than one unit of the last digit), or exactly two units of the last digit. */
    static BigDecimal mutate(BigDecimal value, boolean onePercent) {
        int scale = Math.max(0, value.scale());
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        BigDecimal step = onePercent
                ? value.abs().multiply(new BigDecimal("0.01")).setScale(scale, RoundingMode.CEILING).max(unit)
                : unit.multiply(BigDecimal.valueOf(2));
        return value.add(step).setScale(scale, RoundingMode.UNNECESSARY);
    }

    private static Fact withValue(Fact f, BigDecimal v) {
        return new Fact(f.id(), f.key(), f.label(), v, f.unit(), f.decimals(), f.basis(), f.scope(), f.change(), f.share(),
                f.shareDecimals(), f.evidence());
    }

    private static Fact withChange(Fact f, BigDecimal amount, BigDecimal percent) {
        Change c = f.change();
        return new Fact(f.id(), f.key(), f.label(), f.value(), f.unit(), f.decimals(), f.basis(), f.scope(),
                new Change(amount, c.amountDecimals(), percent, c.percentDecimals(), c.directionWord(), c.sign(), c.base()),
                f.share(), f.shareDecimals(), f.evidence());
    }

    private static DisclosureParsed copy(DisclosureParsed d, List<DisclosureTable> tables, List<Fact> facts) {
        return ParsedBuilder.from(d).tables(tables).facts(facts).build();
    }

    private static Set<String> keys(List<Finding> findings) {
        Set<String> keys = new HashSet<>();
        findings.forEach(f -> keys.add(key(f)));
        return keys;
    }

    private static String key(Finding f) {
        return f.ruleId() + "|" + f.messageEn();
    }
}
