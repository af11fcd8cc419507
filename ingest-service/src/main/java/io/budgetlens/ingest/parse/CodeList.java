package io.budgetlens.ingest.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.ParseWarning;
import io.budgetlens.events.TableRow;

/**
 * The year-versioned classification code list ({@code budgetlens/classification-codes.tsv}) and the check of coded
 * table rows against it: a code it does not know, or a code printed with another name than the list gives for that
 * year, is a parse warning (never a guess).
 */
public final class CodeList {

    /** One name of a code, valid from {@code since} to {@code until} (null: still valid). */
    public record Entry(String code, String name, String kind, int since, Integer until) {

        boolean validIn(Integer year) {
            return year == null || (year >= since && (until == null || year <= until));
        }
    }

    private static final CodeList STANDARD = load();
    /** The types of the tables whose rows are classification codes. */
    private static final List<String> CODED_TYPES = List.of("GPB_EXPENDITURE", "EXPENDITURE", "INCOME",
            "GPB_BASIC_EXPENDITURE", "GOVERNMENT_FUND", "STATE_CAPITAL_EXPENDITURE");

    private final Map<String, List<Entry>> byCode;

    private CodeList(Map<String, List<Entry>> byCode) {
        this.byCode = byCode;
    }

    public static CodeList standard() {
        return STANDARD;
    }

    public List<Entry> entries(String code) {
        return byCode.getOrDefault(code, List.of());
    }

    /** Warnings for the coded rows of classification tables. */
    public List<ParseWarning> check(List<DisclosureTable> tables, Integer fiscalYear) {
        List<ParseWarning> warnings = new ArrayList<>();
        for (DisclosureTable table : tables) {
            if (!CODED_TYPES.contains(table.type())) {
                continue;
            }
            for (TableRow row : table.rows()) {
                if (row.code() == null || row.name() == null) {
                    continue;
                }
                List<Entry> known = entries(row.code());
                if (known.isEmpty()) {
                    warnings.add(new ParseWarning("CODE_UNKNOWN", "Code " + row.code() + " (" + row.name()
                            + ") is not in the code list", evidence(table, row)));
                    continue;
                }
                String printed = normalise(row.name());
                boolean matches = false;
                for (int k = 0; k < known.size() && !matches; k++) {
                    matches = known.get(k).validIn(fiscalYear) && normalise(known.get(k).name()).equals(printed);
                }
                if (!matches) {
                    String expected = known.stream().filter(e -> e.validIn(fiscalYear)).map(Entry::name).findFirst()
                            .orElse(known.get(0).name());
                    warnings.add(new ParseWarning("CODE_NAME_MISMATCH", "Code " + row.code() + " is printed as '"
                            + row.name() + "'; the code list names it '" + expected + "'", evidence(table, row)));
                }
            }
        }
        return warnings;
    }

    /** The row quoted as a warning's evidence (built only for a row that has a warning). */
    private static Evidence evidence(DisclosureTable table, TableRow row) {
        return new Evidence(RowQuote.of(row.cells()), row.start(), row.end(), table.id(), row.index(), 0, null);
    }

    static String normalise(String name) {
        return name.replace("（", "(").replace("）", ")").replace(" ", "");
    }

    private static CodeList load() {
        Map<String, List<Entry>> byCode = new HashMap<>();
        try (InputStream in = CodeList.class.getClassLoader().getResourceAsStream("budgetlens/classification-codes.tsv")) {
            if (in == null) {
                throw new IllegalStateException("Missing budgetlens/classification-codes.tsv");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                Entry e = new Entry(f[0], f[1], f[2], Integer.parseInt(f[3]),
                        f.length > 4 && !f[4].isBlank() ? Integer.valueOf(f[4]) : null);
                byCode.computeIfAbsent(e.code(), k -> new ArrayList<>()).add(e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CodeList(byCode);
    }
}
