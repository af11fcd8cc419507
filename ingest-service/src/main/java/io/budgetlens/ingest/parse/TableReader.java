package io.budgetlens.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.ParseWarning;
import io.budgetlens.events.TableColumn;
import io.budgetlens.events.TableRow;
import io.budgetlens.ingest.decode.TextTable;

/**
 * Finds the tables of a disclosure and reconstructs them into rows and columns: HTML tables (grids from the decoder,
 * spans expanded), tab-separated tables (Markdown converted from PDF) and pipe rows ("a | b | c |", one row per line,
 * including the portal header block). Each table gets its title (the line before it), unit, header (the rows before
 * the first data row, a blank header cell taking the text above it), column roles and a type classified from its title
 * and headings. Tables flattened to one cell per line are rebuilt by {@link FlatTableReader}.
 */
public final class TableReader {

    static final Pattern CODE = Pattern.compile("\\d{3,7}");
    static final Pattern NUMBER = Pattern.compile("-?\\d{1,3}(,\\d{3})*(\\.\\d+)?|-?\\d+(\\.\\d+)?");
    static final Pattern UNIT = Pattern.compile("单位\\s*[:：]\\s*(万元|元)");
    static final Pattern EMPTY_NOTE = Pattern.compile("(无.{0,20}(收支|预算|数据|支出)|故此表无数据|此表为空)");

    private TableReader() {
    }

    /** Tables found, and warnings about tables that could not be read. */
    public record Result(List<DisclosureTable> tables, List<ParseWarning> warnings) {
    }

    /** A block of text lines holding one table, as cells. */
    private record Block(int start, int end, List<List<String>> grid, List<int[]> rowSpans, String title,
                         String unit) {
        Block(int start, int end, List<List<String>> grid, List<int[]> rowSpans) {
            this(start, end, grid, rowSpans, null, null);
        }
    }

    public static Result read(String text, List<TextTable> htmlTables) {
        return read(text, htmlTables, htmlTables.isEmpty() ? List.of(new int[] {0, text.length()}) : List.of());
    }

    /**
     * Tables of a text whose grids are known (HTML, PDF, spreadsheets), also scanning the given ranges of the text for
     * tables written as text (a multi-part document may join a PDF and a text file).
     */
    public static Result read(String text, List<TextTable> htmlTables, List<int[]> scanRanges) {
        return read(text, htmlTables, scanRanges, new ParseBudget(ParseBudget.Limits.DEFAULT));
    }

    /** The same within a document's budget: at most its tables and cells are read, the rest is a warning. */
    public static Result read(String text, List<TextTable> htmlTables, List<int[]> scanRanges, ParseBudget budget) {
        return read(text, null, htmlTables, scanRanges, budget);
    }

    /**
     * The same with the text's lines ({@code text.split("\n", -1)}, null when not split yet), split once for all the
     * parser's readers: a range that is the whole text is scanned in them.
     */
    static Result read(String text, String[] lines, List<TextTable> htmlTables, List<int[]> scanRanges,
                       ParseBudget budget) {
        List<Block> blocks = new ArrayList<>();
        List<ParseWarning> warnings = new ArrayList<>();
        for (TextTable t : htmlTables) {
            List<int[]> spans = new ArrayList<>();
            int at = t.start();
            for (int r = 0; r < t.grid().size(); r++) {
                int end = text.indexOf('\n', at);
                end = end < 0 ? t.end() : end;
                spans.add(new int[] {at, end});
                at = end + 1;
            }
            blocks.add(new Block(t.start(), t.end(), t.grid(), spans));
        }
        for (int[] range : scanRanges) {
            List<Block> found = new ArrayList<>();
            boolean whole = lines != null && range[0] == 0 && range[1] == text.length();
            scanText(whole ? lines : text.substring(range[0], range[1]).split("\n", -1), found, warnings);
            for (Block b : found) {
                List<int[]> spans = new ArrayList<>();
                b.rowSpans().forEach(span -> spans.add(new int[] {span[0] + range[0], span[1] + range[0]}));
                blocks.add(new Block(b.start() + range[0], b.end() + range[0], b.grid(), spans, b.title(), b.unit()));
            }
        }
        blocks.sort(java.util.Comparator.comparingInt(Block::start));
        List<DisclosureTable> tables = new ArrayList<>();
        int cells = 0;
        int maxTables = budget.limits().maxTables();
        int maxCells = budget.limits().maxCells();
        for (Block block : blocks) {
            int blockCells = block.grid().stream().mapToInt(List::size).sum();
            if (tables.size() == maxTables || cells + blockCells > maxCells) {
                warnings.add(new ParseWarning("TABLE_BUDGET", "Only the first " + tables.size() + " tables ("
                        + cells + " cells) were read; this document has " + blocks.size() + " tables, more than a "
                        + "disclosure has (budget: " + maxTables + " tables, " + maxCells + " cells).",
                        Evidence.ofText("", block.start(), block.start())));
                break;
            }
            cells += blockCells;
            tables.add(build("t" + (tables.size() + 1), text, block));
            if (tables.size() % 50 == 0) {
                budget.checkTime();
            }
        }
        return new Result(tables, warnings);
    }

