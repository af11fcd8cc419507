package io.budgetlens.mutation;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureValidated;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.Finding;
import io.budgetlens.ingest.decode.DecodedDocument;
import io.budgetlens.validation.rules.RuleEngine;

/**
 * One printed figure of a sample changed in the document's own text, then parsed and validated. The change is caught
 * when a WARNING or ERROR finding that the unchanged document does not have quotes the changed figure: one of its
 * evidence items covers the figure's place in the changed text (or, for evidence without offsets, quotes it).
 */
record Mutant(String file, PrintedFigure figure, Set<String> caughtBy) {

    boolean caught() {
        return !caughtBy.isEmpty();
    }

    /** The unchanged document's findings, as comparable signatures. */
    static Set<String> baseline(DisclosureValidated report) {
        Set<String> out = new HashSet<>();
        for (Finding f : report.findings()) {
            out.add(signature(f, null, null));
        }
        return out;
    }

    static Mutant run(String file, DecodedDocument original, PrintedFigure figure, RuleEngine engine,
                      Set<String> baseline) {
        String printed = original.originalText();
        int from = original.originalOffset(figure.start());
        int to = original.originalOffset(figure.end());
        String changed = asPrinted(figure.changed(), printed.substring(from, to));
        byte[] content = (printed.substring(0, from) + changed + printed.substring(to)).getBytes(StandardCharsets.UTF_8);
        return new Mutant(file, figure, caughtBy(Samples.parse(file, content), figure, engine, baseline));
    }

    /**
     * The rules that report, on the changed document, a WARNING or ERROR that the unchanged one does not have and whose
     * evidence quotes the changed figure at its place.
     */
    static Set<String> caughtBy(DisclosureParsed parsed, PrintedFigure figure, RuleEngine engine,
                                Set<String> baseline) {
        Set<String> caughtBy = new LinkedHashSet<>();
        if (parsed.text() != null) {
            int start = figure.start();
            int end = start + figure.changed().length();
            List<Finding> findings = engine.validate(parsed).findings();
            for (Finding f : findings) {
                if (f.severity().isAnomaly() && !baseline.contains(signature(f, figure.changed(), figure.printed()))
                        && f.evidence() != null && f.evidence().stream().anyMatch(e -> quotes(e, figure, start, end))) {
                    caughtBy.add(f.ruleId());
                }
            }
        }
        return caughtBy;
    }

    /** Full-width digits stay full-width. */
    private static String asPrinted(String ascii, String original) {
        boolean fullWidth = original.chars().anyMatch(c -> c >= '\uFF10' && c <= '\uFF19');
        if (!fullWidth) {
            return ascii;
        }
        StringBuilder out = new StringBuilder();
        ascii.chars().forEach(c -> out.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : (char) c));
        return out.toString();
    }

    private static boolean quotes(Evidence e, PrintedFigure figure, int start, int end) {
        if (e.quote() == null || !containsNumber(e.quote(), figure.changed())) {
            return false;
        }
        if (e.start() != null && e.end() != null) {
            return e.start() <= start && end <= e.end();
        }
        return true;
    }

    /** The number occurs in the text, not as part of a longer number. */
    static boolean containsNumber(String text, String number) {
        return Pattern.compile("(?<![\\d.,])" + Pattern.quote(number) + "(?![\\d]|[.,]\\d)").matcher(text).find();
    }

    /**
     * What identifies a finding across the two runs: rule, severity, the quotes of its evidence and the value it
     * found, with the changed figure put back as it was printed (so a finding the unchanged document already has, on
     * the same sentence or row, is not counted as new).
     */
    static String signature(Finding f, String changed, String printed) {
        StringBuilder s = new StringBuilder(f.ruleId()).append('|').append(f.severity()).append('|')
                .append(f.actual() == null ? "" : f.actual().stripTrailingZeros().toPlainString());
        if (f.evidence() != null) {
            for (Evidence e : f.evidence()) {
                s.append('|').append(e.quote());
            }
        }
        String out = s.toString();
        if (changed != null) {
            out = out.replace(changed, printed);
            String changedValue = new java.math.BigDecimal(changed.replace(",", "").replace("%", ""))
                    .stripTrailingZeros().toPlainString();
            String printedValue = new java.math.BigDecimal(printed.replace(",", "").replace("%", ""))
                    .stripTrailingZeros().toPlainString();
            String head = f.ruleId() + "|" + f.severity() + "|";
            if (out.startsWith(head + changedValue + "|") || out.equals(head + changedValue)) {
                out = head + printedValue + out.substring(head.length() + changedValue.length());
            }
        }
        return out;
    }
}
