package io.budgetlens.ingest.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Declared types are honoured for text; binary formats are recognised whatever is declared; generic types sniffed. */
class FormatSnifferTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void declaredTextTypesAreHonoured() {
        assertThat(FormatSniffer.sniff("text/plain", utf8("<p>x</p>"))).isEqualTo(DocumentFormat.TEXT);
        assertThat(FormatSniffer.sniff("text/markdown", utf8("x"))).isEqualTo(DocumentFormat.MARKDOWN);
        assertThat(FormatSniffer.sniff("application/xhtml+xml", utf8("x"))).isEqualTo(DocumentFormat.HTML);
    }

    @Test
    void genericOrMissingTypesAreSniffed() {
        assertThat(FormatSniffer.sniff(null, utf8("<!DOCTYPE html><html>"))).isEqualTo(DocumentFormat.HTML);
        assertThat(FormatSniffer.sniff("application/octet-stream", utf8("\uFEFF<html><body>"))).isEqualTo(DocumentFormat.HTML);
        assertThat(FormatSniffer.sniff(null, utf8("# 标题\n\n正文"))).isEqualTo(DocumentFormat.MARKDOWN);
        assertThat(FormatSniffer.sniff(null, utf8("项目\t金额\n|---|---|\n"))).isEqualTo(DocumentFormat.MARKDOWN);
        assertThat(FormatSniffer.sniff(null, utf8("一、部门基本情况"))).isEqualTo(DocumentFormat.TEXT);
    }

    @Test
    void aPdfIsAPdfByItsMagicNumberWhateverTheDeclaredType() {
        assertThat(FormatSniffer.sniff("text/plain", utf8("%PDF-1.7 ..."))).isEqualTo(DocumentFormat.PDF);
        assertThat(FormatSniffer.sniff(null, utf8("%PDF-1.4 ..."))).isEqualTo(DocumentFormat.PDF);
        assertThat(FormatSniffer.sniff("application/pdf", utf8("%PDF-2.0 ..."))).isEqualTo(DocumentFormat.PDF);
        assertThatThrownBy(() -> FormatSniffer.sniff("application/pdf", utf8("text")))
                .isInstanceOf(UndecodableDocumentException.class)
                .hasMessageContaining("declared as application/pdf but is not a PDF");
    }

    @Test
    void otherBinaryFormatsAreRefusedByNameWhateverTheDeclaredType() {
        assertThatThrownBy(() -> FormatSniffer.sniff("text/plain", new byte[] {0x1F, (byte) 0x8B, 8, 0}))
                .isInstanceOf(UnsupportedFormatException.class)
                .hasMessageContaining("gzip archive (declared as text/plain)")
                .hasMessageContaining("application/pdf, XLSX, XLS and DOCX (without macros), text/plain");
    }

    @Test
    void aZipOrOle2ContainerIsWhatItsDirectoryHoldsWhateverTheDeclaredType() {
        // A damaged ZIP cannot be looked into: unreadable, not unsupported.
        assertThatThrownBy(() -> FormatSniffer.sniff("text/plain", new byte[] {'P', 'K', 3, 4, 20, 0}))
                .isInstanceOf(UndecodableDocumentException.class)
                .hasMessageContaining("OFFICE_UNREADABLE");
        assertThatThrownBy(() -> FormatSniffer.sniff(DocumentFormat.XLSX.mediaType(), utf8("2024年部门预算")))
                .isInstanceOf(UndecodableDocumentException.class)
                .hasMessageContaining("declared as " + DocumentFormat.XLSX.mediaType() + " but is not an XLSX file");
    }

    @Test
    void emptyAndBinaryBodiesAreBadRequests() {
        assertThatThrownBy(() -> FormatSniffer.sniff("text/plain", new byte[0]))
                .isInstanceOf(UndecodableDocumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> FormatSniffer.sniff("text/plain", new byte[] {'a', 0, 'b', 1, 2, 3}))
                .isInstanceOf(UndecodableDocumentException.class).hasMessageContaining("binary");
    }
}