    /** Runs of tab lines or multi-cell pipe lines; runs of one-cell pipe lines are reported, not read. */
    private static void scanText(String[] lines, List<Block> blocks, List<ParseWarning> warnings) {
        int offset = 0;
        int i = 0;
        int[] starts = new int[lines.length + 1];
        for (int k = 0; k < lines.length; k++) {
            starts[k] = offset;
            offset += lines[k].length() + 1;
        }
        starts[lines.length] = offset;
        // Each line classified once (the loops below asked each line up to three times).
        byte[] kinds = new byte[lines.length];
        for (int k = 0; k < lines.length; k++) {
            kinds[k] = kind(lines[k]);
        }
        while (i < lines.length) {
            if ((kinds[i] & (TAB_ROW | PIPE_ROW)) != 0) {
                boolean tabs = (kinds[i] & TAB_ROW) != 0;
                int j = i;
                List<List<String>> grid = new ArrayList<>();
                List<int[]> spans = new ArrayList<>();
                while (j < lines.length && (kinds[j] & (tabs ? TAB_ROW : PIPE_ROW)) != 0) {
                    grid.add(cells(lines[j], tabs));
                    spans.add(new int[] {starts[j], starts[j] + lines[j].length()});
                    j++;
                }
                blocks.add(new Block(starts[i], starts[j - 1] + lines[j - 1].length(), grid, spans));
                i = j;
            } else if ((kinds[i] & SINGLE_CELL) != 0) {
                int j = i;
                List<FlatTableReader.Cell> run = new ArrayList<>();
                while (j < lines.length && ((kinds[j] & SINGLE_CELL) != 0 || lines[j].isBlank())) {
                    if (!lines[j].isBlank()) {
                        run.add(FlatTableReader.cell(lines[j], starts[j]));
                    }
                    j++;
                }
                if (run.size() >= 6) {
                    String before = i > 0 ? LEADING_MARKS.matcher(lines[i - 1]).replaceAll("").strip() : "";
                    String titleBefore = before.length() <= 40 && !before.contains("。") && !before.isEmpty()
                            ? before.replaceFirst("^\\d+\\.\\s*", "") : null;
                    List<FlatTableReader.Flat> flats = FlatTableReader.read(run, titleBefore);
                    for (FlatTableReader.Flat f : flats) {
                        blocks.add(new Block(f.start(), f.end(), f.grid(), f.rowSpans(), f.title(), f.unit()));
                    }
                    if (flats.isEmpty()) {
                        warnings.add(new ParseWarning("TABLE_NOT_RECONSTRUCTED", "A table flattened to one cell per "
                                + "line (" + (j - i) + " lines) could not be rebuilt into rows", Evidence.ofText(
                                quoted(lines[i]), starts[i], starts[i] + quoted(lines[i]).length())));
                    }
                }
                i = Math.max(j, i + 1);
            } else {
                i++;
            }
        }
    }

    private static final byte TAB_ROW = 1;
    private static final byte PIPE_ROW = 2;
    private static final byte SINGLE_CELL = 4;

