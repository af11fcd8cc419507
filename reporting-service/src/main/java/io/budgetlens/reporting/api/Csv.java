package io.budgetlens.reporting.api;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * CSV answers (RFC 4180: comma, CRLF, quotes doubled) in UTF-8 with a byte-order mark, so a spreadsheet opened
 * straight from the download shows the Chinese text correctly. Amounts are written as plain decimals.
 */
final class Csv {

    static final String MEDIA_TYPE = "text/csv";

    private final StringBuilder out = new StringBuilder("\uFEFF");

    Csv(List<String> header) {
        row(header);
    }

    Csv row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value instanceof BigDecimal b ? b.toPlainString() : value.toString();
        // a leading = + - @ would be a formula in a spreadsheet: text from documents is untrusted
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(value instanceof Number)) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    Response response(String filename) {
        return Response.ok(out.toString().getBytes(StandardCharsets.UTF_8))
                .type(MediaType.valueOf(MEDIA_TYPE + ";charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }

    /** Whether the client asked for CSV (Accept: text/csv, or format=csv for a plain link). */
    static boolean wanted(HttpHeaders headers, String format) {
        if (format != null && format.equalsIgnoreCase("csv")) {
            return true;
        }
        if (headers == null) {
            return false;
        }
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()) {
                return false;
            }
        }
        return false;
    }
}
