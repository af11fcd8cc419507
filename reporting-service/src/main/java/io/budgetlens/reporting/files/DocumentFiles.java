package io.budgetlens.reporting.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.type.TypeReference;

import io.budgetlens.events.EventJson;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.ParsedPart;
import io.budgetlens.reporting.query.DisclosureQueries;
import io.budgetlens.reporting.query.DisclosureQueries.FindingRow;
import io.budgetlens.reporting.store.DisclosureEntity;
import io.budgetlens.reporting.store.DisclosureRepository;

/**
 * The original files of stored disclosures, put to use: a page rendered as an image (to show a finding's evidence
 * where it is printed), the PDF annotated with every WARNING and ERROR finding, and the findings as a spreadsheet.
 */
@ApplicationScoped
public class DocumentFiles {

    @Inject
    DisclosureRepository repository;

    @Inject
    DisclosureQueries queries;

    @ConfigProperty(name = "budgetlens.files.max-page-pixels", defaultValue = "4000000")
    long maxPagePixels;

    private static final TypeReference<List<ParsedPart>> PARTS = new TypeReference<>() {
    };
    private static final TypeReference<List<Evidence>> EVIDENCE = new TypeReference<>() {
    };

    /** A rendered page of a disclosure's PDF (part 1-based, null for a document of one file). */
    @Transactional
    public PageRenderer.Rendered page(String documentId, Integer part, int page) {
        byte[] pdf = pdf(documentId, part);
        try {
            return PageRenderer.render(pdf, page, maxPagePixels, 2f);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(e.getMessage());
        }
    }

    /** The PDF of one part with a highlight and a bilingual comment for each WARNING and ERROR finding on it. */
    @Transactional
    public byte[] annotated(String documentId, Integer part) {
        byte[] pdf = pdf(documentId, part);
        List<AnnotatedPdf.Mark> marks = new ArrayList<>();
        for (FindingRow f : queries.findingsOf(documentId)) {
            if (!"ERROR".equals(f.severity()) && !"WARNING".equals(f.severity())) {
                continue;
            }
            for (Evidence e : evidence(f)) {
                if (e.page() == null || e.box() == null || e.documentId() != null
                        || (part == null ? e.part() != null && e.part() != 1 : !part.equals(e.part() == null ? 1 : e.part()))) {
                    continue;
                }
                marks.add(new AnnotatedPdf.Mark(e.page(), e.box(), f.severity(), "BudgetLens " + f.ruleId() + " "
                        + f.severity(), comment(f)));
            }
        }
        return AnnotatedPdf.annotate(pdf, marks);
    }

    /** The findings of a disclosure as an .xlsx workbook, one row per finding and piece of evidence. */
    @Transactional
    public byte[] findingsWorkbook(String documentId) {
        entity(documentId);
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("findings");
            String[] head = {"规则 rule", "严重程度 severity", "类别 category", "说明", "description", "应为 expected",
                "下限 low", "上限 high", "实为 found", "超出 excess", "单位 unit", "页 page", "引文 quote"};
            Row h = sheet.createRow(0);
            for (int c = 0; c < head.length; c++) {
                h.createCell(c).setCellValue(head[c]);
            }
            int r = 1;
            for (FindingRow f : queries.findingsOf(documentId)) {
                var expected = f.expected() == null ? null : EventJson.mapper().readTree(f.expected());
                List<Evidence> evidence = evidence(f);
                Evidence first = evidence.isEmpty() ? null : evidence.get(0);
                Row row = sheet.createRow(r++);
                text(row, 0, f.ruleId());
                text(row, 1, f.severity());
                text(row, 2, f.category());
                text(row, 3, f.messageZh());
                text(row, 4, f.messageEn());
                text(row, 5, expected == null ? null : expected.path("value").asText(null));
                text(row, 6, expected == null ? null : expected.path("low").asText(null));
                text(row, 7, expected == null ? null : expected.path("high").asText(null));
                text(row, 8, plain(f.actual()));
                text(row, 9, plain(f.excess()));
                text(row, 10, f.unit());
                text(row, 11, first == null || first.page() == null ? null : first.page().toString());
                text(row, 12, first == null ? null : first.quote());
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(Row row, int column, String value) {
        if (value != null) {
            // Amounts stay text: exactly as computed, never a binary floating-point cell.
            row.createCell(column).setCellValue(value);
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    static String comment(FindingRow f) {
        StringBuilder b = new StringBuilder();
        b.append(f.messageZh() == null ? "" : f.messageZh()).append('\n');
        b.append(f.messageEn() == null ? "" : f.messageEn());
        if (f.expected() != null) {
            var expected = EventJson.read(f.expected().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    io.budgetlens.events.Interval.class);
            b.append("\n应为 expected: ").append(expected.value() == null ? "" : expected.value().toPlainString())
                    .append(" (").append(expected.low() == null ? "" : expected.low().toPlainString()).append(" … ")
                    .append(expected.high() == null ? "" : expected.high().toPlainString()).append(')');
        }
        if (f.actual() != null) {
            b.append("\n实为 found: ").append(f.actual().toPlainString());
        }
        if (f.excess() != null) {
            b.append("\n超出容差 beyond the tolerance: ").append(f.excess().toPlainString());
        }
        if (f.unit() != null) {
            b.append(' ').append(f.unit());
        }
        return b.toString();
    }

    private static List<Evidence> evidence(FindingRow f) {
        if (f.evidence() == null) {
            return List.of();
        }
        try {
            return EventJson.mapper().readValue(f.evidence(), EVIDENCE);
        } catch (IOException e) {
            return List.of();
        }
    }

    private DisclosureEntity entity(String documentId) {
        DisclosureEntity entity = repository.findById(documentId);
        if (entity == null) {
            throw new NotFoundException("No disclosure " + documentId + " is known (yet).");
        }
        return entity;
    }

    /** The stored PDF of a part: 404 when it was not kept (too large, not a PDF), 400 for a missing part number. */
    private byte[] pdf(String documentId, Integer part) {
        DisclosureEntity entity = entity(documentId);
        String sha;
        if (entity.parts != null) {
            List<ParsedPart> parts;
            try {
                parts = EventJson.mapper().readValue(entity.parts, PARTS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int n = part == null ? 1 : part;
            if (n < 1 || n > parts.size()) {
                throw new BadRequestException("part must be between 1 and " + parts.size() + ", got " + part + ".");
            }
            sha = parts.get(n - 1).sha256();
        } else {
            if (part != null && part != 1) {
                throw new BadRequestException("This disclosure is one file: part must be 1 or absent.");
            }
            List<?> shas = repository.getEntityManager().createNativeQuery(
                            "SELECT sha256 FROM document_file WHERE document_id = ?1 ORDER BY sha256")
                    .setParameter(1, documentId).getResultList();
            if (shas.isEmpty()) {
                throw new NotFoundException("The original file of " + documentId + " is not stored (larger than "
                        + "budgetlens.files.max-stored-bytes, or received before files were kept).");
            }
            sha = ((String) shas.get(0)).strip();
        }
        byte[] bytes = repository.file(documentId, sha);
        if (bytes == null) {
            throw new NotFoundException("The original file of " + documentId + " is not stored (larger than "
                    + "budgetlens.files.max-stored-bytes, or received before files were kept).");
        }
        if (bytes.length < 5 || bytes[0] != '%' || bytes[1] != 'P' || bytes[2] != 'D' || bytes[3] != 'F') {
            throw new NotFoundException("This file of " + documentId + " is not a PDF: it has no pages to show.");
        }
        return bytes;
    }
}
