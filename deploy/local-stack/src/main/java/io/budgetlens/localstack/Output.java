package io.budgetlens.localstack;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.budgetlens.localstack.StackClient.Disclosure;

/** What the commands print: the result table (aligned for CJK text) and a document's findings. */
public final class Output {

    private Output() {
    }

    /** One row per document (in the order of {@code names}) with kind, year, status and ERROR/WARNING counts. */
    public static void table(PrintStream out, Map<String, String> names, Map<String, Disclosure> views) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"document", "kind", "year", "status", "ERROR", "WARNING"});
        for (var entry : names.entrySet()) {
            Disclosure d = views.get(entry.getKey());
            if (d != null) {
                rows.add(new String[] {entry.getValue(), d.kind(), d.fiscalYear(), d.status(),
                        Integer.toString(d.count("ERROR")), Integer.toString(d.count("WARNING"))});
            }
        }
        aligned(out, rows);
    }

    /** Rows printed as columns, each as wide as its widest cell (CJK counted double), two spaces apart. */
    static void aligned(PrintStream out, List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], displayWidth(row[c]));
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                line.append(row[c]).append(" ".repeat(widths[c] - displayWidth(row[c]) + 2));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** The status line, then each finding with its messages and quoted evidence, then the counts. */
    public static void findings(PrintStream out, Disclosure report) {
        JsonNode json = report.json();
        out.println("status: " + report.status() + ", kind: " + report.kind() + ", fiscal year: "
                + report.fiscalYear() + ", ruleset: " + json.path("rulesetVersion").asText("-"));
        if (report.rejected()) {
            out.println("Not accepted as a disclosure:");
            json.path("rejectionReasons").forEach(r -> out.println("  - " + r.asText()));
            return;
        }
        JsonNode findings = json.path("findings");
        if (findings.isEmpty()) {
            out.println("No findings.");
            return;
        }
        for (JsonNode f : findings) {
            out.printf("%s %s [%s]%n  %s%n  %s%n", f.path("severity").asText(), f.path("ruleId").asText(),
                    f.path("category").asText(), f.path("messageZh").asText(), f.path("messageEn").asText());
            for (JsonNode e : f.path("evidence")) {
                out.println("    > " + e.path("quote").asText());
            }
        }
        out.printf("%d ERROR, %d WARNING, %d INFO%n", report.count("ERROR"), report.count("WARNING"),
                report.count("INFO"));
    }

    /** Terminal columns of a string: CJK and full-width characters take two. */
    public static int displayWidth(String s) {
        return s.codePoints().map(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0x3000 && cp <= 0x303F) ? 2 : 1).sum();
    }
}