    /** {@link #isTabRow}, {@link #isPipeRow} and {@link #isSingleCell} of a line as bits, its pipes counted once. */
    static byte kind(String line) {
        byte kind = isTabRow(line) ? TAB_ROW : 0;
        if (isPipeRow(line)) {
            kind |= PIPE_ROW;
        } else if (endsWithPipe(line)) {
            kind |= SINGLE_CELL;
        }
        return kind;
    }

    static boolean isTabRow(String line) {
        return line.indexOf('\t') >= 0;
    }

    /**
     * "a | b | c |": at least two non-empty cells on the line. The pieces between the bars are found with
     * {@code indexOf}, each read only up to its first non-white character (a one-cell line "支出 |" of a flattened
     * table is read at its first character and after its bar, not character by character to the bar).
     */
    static boolean isPipeRow(String line) {
        int bar = line.indexOf('|');
        if (bar < 0) {
            return false;
        }
        int cells = 0;
        int from = 0;
        while (true) {
            int end = bar < 0 ? line.length() : bar;
            if (!isBlank(line, from, end) && ++cells >= 2) {
                return true;
            }
            if (bar < 0) {
                return false;
            }
            from = bar + 1;
            bar = line.indexOf('|', from);
        }
    }

    /** Whether [from, to) of the line is white space only ({@code Character.isWhitespace}). */
    private static boolean isBlank(String line, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A line whose last character before trailing whitespace is "|" and that holds fewer than two cells. */
    static boolean isSingleCell(String line) {
        return endsWithPipe(line) && !isPipeRow(line);
    }

    /** Whether the last character before trailing whitespace is "|". */
    private static boolean endsWithPipe(String line) {
        int last = line.length() - 1;
        while (last >= 0 && Character.isWhitespace(line.charAt(last))) {
            last--;
        }
        return last >= 0 && line.charAt(last) == '|';
    }

    static List<String> cells(String line, boolean tabs) {
        List<String> out = new ArrayList<>();
        if (tabs) {
            for (String c : line.split("\t", -1)) {
                out.add(c.strip());
            }
        } else {
            String body = line.strip();
            if (body.endsWith("|")) {
                body = body.substring(0, body.length() - 1);
            }
            for (String c : body.split("\\|", -1)) {
                out.add(c.strip());
            }
        }
        return out;
    }

    /** "合计" or "总计", spaces aside. */
    /** 合计 or 总计, spaces aside. */
    static boolean isTotalWord(String cell) {
        String word = cell.replace(" ", "");
        return word.equals("合计") || word.equals("总计");
    }

    /** Patterns compiled once (String.matches and replaceAll compile theirs on every call). */
    private static final Pattern THREE_DIGITS = Pattern.compile("\\d{3}");
    private static final Pattern TWO_DIGITS = Pattern.compile("\\d{2}");
    private static final Pattern DECORATION = Pattern.compile("^[#*\\s]+|\\*+$");
    private static final Pattern LEADING_MARKS = Pattern.compile("^[#*\\s]+");

    /** "公开01表", "表一", "附表3", "附件2": the printed label of a table. */
    static final Pattern LABEL = Pattern.compile("^(公开\\d{1,2}表|附?表[一二三四五六七八九十\\d]+|附件\\d+)$");
    /** "部门：…", "编制部门：…", "编制单位：…", "预算单位：…": the publisher line above a table, not its title. */
    static final Pattern PUBLISHER_LINE = Pattern.compile("^(编制|预算|主管)?(部门|单位|机关)(名称)?\\s*[:：]");

    private static DisclosureTable build(String id, String text, Block block) {
        // The lines of the 2,000 characters before the table, last first, read only as far as needed.
        int window = Math.max(0, block.start() - 2000);
        String title = block.title();
        String unit = block.unit();
        String label = null;
        for (int end = block.start(), seen = 0; end >= window && seen < 5; ) {
            int newline = text.lastIndexOf('\n', end - 1);
            String before = text.substring(Math.max(newline + 1, window), end);
            end = newline < window ? window - 1 : newline;
            String line = DECORATION.matcher(before).replaceAll("").strip();
            if (line.isEmpty()) {
                continue;
            }
            seen++;
            var u = UNIT.matcher(line);
            if (u.find()) {
                unit = unit == null ? u.group(1) : unit;
                String rest = line.substring(0, u.start()).strip();
                if (rest.isEmpty() || PUBLISHER_LINE.matcher(rest).find()) {
                    continue;
                }
                line = rest;
            }
            if (LABEL.matcher(line).matches()) {
                label = label == null ? line : label;
                continue;
            }
            if (line.startsWith("编制单位") || PUBLISHER_LINE.matcher(line).find()) {
                continue;
            }
            if (title == null && line.length() <= 40 && !line.contains("。") && !line.contains("|")) {
                title = line;
                // A label printed on the title's line: "公开01表 收支预算总表".
                String[] words = line.split("\\s+", 2);
                if (words.length == 2 && LABEL.matcher(words[0]).matches()) {
                    label = label == null ? words[0] : label;
                    title = words[1].strip();
                }
                continue;
            }
            break;
        }
        List<List<String>> grid = block.grid();
        int width = 0;
        boolean headerBlock = false;
        for (List<String> row : grid) {
            width = Math.max(width, row.size());
            for (String c : row) {
                headerBlock |= c.contains("索引号") || c.contains("发布机构");
            }
        }
        int firstData = grid.size();
        for (int r = 0; r < grid.size(); r++) {
            if (isDataRow(grid.get(r))) {
                firstData = r;
                break;
            }
        }
        String[] header = new String[width];
        for (int r = 0; r < Math.min(firstData, grid.size()); r++) {
            List<String> row = grid.get(r);
            for (int c = 0; c < width; c++) {
                String cell = c < row.size() ? row.get(c) : "";
                if (!cell.isEmpty()) {
                    header[c] = cell;
                }
            }
        }
        // "科目" spanning code and name, with 科目编码 | 科目名称 printed as a short row below it (收入总表).
        for (int r = 1; r < Math.min(firstData, grid.size()); r++) {
            List<String> sub = grid.get(r);
            List<String> upper = grid.get(r - 1);
            if (!sub.isEmpty() && sub.get(0).startsWith("科目编码") && sub.size() < upper.size()
                    && upper.get(0).contains("科目")) {
                List<String> combined = new ArrayList<>(sub);
                combined.addAll(upper.subList(1, upper.size()));
                for (int c = 0; c < width; c++) {
                    header[c] = c < combined.size() ? combined.get(c) : header[c];
                }
            }
        }
        // The same when flattening put both header rows on one line: 科目 | 总计 | … | 科目编码 | 科目名称.
        for (int r = 0; r < Math.min(firstData, grid.size()); r++) {
            List<String> row = grid.get(r);
            int sub = row.indexOf("科目编码");
            if (sub > 1 && row.get(0).contains("科目")) {
                List<String> combined = new ArrayList<>(row.subList(sub, row.size()));
                combined.addAll(row.subList(1, sub));
                for (int c = 0; c < width; c++) {
                    header[c] = c < combined.size() ? combined.get(c) : header[c];
                }
            }
        }
        int splitCode = splitCodeColumns(header);
        int splitWidth = splitCode < 0 ? 0 : splitCodeWidth(header, splitCode);
        String[] groups = groups(grid.subList(0, Math.min(firstData, grid.size())), width);
        List<TableColumn> columns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            String role = splitCode >= 0 && c >= splitCode && c < splitCode + splitWidth ? "CODE" : role(header[c]);
            columns.add(new TableColumn(c, header[c], role, groups[c]));
        }
        boolean codeAndName = columns.size() > 2 && "CODE".equals(columns.get(0).role())
                && "NAME".equals(columns.get(1).role());
        int codedWidth = grid.stream().filter(row -> !row.isEmpty() && CellKind.isCode(row.get(0)))
                .mapToInt(List::size).max().orElse(columns.size());
        List<TableRow> rows = new ArrayList<>();
        for (int r = 0; r < grid.size(); r++) {
            List<String> cells = grid.get(r);
            if (codeAndName && r >= firstData && cells.size() == codedWidth - 1 && !cells.isEmpty()
                    && isTotalWord(cells.get(0))) {
                // 合计 spans the code and name columns: its values start one column later.
                List<String> padded = new ArrayList<>(cells);
                padded.add(1, "");
                cells = padded;
            }
            String code = splitCode >= 0 ? joinedCode(cells, splitCode, splitWidth) : null;
            // Each cell classified once: the first code, and the first cell that is neither a code nor a figure.
            String firstCode = null;
            String name = null;
            for (int c = 0; c < cells.size() && (firstCode == null || name == null); c++) {
                String cell = cells.get(c);
                if (CellKind.isCode(cell)) {
                    firstCode = firstCode == null ? cell : firstCode;
                } else if (name == null && !cell.isEmpty() && !CellKind.isNumber(cell)) {
                    name = cell;
                }
            }
            code = code == null ? firstCode : code;
            int[] span = block.rowSpans().get(r);
            rows.add(new TableRow(r, code, name, List.copyOf(cells), span[0], span[1]));
        }
        String after = text.substring(block.end(), Math.min(text.length(), block.end() + 200));
        String emptyExplanation = null;
        if (firstData >= grid.size() || grid.subList(firstData, grid.size()).stream()
                .noneMatch(row -> row.stream().anyMatch(c -> CellKind.isNumber(c) && !CellKind.isCode(c)))) {
            List<String> candidates = new ArrayList<>(grid.stream().flatMap(List::stream).toList());
            candidates.addAll(List.of(after.split("\n")));
            for (String line : candidates) {
                if (EMPTY_NOTE.matcher(line).find() && (line.contains("备注") || line.contains("无"))) {
                    emptyExplanation = line.strip();
                    break;
                }
            }
        }
        String[] headerWords = grid.subList(0, Math.min(firstData, grid.size())).stream().flatMap(List::stream)
                .toArray(String[]::new);
        String type = headerBlock ? "HEADER_BLOCK" : TableClassifier.classify(title, headerWords);
        columns = splitSpannedSubjectColumn(columns, grid.subList(Math.min(firstData, grid.size()), grid.size()));
        if ("THREE_PUBLIC".equals(type)) {
            List<List<String>> paths = headerPaths(grid.subList(0, Math.min(firstData, grid.size())), width);
            columns = paths.stream().anyMatch(p -> p.size() >= 2)
                    ? threePublicRolesByPath(columns, paths)
                    : threePublicColumns(columns, grid.subList(Math.min(firstData, grid.size()), grid.size()));
        }
        return new DisclosureTable(id, type, title, unit,
                columns, rows, emptyExplanation, block.start(), block.end(), null, label);
    }

