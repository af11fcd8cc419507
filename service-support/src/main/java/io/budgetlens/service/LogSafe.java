package io.budgetlens.service;

/**
 * User input as it may appear in a log line: control characters (line breaks that would forge log lines, escape
 * sequences a terminal obeys) and invisible format characters (bidirectional overrides) replaced by '?', and cut to
 * 200 characters. For file names, URLs and anything else a caller chose.
 */
public final class LogSafe {

    static final int MAX = 200;

    private LogSafe() {
    }

    public static String text(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX + 1));
        for (int i = 0; i < value.length() && out.length() < MAX; ) {
            int cp = value.codePointAt(i);
            int type = Character.getType(cp);
            out.appendCodePoint(type == Character.CONTROL || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR ? '?' : cp);
            i += Character.charCount(cp);
        }
        if (out.length() >= MAX && value.length() > MAX) {
            out.append('…');
        }
        return out.toString();
    }
}
