package io.budgetlens.ingest.decode.pdf;

import java.util.List;

import io.budgetlens.events.Box;
import io.budgetlens.ingest.decode.TextTable;

/**
 * What the PDF reading gives the parser: the text in reading order (tables as one line per row, cells separated by
 * " | ", running headers/footers and page numbers left out, sentences broken over lines or pages joined), the tables
 * as grids with their rows' positions, and for every character of the text the page and box it was printed at.
 * Offsets here are into {@link #text()} (before normalisation).
 */
public record PdfText(String text, List<TextTable> tables, List<Page> pages, List<Line> lines, Positions positions,
                      List<String> notes) {

    /** One page: number, unrotated crop size, rotation, and the [start, end) range of the text it gave. */
    public record Page(int number, float width, float height, int rotation, int start, int end) {
    }

    /** One output line printed on one page (a paragraph joined over lines keeps one entry per printed line). */
    public record Line(int start, int end, int page, Box box) {
    }

    /** Page and box of each character of the text (page 0: no position, e.g. a space or line break added). */
    public record Positions(int[] page, Box[] box) {

        /** The page and box of [start, end): the union of the positioned characters on the first one's page. */
        public Placed place(int start, int end) {
            int first = -1;
            Box union = null;
            for (int i = Math.max(0, start); i < Math.min(end, page.length); i++) {
                if (page[i] == 0) {
                    continue;
                }
                if (first < 0) {
                    first = page[i];
                }
                if (page[i] == first) {
                    union = union == null ? box[i] : union.union(box[i]);
                }
            }
            return first < 0 ? null : new Placed(first, union);
        }
    }

    /** A page number and a box on it. */
    public record Placed(int page, Box box) {
    }
}
