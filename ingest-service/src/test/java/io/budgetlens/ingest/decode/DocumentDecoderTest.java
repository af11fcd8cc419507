package io.budgetlens.ingest.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Charset precedence: byte-order mark, declaration that decodes, detection of UTF-8 then GB18030. */
class DocumentDecoderTest {

    private static final String TEXT = "2024年部门预算，一般公共服务支出1,084.23万元。";

    @Test
    void utf8WithAndWithoutByteOrderMark() {
        byte[] plain = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[plain.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, bom, 3, plain.length);
        assertThat(DocumentDecoder.decode(plain, DocumentFormat.TEXT, null).text()).isEqualTo(TEXT);
        assertThat(DocumentDecoder.decode(bom, DocumentFormat.TEXT, null).text()).isEqualTo(TEXT);
    }

    @Test
    void gbkIsDetectedWithoutADeclaration() {
        var result = DocumentDecoder.decode(TEXT.getBytes(Charset.forName("GBK")), DocumentFormat.TEXT, null);
        assertThat(result.text()).isEqualTo(TEXT);
        assertThat(result.charset()).isEqualTo("GB18030");
    }

    @Test
    void utf16WithByteOrderMark() {
        byte[] utf16 = TEXT.getBytes(StandardCharsets.UTF_16);
        assertThat(DocumentDecoder.decode(utf16, DocumentFormat.TEXT, null).text()).isEqualTo(TEXT);
    }

    @Test
    void httpCharsetParameterIsHonoured() {
        byte[] big5 = "部門預算".getBytes(Charset.forName("Big5"));
        assertThat(DocumentDecoder.decode(big5, DocumentFormat.TEXT, "Big5").text()).isEqualTo("部門預算");
    }

    @Test
    void aWrongDeclarationIsNotedAndTheRealCharsetDetected() {
        var result = DocumentDecoder.decode(TEXT.getBytes(Charset.forName("GBK")), DocumentFormat.TEXT, "UTF-8");
        assertThat(result.text()).isEqualTo(TEXT);
        assertThat(result.notes()).singleElement().asString().contains("UTF-8").contains("does not match");
    }

    @Test
    void unknownDeclaredCharsetIsIgnored() {
        var result = DocumentDecoder.decode(TEXT.getBytes(StandardCharsets.UTF_8), DocumentFormat.TEXT, "klingon-8");
        assertThat(result.text()).isEqualTo(TEXT);
        assertThat(result.notes()).singleElement().asString().contains("unknown");
    }

    @Test
    void bytesThatAreNoTextAnswerWithAClearMessage() {
        byte[] junk = {(byte) 0x81, (byte) 0x20, (byte) 0xFF, (byte) 0xFE, (byte) 0x80, (byte) 0x7F, (byte) 0x81};
        assertThatThrownBy(() -> DocumentDecoder.decode(junk, DocumentFormat.TEXT, null))
                .isInstanceOf(UndecodableDocumentException.class)
                .hasMessageContaining("UTF-8 or GB18030");
    }
}
