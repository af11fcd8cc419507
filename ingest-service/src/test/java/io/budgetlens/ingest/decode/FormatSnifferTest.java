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
    void binaryFormatsAreRefusedByNameWhateverTheDeclaredType() {
        assertThatThrownBy(() -> FormatSniffer.sniff("text/plain", utf8("%PDF-1.7 ...")))
                .isInstanceOf(UnsupportedFormatException.class)
                .hasMessageContaining("PDF document (declared as text/plain)")
                .hasMessageContaining("text/plain, text/html");
        assertThatThrownBy(() -> FormatSniffer.sniff(null, new byte[] {'P', 'K', 3, 4, 20, 0}))
                .isInstanceOf(UnsupportedFormatException.class).hasMessageContaining("ZIP archive");
        assertThatThrownBy(() -> FormatSniffer.sniff("application/pdf", utf8("text")))
                .isInstanceOf(UnsupportedFormatException.class).hasMessageContaining("application/pdf");
    }

    @Test
    void emptyAndBinaryBodiesAreBadRequests() {
        assertThatThrownBy(() -> FormatSniffer.sniff("text/plain", new byte[0]))
                .isInstanceOf(UndecodableDocumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> FormatSniffer.sniff("text/plain", new byte[] {'a', 0, 'b', 1, 2, 3}))
                .isInstanceOf(UndecodableDocumentException.class).hasMessageContaining("binary");
    }
}
