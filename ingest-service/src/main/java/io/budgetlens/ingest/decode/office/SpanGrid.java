package io.budgetlens.ingest.decode.office;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Merged cells expanded the way the PDF reader expands spans, so a table reads the same whichever format it came
 * in: a cell covering several positions keeps its text in its top-left position; in header rows (above the first
 * row with an amount or a leading classification code) the text repeats in every position it covers, so each column
 * reads its own heading; in data rows a label repeats across the columns it covers, never an amount and never down.
 * Rows and columns without any text are dropped.
 */
final class SpanGrid {

    static final Pattern AMOUNT = Pattern.compile("-?[\\d,]+(\\.\\d+)?%?");
    static final Pattern CODE = Pattern.compile("\\d{3,7}");

    /** The expanded grid and, parallel to it, the reference of each cell (null when the source has none). */
    record Expanded(List<List<String>> grid, List<List<String>> refs) {
    }

    private SpanGrid() {
    }

    /**
     * @param text     the text of each position (only owners' texts are read)
     * @param ownerRow the row of the top-left position of the merged cell each position belongs to (itself if none)
     * @param ownerCol the same for the column
     * @param refs     the reference of each position (A1), or null
     */
    static Expanded expand(String[][] text, int[][] ownerRow, int[][] ownerCol, String[][] refs) {
        int nr = text.length;
        int nc = nr == 0 ? 0 : text[0].length;
        int firstData = nr;
        int first = firstTextColumn(text);
        for (int r = 0; r < nr && firstData == nr; r++) {
            for (int c = 0; c < nc; c++) {
                boolean owner = ownerRow[r][c] == r && ownerCol[r][c] == c;
                if (!owner) {
                    continue;
                }
                boolean code = c == first && CODE.matcher(text[r][c]).matches();
                if (code || isAmount(text[r][c])) {
                    firstData = r;
                    break;
                }
            }
        }
        String[][] out = new String[nr][nc];
        String[][] outRefs = refs == null ? null : new String[nr][nc];
        for (int r = 0; r < nr; r++) {
            for (int c = 0; c < nc; c++) {
                int or = ownerRow[r][c];
                int oc = ownerCol[r][c];
                String ownerText = text[or][oc];
                boolean self = or == r && oc == c;
                boolean header = r < firstData;
                boolean copy = !self && (header || or == r && !isAmount(ownerText));
                out[r][c] = self || copy ? ownerText : "";
                if (outRefs != null) {
                    outRefs[r][c] = copy && !ownerText.isEmpty() ? refs[or][oc] : refs[r][c];
                }
            }
        }
        boolean[] keepColumn = new boolean[nc];
        for (int c = 0; c < nc; c++) {
            for (int r = 0; r < nr && !keepColumn[c]; r++) {
                keepColumn[c] = !out[r][c].isEmpty();
            }
        }
        List<List<String>> grid = new ArrayList<>();
        List<List<String>> gridRefs = new ArrayList<>();
        for (int r = 0; r < nr; r++) {
            List<String> row = new ArrayList<>();
            List<String> rowRefs = new ArrayList<>();
            boolean any = false;
            for (int c = 0; c < nc; c++) {
                if (keepColumn[c]) {
                    row.add(out[r][c]);
                    any |= !out[r][c].isEmpty();
                    if (outRefs != null) {
                        rowRefs.add(outRefs[r][c]);
                    }
                }
            }
            if (any) {
                grid.add(row);
                if (outRefs != null) {
                    gridRefs.add(rowRefs);
                }
            }
        }
        return new Expanded(grid, outRefs == null ? null : gridRefs);
    }

    /** The first column that has text in any row of the table (a leading empty column is spacing). */
    private static int firstTextColumn(String[][] text) {
        for (int c = 0; text.length > 0 && c < text[0].length; c++) {
            for (String[] row : text) {
                if (!row[c].isEmpty()) {
                    return c;
                }
            }
        }
        return 0;
    }

    static boolean isAmount(String text) {
        return !text.isEmpty() && AMOUNT.matcher(text).matches() && text.chars().anyMatch(Character::isDigit);
    }
}