    /** The first of the code columns headed 类 | 款 (| 项) (a code printed in parts, as Shanghai does), or -1. */
    static int splitCodeColumns(String[] header) {
        for (int c = 0; c + 1 < header.length; c++) {
            if ("类".equals(strip(header[c])) && "款".equals(strip(header[c + 1]))) {
                return c;
            }
        }
        return -1;
    }

    /** How many code columns start at a split-code column: 3 with 项, else 2. */
    static int splitCodeWidth(String[] header, int at) {
        return at + 2 < header.length && "项".equals(strip(header[at + 2])) ? 3 : 2;
    }

    private static String strip(String s) {
        return s == null ? "" : Blanks.removed(s);
    }

    /** 201 | 03 | 01 → 2010301; 201 | 03 | "" → 20103; 301 | 01 → 30101; null when the row has no 类 code. */
    static String joinedCode(List<String> cells, int at, int width) {
        if (at + width > cells.size() || !THREE_DIGITS.matcher(cells.get(at).strip()).matches()) {
            return null;
        }
        String code = cells.get(at).strip();
        for (int k = 1; k < width; k++) {
            String part = cells.get(at + k).strip();
            if (!TWO_DIGITS.matcher(part).matches()) {
                break;
            }
            code += part;
        }
        return code;
    }

