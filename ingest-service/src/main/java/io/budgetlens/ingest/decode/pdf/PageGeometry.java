package io.budgetlens.ingest.decode.pdf;

import io.budgetlens.events.Box;

/**
 * The mapping between a page's unrotated user space (relative to its crop box: what the event contract's boxes use)
 * and its display space (what a reader sees after /Rotate: origin top-left, y downward), the same convention as
 * PDFBox's TextPosition.getX()/getY().
 */
record PageGeometry(int number, float cropWidth, float cropHeight, int rotation) {

    PageGeometry {
        rotation = ((rotation % 360) + 360) % 360;
        if (rotation % 90 != 0) {
            rotation = 0;
        }
    }

    /** Width of the page as displayed. */
    float displayWidth() {
        return rotation == 90 || rotation == 270 ? cropHeight : cropWidth;
    }

    float displayHeight() {
        return rotation == 90 || rotation == 270 ? cropWidth : cropHeight;
    }

    /** Display x of a user-space point (crop-relative). */
    float displayX(float x, float y) {
        return switch (rotation) {
            case 90 -> y;
            case 180 -> cropWidth - x;
            case 270 -> cropHeight - y;
            default -> x;
        };
    }

    /** Display y of a user-space point (crop-relative). */
    float displayY(float x, float y) {
        return switch (rotation) {
            case 90 -> x;
            case 180 -> y;
            case 270 -> cropWidth - x;
            default -> cropHeight - y;
        };
    }

    /** The display-space bounding box {x0, y0, x1, y1} of user-space points (crop-relative). */
    float[] displayBounds(float[][] points) {
        float[] box = {Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        for (float[] p : points) {
            float dx = displayX(p[0], p[1]);
            float dy = displayY(p[0], p[1]);
            box[0] = Math.min(box[0], dx);
            box[1] = Math.min(box[1], dy);
            box[2] = Math.max(box[2], dx);
            box[3] = Math.max(box[3], dy);
        }
        return box;
    }

    /** A display-space rectangle as a contract box in unrotated user space. */
    Box toUserBox(float dx0, float dy0, float dx1, float dy1) {
        float[] a = toUser(dx0, dy0);
        float[] b = toUser(dx1, dy1);
        return new Box(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]));
    }

    private float[] toUser(float dx, float dy) {
        return switch (rotation) {
            case 90 -> new float[] {dy, dx};
            case 180 -> new float[] {cropWidth - dx, dy};
            case 270 -> new float[] {cropWidth - dy, cropHeight - dx};
            default -> new float[] {dx, cropHeight - dy};
        };
    }
}
