package io.budgetlens.ingest.decode.pdf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Tables drawn with ruling lines (the lattice method): merged rulings that cross each other form a grid; the grid's
 * distinct row and column edges give the cells; a missing border inside the grid merges two cells (a cell spanning
 * rows or columns). Works in display space, so landscape (/Rotate) pages are read the way they are printed.
 */
final class Lattice {

    /** Rulings closer than this (points) are one line; a crossing may miss by this much. */
    static final float TOLERANCE = 2f;

    private Lattice() {
    }

    /** One grid found on a page: its row edges (y, downward) and column edges (x), and the rulings it is made of. */
    record Grid(float[] rowEdges, float[] columnEdges, List<Ruling> horizontals, List<Ruling> verticals) {

        float x0() {
            return columnEdges[0];
        }

        float x1() {
            return columnEdges[columnEdges.length - 1];
        }

        float y0() {
            return rowEdges[0];
        }

        float y1() {
            return rowEdges[rowEdges.length - 1];
        }

        boolean contains(float x, float y) {
            return x >= x0() - TOLERANCE && x <= x1() + TOLERANCE && y >= y0() - TOLERANCE && y <= y1() + TOLERANCE;
        }

        /** Whether a vertical border separates columns c-1 and c in the band between y0 and y1 (its middle). */
        boolean verticalBorder(int c, float ya, float yb) {
            return ruled(verticals, columnEdges[c], (ya + yb) / 2);
        }

        /** Whether a horizontal border separates rows r-1 and r in the band between x0 and x1 (its middle). */
        boolean horizontalBorder(int r, float xa, float xb) {
            return ruled(horizontals, rowEdges[r], (xa + xb) / 2);
        }

        /** Whether one of the rulings lies at this position (across them) and passes this point (along them). */
        private static boolean ruled(List<Ruling> rulings, float position, float along) {
            for (Ruling r : rulings) {
                if (Math.abs(r.position() - position) <= TOLERANCE && r.covers(along, TOLERANCE)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The grids of a page, top to bottom. A lone frame (fewer than three horizontal lines) is not a table. */
    static List<Grid> grids(List<Ruling> rulings) {
        List<Ruling> horizontals = merge(rulings.stream().filter(Ruling::horizontal).toList());
        List<Ruling> verticals = merge(rulings.stream().filter(r -> !r.horizontal()).toList());
        int n = horizontals.size() + verticals.size();
        DisjointSets crossing = new DisjointSets(n);
        for (int i = 0; i < horizontals.size(); i++) {
            Ruling h = horizontals.get(i);
            for (int j = 0; j < verticals.size(); j++) {
                Ruling v = verticals.get(j);
                if (h.covers(v.position(), TOLERANCE) && v.covers(h.position(), TOLERANCE)) {
                    crossing.union(i, horizontals.size() + j);
                }
            }
        }
        List<Grid> grids = new ArrayList<>();
        boolean[] done = new boolean[n];
        for (int i = 0; i < n; i++) {
            int root = crossing.find(i);
            if (done[root]) {
                continue;
            }
            done[root] = true;
            List<Ruling> hs = new ArrayList<>();
            List<Ruling> vs = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                if (crossing.find(k) == root) {
                    if (k < horizontals.size()) {
                        hs.add(horizontals.get(k));
                    } else {
                        vs.add(verticals.get(k - horizontals.size()));
                    }
                }
            }
            float[] rows = edges(hs);
            float[] columns = edges(vs);
            if (rows.length >= 3 && columns.length >= 2) {
                grids.add(new Grid(rows, columns, hs, vs));
            }
        }
        grids.sort(Comparator.comparingDouble(Grid::y0));
        return grids;
    }

    /** Collinear rulings that overlap or touch become one. */
    static List<Ruling> merge(List<Ruling> rulings) {
        List<Ruling> sorted = new ArrayList<>(rulings);
        sorted.sort(Comparator.comparingDouble(Ruling::position).thenComparingDouble(Ruling::from));
        List<Ruling> merged = new ArrayList<>();
        boolean[] used = new boolean[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            if (used[i]) {
                continue;
            }
            Ruling r = sorted.get(i);
            float position = r.position();
            float from = r.from();
            float to = r.to();
            boolean grew = true;
            while (grew) {
                grew = false;
                for (int j = i + 1; j < sorted.size() && sorted.get(j).position() - position <= TOLERANCE; j++) {
                    Ruling o = sorted.get(j);
                    if (!used[j] && o.from() <= to + TOLERANCE && o.to() >= from - TOLERANCE) {
                        used[j] = true;
                        from = Math.min(from, o.from());
                        to = Math.max(to, o.to());
                        grew = true;
                    }
                }
            }
            merged.add(new Ruling(r.horizontal(), position, from, to));
        }
        return merged;
    }

    /** Distinct positions (clustered within the tolerance), ascending. */
    private static float[] edges(List<Ruling> rulings) {
        float[] positions = new float[rulings.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = rulings.get(i).position();
        }
        Arrays.sort(positions);
        List<Float> edges = new ArrayList<>();
        for (float p : positions) {
            if (edges.isEmpty() || p - edges.get(edges.size() - 1) > TOLERANCE) {
                edges.add(p);
            }
        }
        float[] out = new float[edges.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = edges.get(i);
        }
        return out;
    }
}
