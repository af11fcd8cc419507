package io.budgetlens.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A rectangle on a PDF page, {@code [x0, y0, x1, y1]} in points, in the unrotated user space of the page (origin at
 * the lower-left corner of its crop box, y upward): the space PDF annotations use. Coordinates, not amounts: kept to
 * one decimal.
 */
public record Box(double x0, double y0, double x1, double y1) {

    public Box {
        x0 = round(x0);
        y0 = round(y0);
        x1 = round(x1);
        y1 = round(y1);
    }

    @JsonCreator
    public static Box of(List<? extends Number> corners) {
        if (corners == null || corners.size() != 4) {
            throw new IllegalArgumentException("a box is [x0, y0, x1, y1], got " + corners);
        }
        return new Box(corners.get(0).doubleValue(), corners.get(1).doubleValue(), corners.get(2).doubleValue(),
                corners.get(3).doubleValue());
    }

    /** JSON: four numbers, whole ones without a decimal point ([36, 500.5, 800, 512]). */
    @JsonValue
    public List<Number> corners() {
        return List.of(number(x0), number(y0), number(x1), number(y1));
    }

    private static Number number(double v) {
        return v == Math.rint(v) ? (Number) (long) v : (Number) v;
    }

    /** The smallest box holding both. */
    public Box union(Box other) {
        return other == null ? this : new Box(Math.min(x0, other.x0), Math.min(y0, other.y0),
                Math.max(x1, other.x1), Math.max(y1, other.y1));
    }

    public double width() {
        return x1 - x0;
    }

    public double height() {
        return y1 - y0;
    }

    private static double round(double v) {
        return Math.round(v * 10.0) / 10.0;
    }
}
