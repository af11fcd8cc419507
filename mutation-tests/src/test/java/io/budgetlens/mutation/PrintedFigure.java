package io.budgetlens.mutation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.budgetlens.events.TableRow;

/**
 * One figure as printed in a disclosure's text: an amount or percentage of the narrative (a number followed by 万元,
 * 元 or %), or a numeric cell of a table line (cells separated by | or tabs). {@code start}/{@code end} are offsets
 * into the text. {@link #changed} is the figure plus {@code delta} units of its own scale — seven unless said otherwise
 * (371.06 → 378.06, 1,137.10 → 1,144.10, 84% → 91%) — printed the same way.
 */
record PrintedFigure(int start, int end, String printed, Kind kind, int line, BigDecimal delta) {

    enum Kind {
        /** An amount of the narrative in 万元 or 元. */
        AMOUNT,
        /** A percentage of the narrative. */
        PERCENT,
        /** A numeric table cell (an amount, a rate, a weight, a score). */
        CELL
    }

    /** The parser's own figure pattern (FactExtractor.FIGURE): a number and its unit. */
    static final Pattern NARRATIVE = Pattern.compile(
            "(?<![\\d.])(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?\\s*(万\\s?元|元|%)");
    static final Pattern CELL_NUMBER = Pattern.compile("(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?%?");
    static final Pattern CELL_SEPARATOR = Pattern.compile("[|\\t]");
    static final BigDecimal SEVEN = BigDecimal.valueOf(7);

    PrintedFigure(int start, int end, String printed, Kind kind, int line) {
        this(start, end, printed, kind, line, SEVEN);
    }

    /** Every printed figure of the text, in order. */
    static List<PrintedFigure> of(String text) {
        List<PrintedFigure> out = new ArrayList<>();
        int lineStart = 0;
        int lineNumber = 0;
        for (String line : text.split("\n", -1)) {
            lineNumber++;
            if (line.contains("|") || line.contains("\t")) {
                Matcher separator = CELL_SEPARATOR.matcher(line);
                int cellStart = 0;
                while (true) {
                    boolean more = separator.find();
                    int cellEnd = more ? separator.start() : line.length();
                    String cell = line.substring(cellStart, cellEnd);
                    String stripped = cell.strip();
                    if (!stripped.isEmpty() && CELL_NUMBER.matcher(stripped).matches()) {
                        int offset = lineStart + cellStart + cell.indexOf(stripped);
                        out.add(new PrintedFigure(offset, offset + stripped.length(), stripped, Kind.CELL, lineNumber));
                    }
                    if (!more) {
                        break;
                    }
                    cellStart = separator.end();
                }
            } else {
                Matcher m = NARRATIVE.matcher(line);
                while (m.find()) {
                    int numberEnd = m.group(2) == null ? m.end(1) : m.end(2);
                    String number = line.substring(m.start(1), numberEnd);
                    out.add(new PrintedFigure(lineStart + m.start(1), lineStart + numberEnd, number,
                            m.group(3).equals("%") ? Kind.PERCENT : Kind.AMOUNT, lineNumber));
                }
            }
            lineStart += line.length() + 1;
        }
        return out;
    }

    /** The number without grouping commas or percent sign. */
    BigDecimal value() {
        return new BigDecimal(printed.replace(",", "").replace("%", ""));
    }

    /** The same figure changed by {@code units} of its own printed scale instead. */
    PrintedFigure withDelta(BigDecimal units) {
        return new PrintedFigure(start, end, printed, kind, line, units);
    }

    /**
     * {@code delta} units more (in the figure's own printed scale: 0.53 → 7.53, 770 → 777), printed like the original.
     */
    String changed() {
        BigDecimal v = value();
        BigDecimal next = v.add(delta).setScale(Math.max(0, v.scale()), RoundingMode.UNNECESSARY);
        String digits = next.toPlainString();
        if (printed.contains(",")) {
            DecimalFormat grouping = new DecimalFormat(next.scale() > 0 ? "#,##0." + "0".repeat(next.scale()) : "#,##0",
                    DecimalFormatSymbols.getInstance(Locale.ROOT));
            digits = grouping.format(next);
        }
        return printed.endsWith("%") ? digits + "%" : digits;
    }

    /** The text with this figure changed. */
    String applyTo(String text) {
        return text.substring(0, start) + changed() + text.substring(end);
    }

    /** The 24 characters before the figure, on one line and without tabs, for the reports. */
    String textBefore(String text) {
        return text.substring(Math.max(0, start - 24), start).replace('\n', '⏎').replace('\t', ' ');
    }

    /**
     * The index of the row's cell that prints this figure, or -1: the row's cells are found in the text in order, a cell
     * printed differently from the parser's (full-width brackets in a name) is passed over.
     */
    int cellIn(String text, TableRow row) {
        int cursor = row.start();
        for (int k = 0; k < row.cells().size(); k++) {
            String cell = row.cells().get(k).strip();
            if (cell.isEmpty()) {
                continue;
            }
            int at = text.indexOf(cell, cursor);
            if (at < 0 || at >= row.end()) {
                continue;
            }
            if (at <= start && end <= at + cell.length()) {
                return k;
            }
            cursor = at + cell.length();
        }
        return -1;
    }
}
