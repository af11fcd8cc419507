package io.budgetlens.ingest.decode.pdf;

/**
 * A ruling line of a page in display space: horizontal (at y = {@code position}, from x {@code from} to {@code to})
 * or vertical (at x = {@code position}, from y {@code from} to {@code to}). Table borders drawn as strokes or as thin
 * filled rectangles both become rulings.
 */
record Ruling(boolean horizontal, float position, float from, float to) {

    float length() {
        return to - from;
    }

    /** Whether this ruling covers the point along its own axis, within the tolerance. */
    boolean covers(float along, float tolerance) {
        return along >= from - tolerance && along <= to + tolerance;
    }
}
