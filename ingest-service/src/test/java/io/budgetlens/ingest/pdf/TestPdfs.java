package io.budgetlens.ingest.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** PDFs made by the tests themselves (never the shared ones): encrypted, scanned-like, too long, plain. */
public final class TestPdfs {

    private TestPdfs() {
    }

    /** A drawing and no text at all: what a scanned page looks like to a text reader. */
    public static byte[] imageOnly() {
        return build(document -> {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.addRect(50, 50, 400, 600);
                content.fill();
            }
        });
    }

    /** One line of Latin text, protected by a user password. */
    public static byte[] encrypted() {
        return build(document -> {
            text(document, "Budget 2024");
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
        });
    }

    /** Blank pages, as many as asked. */
    public static byte[] pages(int count) {
        return build(document -> {
            for (int i = 0; i < count; i++) {
                document.addPage(new PDPage(PDRectangle.A4));
            }
        });
    }

    /** One line of Latin text: a readable PDF that is not a disclosure. */
    public static byte[] plain(String line) {
        return build(document -> text(document, line));
    }

    private static void text(PDDocument document, String line) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.beginText();
            content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
            content.newLineAtOffset(72, 700);
            content.showText(line);
            content.endText();
        }
    }

    interface Builder {
        void build(PDDocument document) throws IOException;
    }

    static byte[] build(Builder builder) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            builder.build(document);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
