package io.budgetlens.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.ParseWarning;

/**
 * What kind of text a document is, before it is read in detail: how many standard tables it has, whether it is only
 * tables (the tables file of a disclosure published as two files), and whether it is a blank template (placeholders
 * such as XXX 万元 instead of figures).
 */
record DocumentShape(int standardTables, boolean tablesOnly, boolean template, int placeholders) {

    /** The table types of the standard sets (the ones completeness rules count). */
    static final Set<String> STANDARD = Set.of("INCOME_EXPENDITURE_TOTAL", "INCOME", "EXPENDITURE",
            "FISCAL_INCOME_EXPENDITURE_TOTAL", "FISCAL_EXPENDITURE", "FISCAL_BASIC_EXPENDITURE", "GPB_EXPENDITURE",
            "GPB_BASIC_EXPENDITURE", "THREE_PUBLIC", "OPERATING_COSTS", "GOVERNMENT_FUND", "STATE_CAPITAL_EXPENDITURE",
            "PROCUREMENT");
    /** "XXX万元", "XX%", "××", "某某", "＊＊": a placeholder left from a template. */
    static final Pattern PLACEHOLDER = Pattern.compile("(?<![A-Za-z])(X{2,}|×{2,}|某某|\\*{2,}|＊{2,})(?![A-Za-z])");
    /**
     * The placeholder pattern tried only where a placeholder can begin (java.util.regex would try its lookbehind and
     * alternation at every offset of the text).
     */
    static final StartScan PLACEHOLDERS = new StartScan(PLACEHOLDER, "X×某*＊");
    static final Pattern AMOUNT = Pattern.compile("\\d[\\d,]*(\\.\\d+)?\\s*万?元");
    /** Prose below this many characters (outside tables and the 目录) makes a document "only tables". */
    static final int MIN_PROSE = 200;

    static DocumentShape of(String text, List<DisclosureTable> tables, ContentsDetector.Contents contents) {
        return of(text, text.split("\n", -1), tables, contents);
    }

    /** The same with the text's lines ({@code text.split("\n", -1)}), split once for all the parser's readers. */
    static DocumentShape of(String text, String[] lines, List<DisclosureTable> tables,
                            ContentsDetector.Contents contents) {
        int standard = (int) tables.stream().filter(t -> STANDARD.contains(t.type())).count();
        int prose = 0;
        int offset = 0;
        for (String line : lines) {
            int start = offset;
            offset += line.length() + 1;
            if (contents.contains(start) || line.contains("|") || !line.contains("。")) {
                continue;
            }
            final int at = start;
            if (tables.stream().noneMatch(t -> t.start() != null && t.end() != null && at >= t.start() && at < t.end())) {
                prose += line.strip().length();
            }
        }
        int placeholders = PLACEHOLDERS.count(text, 10_000);
        // The amounts matter only beside five placeholders or more, and only up to as many as there are placeholders:
        // counting them in every document was 14 % of the parser's CPU (Rongchang).
        boolean template = placeholders >= 5 && count(AMOUNT.matcher(text), placeholders) < placeholders;
        return new DocumentShape(standard, standard >= 2 && prose < MIN_PROSE, template, placeholders);
    }

    private static int count(Matcher m, int max) {
        int n = 0;
        while (n < max && m.find()) {
            n++;
        }
        return n;
    }

    List<ParseWarning> warnings() {
        List<ParseWarning> warnings = new ArrayList<>();
        if (tablesOnly) {
            warnings.add(new ParseWarning("TABLES_ONLY", "This file holds only tables (" + standardTables
                    + " standard tables, no narrative): it is read as a partial disclosure. Add its narrative part to "
                    + "check the text against the tables (本文件只有公开表，没有情况说明，按部分公开内容处理).", null));
        }
        if (template) {
            warnings.add(new ParseWarning("TEMPLATE", "This looks like a blank template: " + placeholders
                    + " placeholders (XX, ××, 某某) stand where figures should be (疑似未填写的模板).", null));
        }
        return warnings;
    }
}
