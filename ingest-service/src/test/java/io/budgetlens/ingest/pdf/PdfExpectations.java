package io.budgetlens.ingest.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.budgetlens.events.ContentsEntry;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Section;
import io.budgetlens.events.SummaryEntry;
import io.budgetlens.events.TableRow;
import io.budgetlens.testsupport.SharedPdfs;

/**
 * Compares a parsed shared PDF with the values read from it by hand and counts what is right per category
 * (metadata, standard tables found and typed, table cells, summary figures, narrative sentences, 目录 entries),
 * listing every miss. The values read by hand are in src/test/resources/corpus-pdf ({@link #expected(String)}). The
 * acceptance tests assert on it; the table-method comparison reuses the cell scoring.
 */
public final class PdfExpectations {

    /** Right / checked per category, and the misses in words. */
    public static final class Score {
        public final Map<String, int[]> counts = new LinkedHashMap<>();
        public final List<String> misses = new ArrayList<>();

        void check(String category, boolean ok, String miss) {
            int[] c = counts.computeIfAbsent(category, k -> new int[2]);
            c[1]++;
            if (ok) {
                c[0]++;
            } else {
                misses.add(category + ": " + miss);
            }
        }

        public int right(String category) {
            return counts.getOrDefault(category, new int[2])[0];
        }

