package io.budgetlens.ingest.api;

import static io.budgetlens.testsupport.AsCaller.asSubmitter;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.budgetlens.ingest.office.TestOffice;
import io.budgetlens.ingest.pdf.TestPdfs;
import io.budgetlens.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.Response;

/**
 * Hostile and broken input: every case is answered with a 4xx problem+json naming what was wrong, or accepted and
 * parsed into PARSED or REJECTED; never a 5xx. Accepted cases are also run through the synchronous preview, which
 * runs the same parser as the parser stage.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class BadInputTest {

    /** One input: what is sent and what must come back (an HTTP status, and for accepted input the parse status). */
    record Case(String name, String contentType, byte[] body, Map<String, String> query, int status,
                String parseStatus, String detailContains) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] corpus(String name) {
        try {
            return Files.readAllBytes(Path.of("..", "samples", name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Stream<Case> cases() {
        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);
        byte[] big = new byte[11 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        String qianjiang = new String(corpus("qianjiang-2024-budget.txt"), StandardCharsets.UTF_8);
        byte[] undecodable = {(byte) 0x81, (byte) 0x20, (byte) 0xFF, (byte) 0xFE, (byte) 0x80, (byte) 0x7F, 'a', 'b'};
        Map<String, String> none = Map.of();
        return Stream.of(
                new Case("empty body", "text/plain", new byte[0], none, 400, null, "empty"),
                new Case("whitespace only", "text/plain", utf8("  \n\t \n"), none, 202, "REJECTED", null),
                new Case("random binary", "application/octet-stream", random, none, 400, null, "binary"),
                new Case("PNG image", null, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0}, none, 415,
                        null, "PNG"),
                new Case("truncated PDF", "application/pdf", utf8("%PDF-1.7\n"), none, 400, null, "PDF_UNREADABLE"),
                new Case("text declared as PDF", "application/pdf", utf8("2024年部门预算"), none, 400, null,
                        "not a PDF"),
                new Case("password-protected PDF", "application/pdf", TestPdfs.encrypted(), none, 400, null,
                        "PDF_ENCRYPTED"),
                new Case("PDF over the page limit", null, TestPdfs.pages(301), none, 413, null,
                        "PDF_TOO_MANY_PAGES"),
                new Case("scanned PDF (no text layer)", "application/pdf", TestPdfs.imageOnly(), none, 202,
                        "REJECTED", null),
                new Case("PDF that is not a disclosure", "application/pdf", TestPdfs.plain("Quarterly newsletter"),
                        none, 202, "REJECTED", null),
                new Case("damaged PDF declared as text", "text/plain", utf8("%PDF-1.4\n%âãÏÓ"), none, 400, null,
                        "PDF_UNREADABLE"),
                new Case("truncated zip", "application/zip", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0}, none, 400, null,
                        "OFFICE_UNREADABLE"),
                new Case("truncated docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0}, none, 400, null, "OFFICE_UNREADABLE"),
                new Case("OLE2 header only, declared XLS", "application/vnd.ms-excel", new byte[] {(byte) 0xD0,
                        (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}, none, 400, null,
                        "OFFICE_UNREADABLE"),
                new Case("zip archive of two copies of one text", "application/zip", TestOffice.plainZip(), none, 202,
                        "REJECTED", null),
                new Case("xlsm with macros", null, TestOffice.xlsm(), none, 415, null, "OFFICE_MACROS"),
                new Case("Word 97-2003 DOC", "application/msword", TestOffice.doc(), none, 415, null, "DOC"),
                new Case("zip bomb (20 MiB in 20 KB)", XLSX, TestOffice.zipBomb(), none, 413, null,
                        "OFFICE_ZIP_BOMB"),
                new Case("xlsx with 2,000 extra entries", XLSX, TestOffice.manyEntries(), none, 413, null,
                        "OFFICE_ZIP_BOMB"),
                new Case("huge sheet (A1:Z5000)", XLSX, TestOffice.hugeSheet(), none, 413, null,
                        "OFFICE_SHEET_TOO_LARGE"),
                new Case("65 sheets", XLSX, TestOffice.sheets(65), none, 413, null, "OFFICE_TOO_MANY_SHEETS"),
                new Case("corrupt xlsx (cut in half)", XLSX, TestOffice.truncatedXlsx(), none, 400, null,
                        "OFFICE_UNREADABLE"),
                new Case("password-protected xlsx", XLSX, TestOffice.encryptedXlsx(), none, 400, null,
                        "OFFICE_ENCRYPTED"),
                new Case("text declared as XLSX", XLSX, utf8("2024年部门预算"), none, 400, null, "is not an XLSX"),
                new Case("xlsx disclosure declared as zip", "application/zip",
                        TestOffice.xlsxLines(qianjiang.split("\n")), none, 202, "PARSED", null),
                new Case("docx that is not a disclosure", null,
                        TestOffice.docx(d -> d.createParagraph().createRun().setText("会议通知")), none, 202,
                        "REJECTED", null),
                new Case("gzip", null, new byte[] {0x1F, (byte) 0x8B, 8, 0, 0, 0}, none, 415, null, "gzip"),
                new Case("json body", "application/json", utf8("{\"budget\": 1}"), none, 415, null, "text/plain"),
                new Case("image declared, text sent", "image/jpeg", utf8("2024年部门预算"), none, 415, null,
                        "image/jpeg"),
                new Case("truncated HTML", "text/html", utf8("<html><body><table><tr><td>2024年部门预算收支总表<td>1,137"),
                        none, 202, "REJECTED", null),
                new Case("deeply nested HTML", "text/html",
                        utf8("<div>".repeat(50_000) + "部门预算" + "</div>".repeat(10)), none, 202, "REJECTED", null),
                new Case("5 MB single line", "text/plain", utf8("预算".repeat(5 * 1024 * 1024 / 6)), none, 202,
                        "REJECTED", null),
                new Case("GBK declared as UTF-8", "text/plain; charset=UTF-8", qianjiang.getBytes(Charset.forName("GBK")),
                        none, 202, "PARSED", null),
                new Case("unknown charset parameter", "text/plain; charset=klingon", utf8(qianjiang), none, 202,
                        "PARSED", null),
                new Case("UTF-16 with byte-order mark", "text/plain", qianjiang.getBytes(StandardCharsets.UTF_16), none,
                        202, "PARSED", null),
                new Case("malformed Content-Type", "not a media type", utf8("x"), none, 415, null, ""),
                new Case("script injection in HTML", "text/html",
                        utf8("<p>2024年部门预算</p><script>alert('x')</script><img src=x onerror=alert(1)>"), none, 202,
                        "REJECTED", null),
                new Case("script injection in text", "text/plain", utf8("<script>alert('x')</script>"), none, 202,
                        "REJECTED", null),
                new Case("bad visibility", "text/plain", utf8("2024年部门预算"), Map.of("visibility", "secret"), 400,
                        null, "draft"),
                new Case("relative sourceUri", "text/plain", utf8("2024年部门预算"), Map.of("sourceUri", "../x"), 400,
                        null, "absolute"),
                new Case("huge sourceUri", "text/plain", utf8("2024年部门预算"),
                        Map.of("sourceUri", "https://x.gov.cn/" + "a".repeat(5000)), 400, null, "2048"),
                new Case("11 MiB", "text/plain", big, none, 413, null, "10485760"),
                new Case("bytes in no charset", "text/plain", undecodable, none, 400, null, "GB18030"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answeredWith4xxProblemOrParsedNever5xx(Case c) {
        Response response = send(c, "/api/v1/documents");
        int status = response.statusCode();
        assertThat(status).as("%s: %s", c.name(), response.asString()).isLessThan(500);
        if (c.status() >= 400) {
            assertThat(status).as(c.name()).isEqualTo(c.status());
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.jsonPath().getString("detail")).contains(c.detailContains());
            assertThat(response.jsonPath().getInt("status")).isEqualTo(c.status());
        } else {
            assertThat(status).as(c.name()).isIn(200, 202);
            Response preview = send(c, "/api/v1/documents:parse");
            assertThat(preview.statusCode()).isEqualTo(200);
            assertThat(preview.jsonPath().getString("status")).as(c.name()).isEqualTo(c.parseStatus());
            if ("text/html".equals(c.contentType())) {
                assertThat(preview.asString()).as("scripts are dropped from HTML").doesNotContain("alert");
            }
        }
    }

    private static Response send(Case c, String path) {
        var request = asSubmitter()
                .config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .urlEncodingEnabled(false)
                .body(c.body());
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        c.query().forEach((name, value) -> request.queryParam(name,
                java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return request.post(path);
    }
}