    /**
     * Column groups of a table printed as income and expenditure side by side: the top heading says 收入 or 支出, a
     * lower one may say 功能分类 / 支出用途 / 经济分类. Null for every column of a one-sided table.
     */
    static String[] groups(List<List<String>> headerRows, int width) {
        String[] groups = new String[width];
        if (headerRows.isEmpty()) {
            return groups;
        }
        boolean income = false;
        boolean expenditure = false;
        for (int c = 0; c < width; c++) {
            List<String> top = headerRows.get(0);
            String t = c < top.size() ? strip(top.get(c)) : "";
            if (t.contains("收入") && !t.contains("支出")) {
                groups[c] = "INCOME";
                income = true;
            } else if (t.contains("支出") && !t.contains("收入")) {
                groups[c] = "EXPENDITURE";
                expenditure = true;
                for (List<String> row : headerRows.subList(1, headerRows.size())) {
                    String h = c < row.size() ? strip(row.get(c)) : "";
                    if (h.contains("支出用途") || h.contains("按支出性质") || h.contains("支出性质")) {
                        groups[c] = "EXPENDITURE_BY_USE";
                    } else if (h.contains("经济分类")) {
                        groups[c] = "EXPENDITURE_ECONOMIC";
                    }
                }
            }
        }
        return income && expenditure ? groups : new String[width];
    }

