package io.budgetlens.reporting.api;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * CSV answers (RFC 4180: comma, CRLF, quotes doubled) in UTF-8 with a byte-order mark, so a spreadsheet opened
 * straight from the download shows the Chinese text correctly. Amounts are written as plain decimals. The answer is
 * streamed: rows are written as the database cursor yields them (in one read-only transaction), so an export of
 * 100,000 rows never sits in memory; a failure half-way ends the download early.
 */
final class Csv {

    static final String MEDIA_TYPE = "text/csv";

    private final Writer out;

    private Csv(Writer out) {
        this.out = out;
    }

    /**
     * A streamed CSV download: the header, then whatever {@code rows} writes with {@link #row}, which runs while the
     * answer is being sent, inside a transaction (so the queries it makes can read from a cursor).
     */
    static Response stream(String filename, List<String> header, Consumer<Csv> rows) {
        StreamingOutput body = output -> {
            Csv csv = new Csv(new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024));
            try {
                csv.out.write('\uFEFF');
                csv.row(header);
                QuarkusTransaction.requiringNew().run(() -> rows.accept(csv));
                csv.out.flush();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        };
        return Response.ok(body)
                .type(MediaType.valueOf(MEDIA_TYPE + ";charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }

    Csv row(List<?> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cell(cells.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