        public int checked(String category) {
            return counts.getOrDefault(category, new int[2])[1];
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            counts.forEach((k, v) -> b.append(k).append(' ').append(v[0]).append('/').append(v[1]).append("  "));
            return b.toString().strip();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private PdfExpectations() {
    }

    /** The values read by hand from a shared PDF (the "holdout" folder for {@link SharedPdfs#HOLDOUT}, else "expected"). */
    public static JsonNode expected(String name) {
        String folder = SharedPdfs.HOLDOUT.contains(name) ? "holdout" : "expected";
        try (InputStream in = PdfExpectations.class.getResourceAsStream("/corpus-pdf/" + folder + "/" + name + ".json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Score score(JsonNode expected, DisclosureParsed parsed) {
        Score score = new Score();
        meta(expected, parsed, score);
        List<DisclosureTable> matched = tables(expected, parsed, score);
        cells(expected, matched, score);
        summary(expected, parsed, score);
        sentences(expected, parsed, score);
        contents(expected, parsed, score);
        return score;
    }

    static String squash(String s) {
        return s == null ? "" : s.replaceAll("[\\s\\u3000]+", "").replace('（', '(').replace('）', ')')
                .replace('：', ':').replace('，', ',').replace('．', '.').replace('；', ';').replace('％', '%');
    }

    private static void meta(JsonNode expected, DisclosureParsed parsed, Score score) {
        JsonNode meta = expected.path("meta");
        var m = parsed.meta();
        check(score, "meta", "kind", text(meta, "kind"), m.kind() == null ? null : m.kind().name());
        check(score, "meta", "scope", text(meta, "scope"), m.scope() == null ? null : m.scope().name());
        check(score, "meta", "fiscalYear", text(meta, "fiscalYear"),
                m.fiscalYear() == null ? null : m.fiscalYear().toString());
        check(score, "meta", "department", squash(text(meta, "department")), squash(m.department()));
        if (meta.has("province")) {
            check(score, "meta", "province", text(meta, "province"), m.province());
        }
        if (meta.has("district")) {
            check(score, "meta", "district", text(meta, "district"), m.district());
        }
        check(score, "meta", "templateFamily", text(meta, "templateFamily"), m.templateFamily());
        boolean partial = expected.path("partial").asBoolean(false);
        score.check("meta", partial == parsed.isPartial(), "partial expected " + partial);
    }

    private static void check(Score score, String category, String field, String expected, String actual) {
        score.check(category, Objects.equals(expected, actual),
                field + " expected '" + expected + "' got '" + actual + "'");
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Each expected table: a parsed table on an overlapping page with the expected type and unit. */
    private static List<DisclosureTable> tables(JsonNode expected, DisclosureParsed parsed, Score score) {
        List<DisclosureTable> matched = new ArrayList<>();
        for (JsonNode t : expected.path("tables")) {
            List<Integer> pages = new ArrayList<>();
            t.path("pages").forEach(p -> pages.add(p.asInt()));
            String type = t.path("type").asText();
            DisclosureTable found = null;
            for (DisclosureTable candidate : parsed.tables()) {
                if (candidate.pages() != null && candidate.pages().stream().anyMatch(pages::contains)
                        && (found == null || type.equals(candidate.type()))) {
                    found = candidate;
                }
            }
            String name = t.path("title").asText() + " p" + pages;
            score.check("tables found", found != null, name + " not found");
            score.check("tables typed", found != null && type.equals(found.type()),
                    name + " typed " + (found == null ? "-" : found.type()) + ", expected " + type);
            if (found != null && t.has("unit")) {
                score.check("tables typed", t.path("unit").asText().equals(found.unit()),
                        name + " unit " + found.unit() + ", expected " + t.path("unit").asText());
            }
            if (found != null && t.has("label")) {
                score.check("tables typed", t.path("label").asText().equals(found.label()),
                        name + " label " + found.label() + ", expected " + t.path("label").asText());
            }
            if (found != null && t.has("pages")) {
                score.check("tables found", pages.equals(found.pages()),
                        name + " pages " + found.pages() + ", expected " + pages);
            }
            matched.add(found);
        }
        return matched;
    }

    private static final Pattern CODE_AND_NAME = Pattern.compile("^(\\d{3,7})?\\s*(.*)$");

    private static void cells(JsonNode expected, List<DisclosureTable> matched, Score score) {
        int i = 0;
        for (JsonNode t : expected.path("tables")) {
            DisclosureTable table = matched.get(i++);
            for (JsonNode cell : t.path("cells")) {
                String want = cell.path("value").asText().replace(",", "");
                String where = t.path("title").asText() + " [" + cell.path("row").asText() + " / "
                        + cell.path("column").asText() + "]";
                if (table == null) {
                    score.check("cells", false, where + ": table not found");
                    continue;
                }
                String got = cellValue(table, cell.path("row").asText(), cell.path("column").asText());
                if (want.isEmpty() && firstDataRow(table) >= table.rows().size()) {
                    got = ""; // an empty table: every cell is blank
                }
                score.check("cells", want.equals(got), where + " expected '" + want + "' got '" + got + "'");
            }
        }
    }

    /** The value of the cell at a row (by code and/or name, as printed) and a column (by heading path). */
    public static String cellValue(DisclosureTable table, String rowLabel, String columnLabel) {
        int firstData = firstDataRow(table);
        // The hand-written labels: "(only row)", "group/…/item" (an item under its groups), "item (under group)".
        String label = rowLabel.strip();
        List<String> groups = new ArrayList<>();
        Matcher under = Pattern.compile("^(.*?)\\s*\\(under ([^)]*)\\)\\s*$").matcher(label);
        if (under.matches()) {
            label = under.group(1).strip();
            groups.add(under.group(2).strip());
        }
        boolean onlyRow = label.equals("(only row)");
        int from = firstData;
        if (onlyRow) {
            label = "";
        } else if (label.contains("/")) {
            String[] segments = label.split("/");
            groups.addAll(0, List.of(segments).subList(0, segments.length - 1));
            label = segments[segments.length - 1].strip();
        }
        for (String group : groups) {
            String g = squash(group);
            for (TableRow row : table.rows()) {
                if (row.index() >= from && row.cells().stream().anyMatch(c -> squash(c).equals(g))) {
                    from = row.index();
                    break;
                }
            }
        }
        Matcher m = CODE_AND_NAME.matcher(label);
        m.matches();
        String code = m.group(1);
        String name = squash(m.group(2));
        List<String> paths = columnPaths(table, firstData);
        List<Integer> columns = new ArrayList<>();
        String wanted = squash(columnLabel);
        for (int c = 0; c < paths.size(); c++) {
            if (paths.get(c).endsWith(wanted) || paths.get(c).equals(wanted)) {
                columns.add(c);
            }
        }
        if (columns.isEmpty()) {
            String last = wanted.contains("/") ? wanted.substring(wanted.lastIndexOf('/') + 1) : wanted;
            for (int c = 0; c < paths.size(); c++) {
                if (paths.get(c).endsWith(last)) {
                    columns.add(c);
                }
            }
        }
        for (TableRow row : table.rows()) {
            if (row.index() < from) {
                continue;
            }
            int nameAt = -1;
            int codeAt = -1;
            for (int c = 0; c < row.cells().size(); c++) {
                String cell = squash(row.cells().get(c));
                if (nameAt < 0 && !name.isEmpty() && cell.equals(name)) {
                    nameAt = c;
                }
                if (codeAt < 0 && code != null && cell.equals(code)) {
                    codeAt = c;
                }
            }
            boolean codeOk = code == null || code.equals(row.code()) || codeAt >= 0;
            boolean nameOk = name.isEmpty() || nameAt >= 0 || name.equals(squash(row.name()));
            if (!codeOk || !nameOk) {
                continue;
            }
            // Of the matching columns, the first one right of the label (side-by-side groups) that is not the label
            // itself repeated over a span.
            int labelAt = Math.max(nameAt, codeAt);
            String labelText = labelAt < 0 ? null : squash(row.cells().get(labelAt));
            for (int c : columns) {
                if (c > labelAt && c < row.cells().size() && !squash(row.cells().get(c)).equals(labelText)) {
                    return row.cells().get(c).replace(",", "");
                }
            }
            return "<no column " + columnLabel + " in " + paths + ">";
        }
        return "<no row>";
    }

    /** The first row with a code or an amount; in a table without any, the 合计 row; else none. */
    static int firstDataRow(DisclosureTable table) {
        for (TableRow row : table.rows()) {
            for (int c = 0; c < row.cells().size(); c++) {
                String cell = row.cells().get(c).replace(",", "");
                if (c == 0 && cell.matches("\\d{3,7}") || cell.matches("-?\\d+\\.\\d+|-?\\d{1,2}")) {
                    // A blank 合计 row right above the first coded row (an empty template) is data too.
                    TableRow above = row.index() > 0 ? table.rows().get(row.index() - 1) : null;
                    boolean blankTotal = above != null && squash(above.cells().get(0)).matches("合计|总计")
                            && above.cells().stream().skip(1).anyMatch(String::isBlank);
                    return blankTotal ? above.index() : row.index();
                }
            }
        }
        // An empty table: the first row labelled 合计, 一、… or with a code whose other cells are blank.
        for (TableRow row : table.rows()) {
            if (!row.cells().isEmpty() && squash(row.cells().get(0)).matches("合计|总计|[一二三四五六七八九十]+、.*|\\d{3,7}")
                    && row.cells().stream().anyMatch(String::isBlank)) {
                return row.index();
            }
        }
        return table.rows().size();
    }

    /** For each column, the distinct header texts above the data joined by '/'. */
    static List<String> columnPaths(DisclosureTable table, int firstData) {
        int width = table.rows().stream().mapToInt(r -> r.cells().size()).max().orElse(0);
        List<String> paths = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            List<String> parts = new ArrayList<>();
            for (TableRow row : table.rows()) {
                if (row.index() >= firstData) {
                    break;
                }
                String text = c < row.cells().size() ? squash(row.cells().get(c)) : "";
                if (!text.isEmpty() && !parts.contains(text)) {
                    parts.add(text);
                }
            }
            if (parts.isEmpty() && table.columns() != null && c < table.columns().size()) {
                parts.add(squash(table.columns().get(c).header()));
            }
            paths.add(String.join("/", parts));
        }
        return paths;
    }

    private static void summary(JsonNode expected, DisclosureParsed parsed, Score score) {
        expected.path("summary").properties().forEach(e -> {
            String key = e.getKey();
            String want = e.getValue().asText();
            if (key.endsWith("@scope")) {
                String base = key.substring(0, key.length() - "@scope".length());
                SummaryEntry entry = parsed.summary().get(base);
                score.check("summary", entry != null && want.equals(entry.scope() == null ? null
                        : entry.scope().name()), key + " expected " + want + " got "
                        + (entry == null ? "-" : entry.scope()));
            } else if (key.endsWith("@元")) {
                String base = key.substring(0, key.length() - "@元".length());
                SummaryEntry entry = parsed.summary().get(base);
                BigDecimal yuan = new BigDecimal(want);
                boolean ok = entry != null && ("元".equals(entry.printedUnit())
                        ? entry.printed().compareTo(yuan) == 0
                        : entry.value().compareTo(yuan.movePointLeft(4)) == 0);
                score.check("summary", ok, key + " expected " + want + "元 got "
                        + (entry == null ? "-" : entry.value() + "万元 printed " + entry.printed()));
            } else {
                SummaryEntry entry = parsed.summary().get(key);
                BigDecimal v = new BigDecimal(want);
                boolean ok = entry != null && within(entry.value(), v);
                score.check("summary", ok, key + " expected " + want + " got "
                        + (entry == null ? "-" : entry.value().toPlainString()));
            }
        });
    }

    /** The parsed value rounds to the expected one at the expected's printed precision. */
    static boolean within(BigDecimal parsed, BigDecimal expected) {
        BigDecimal half = BigDecimal.ONE.movePointLeft(Math.max(0, expected.scale())).divide(BigDecimal.valueOf(2));
        return parsed.subtract(expected).abs().compareTo(half) <= 0;
    }

    private static void sentences(JsonNode expected, DisclosureParsed parsed, Score score) {
        String text = squash(parsed.text());
        for (JsonNode s : expected.path("narrativeFigures")) {
            String sentence = squash(s.path("sentence").asText());
            score.check("sentences", text.contains(sentence), "not found: " + s.path("sentence").asText());
            if (s.path("brokenAcrossLines").asBoolean(false) && text.contains(sentence)) {
                // A sentence broken over lines or pages must be on one line of the text.
                boolean oneLine = parsed.text().lines().map(PdfExpectations::squash)
                        .anyMatch(line -> line.contains(sentence));
                score.check("sentences", oneLine, "not on one line: " + s.path("sentence").asText());
            }
        }
    }

    private static void contents(JsonNode expected, DisclosureParsed parsed, Score score) {
        List<String> want = new ArrayList<>();
        expected.path("contents").forEach(c -> want.add(squash(c.asText())));
        List<String> got = parsed.contents() == null ? List.of()
                : parsed.contents().stream().map(ContentsEntry::title).map(PdfExpectations::squash).toList();
        for (String w : want) {
            score.check("contents", got.contains(w), "目录 entry missing: " + w);
        }
        for (Section s : parsed.sections()) {
            if (s.empty()) {
                String title = squash(s.number() + s.title());
                boolean tocHeading = want.stream().anyMatch(w -> w.endsWith(squash(s.title())));
                score.check("no toc section", !tocHeading, "empty section from the 目录: " + title);
            }
        }
    }
}