    /** For each column, its distinct header texts from the top header row down. */
    static List<List<String>> headerPaths(List<List<String>> headerRows, int width) {
        List<List<String>> paths = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            List<String> path = new ArrayList<>();
            for (List<String> row : headerRows) {
                String text = c < row.size() ? strip(row.get(c)) : "";
                if (!text.isEmpty() && !path.contains(text)) {
                    path.add(text);
                }
            }
            paths.add(path);
        }
        return paths;
    }

    /**
     * Roles of a “三公” table with nested headings, by the whole heading path: the 三公 total is the 合计/小计 under
     * “三公”经费 (Jiangsu's table also has 会议费 and 培训费, so its leftmost 合计 is not the 三公 total); the vehicle
     * columns are those under 公务用车; 机关运行经费 printed beside (Shanghai) is its own column. A final account's
     * 预算数 columns are the budget, its 决算数 columns the actual.
     */
    static List<TableColumn> threePublicRolesByPath(List<TableColumn> columns, List<List<String>> paths) {
        boolean extras = paths.stream().flatMap(List::stream).anyMatch(h -> h.contains("会议费") || h.contains("培训费")
                || h.contains("机关运行经费"));
        List<TableColumn> out = new ArrayList<>();
        for (TableColumn column : columns) {
            List<String> path = column.index() < paths.size() ? paths.get(column.index()) : List.of();
            String all = String.join("/", path);
            String last = path.isEmpty() ? "" : path.get(path.size() - 1);
            String role;
            if (all.contains("会议费")) {
                role = "MEETING";
            } else if (all.contains("培训费")) {
                role = "TRAINING";
            } else if (all.contains("机关运行经费")) {
                role = "OPERATING_COSTS";
            } else if (all.contains("因公出国")) {
                role = "OVERSEAS";
            } else if (all.contains("公务接待")) {
                role = "RECEPTION";
            } else if (all.contains("公务用车") || all.contains("车辆")) {
                role = last.contains("购置") && !last.contains("运行") ? "VEHICLE_PURCHASE"
                        : last.contains("运行") && !last.contains("购置") ? "VEHICLE_OPERATION" : "VEHICLE";
            } else if (last.contains("小计") || last.contains("合计") || last.contains("总计")
                    || all.contains("三公") && (last.contains("预算数") || last.contains("决算数"))) {
                role = extras && !all.contains("三公") ? "GRAND_TOTAL" : "TOTAL";
            } else {
                role = column.role();
            }
            String group = all.contains("预算数") ? "BUDGET" : all.contains("决算数") ? "ACTUAL" : column.group();
            out.add(new TableColumn(column.index(), column.header(), role, group));
        }
        return out;
    }

    /** The standard layout of the “三公” table, used when the printed headings do not line up with the data. */
    static final List<String> THREE_PUBLIC_HEADERS = List.of("合计", "因公出国(境)费", "公务用车购置及运行费",
            "公务用车购置费", "公务用车运行费", "公务接待费");

    private static List<TableColumn> threePublicColumns(List<TableColumn> printed, List<List<String>> data) {
        int width = data.stream().mapToInt(List::size).max().orElse(0);
        if (width != THREE_PUBLIC_HEADERS.size()) {
            return printed;
        }
        if (printed.size() == width) {
            List<TableColumn> fixed = new ArrayList<>();
            for (TableColumn c : printed) {
                String role = c.index() == 0 ? "TOTAL" : "小计".equals(c.header()) ? "VEHICLE" : c.role();
                fixed.add(new TableColumn(c.index(), c.header(), role));
            }
            return fixed;
        }
        List<TableColumn> columns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            String header = THREE_PUBLIC_HEADERS.get(c);
            columns.add(new TableColumn(c, header, c == 0 ? "TOTAL" : role(header)));
        }
        return columns;
    }

    /**
     * A "科目" heading spanning the code and name columns (收入总表): when coded data rows are one cell wider than the
     * header, the first column is split into 科目编码 and 科目名称.
     */
    private static List<TableColumn> splitSpannedSubjectColumn(List<TableColumn> columns, List<List<String>> data) {
        if (columns.isEmpty() || columns.get(0).header() == null || !columns.get(0).header().contains("科目")
                || "CODE".equals(columns.get(0).role())) {
            return columns;
        }
        long named = columns.stream().filter(c -> c.header() != null).count();
        boolean wider = data.stream().filter(r -> !r.isEmpty() && CellKind.isCode(r.get(0)))
                .allMatch(r -> r.size() == named + 1);
        if (!wider || data.stream().noneMatch(r -> !r.isEmpty() && CellKind.isCode(r.get(0)))) {
            return columns;
        }
        List<TableColumn> split = new ArrayList<>();
        split.add(new TableColumn(0, "科目编码", "CODE"));
        split.add(new TableColumn(1, "科目名称", "NAME"));
        for (int c = 1; c < named; c++) {
            split.add(new TableColumn(c + 1, columns.get(c).header(), columns.get(c).role()));
        }
        return split;
    }

    /** A data row has a classification code, or a figure outside its first cell. */
    static boolean isDataRow(List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            if (c == 0 && CellKind.isCode(cell)) {
                return true;
            }
            if (c > 0 && CellKind.isNumber(cell) && !CellKind.isCode(cell) || (c > 0
                    && CellKind.isSmallNumber(cell))) {
                return true;
            }
        }
        return false;
    }

    /** What a column holds, from its heading. */
    static String role(String header) {
        if (header == null) {
            return null;
        }
        String h = header.replace(" ", "").toLowerCase(Locale.ROOT);
        if (h.contains("编码") || h.contains("编号")) {
            return "CODE";
        }
        if (h.contains("名称") || h.equals("项目")) {
            return "NAME";
        }
        if (h.contains("因公出国")) {
            return "OVERSEAS";
        }
        if (h.contains("购置及运行")) {
            return "VEHICLE";
        }
        if (h.contains("公务用车购置")) {
            return "VEHICLE_PURCHASE";
        }
        if (h.contains("公务用车运行")) {
            return "VEHICLE_OPERATION";
        }
        if (h.contains("公务接待")) {
            return "RECEPTION";
        }
        if (h.contains("人员经费")) {
            return "PERSONNEL";
        }
        if (h.contains("公用经费")) {
            return "PUBLIC";
        }
        if (h.contains("基本支出")) {
            return "BASIC";
        }
        if (h.contains("项目支出")) {
            return "PROJECT";
        }
        if (h.contains("合计") || h.contains("总计") || h.contains("小计")) {
            return "TOTAL";
        }
        if (h.contains("年初预算")) {
            return "INITIAL_BUDGET";
        }
        if (h.contains("全年") && h.contains("预算")) {
            return "ADJUSTED_BUDGET";
        }
        if (h.contains("执行数") || h.contains("决算数") || h.contains("实际")) {
            return "ACTUAL";
        }
        if (h.contains("权重")) {
            return "WEIGHT";
        }
        if (h.contains("得分")) {
            return "SCORE";
        }
        if (h.contains("一般公共预算")) {
            return "GENERAL_PUBLIC_BUDGET";
        }
        if (h.contains("政府性基金")) {
            return "GOVERNMENT_FUND";
        }
        if (h.contains("国有资本经营")) {
            return "STATE_CAPITAL";
        }
        if (h.contains("预算数")) {
            return "BUDGET";
        }
        return "OTHER";
    }

    /** A line as evidence: at most the quote budget's characters of it, from its start. */
    private static String quoted(String line) {
        int max = ParseBudget.Limits.DEFAULT.maxQuoteChars();
        return line.length() <= max ? line : line.substring(0, max);
    }
}
