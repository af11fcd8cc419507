package io.budgetlens.reporting.files;

import static io.budgetlens.testsupport.AsCaller.asAdmin;
import static io.budgetlens.testsupport.AsCaller.asReader;
import static io.budgetlens.testsupport.AsCaller.asSubmitter;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import io.budgetlens.events.Box;
import io.budgetlens.events.Category;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.DisclosureValidated;
import io.budgetlens.events.DocumentIds;
import io.budgetlens.events.EventJson;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.Finding;
import io.budgetlens.events.Interval;
import io.budgetlens.events.PageLayout;
import io.budgetlens.events.RuleVerdict;
import io.budgetlens.events.Severity;
import io.budgetlens.events.Topics;
import io.budgetlens.events.Verdict;
import io.budgetlens.events.Visibility;
import io.budgetlens.testsupport.KafkaTestClient;
import io.budgetlens.testsupport.ParsedBuilder;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A finding in a PDF, seen where it is printed: reporting keeps the original file, renders the page with the
 * evidence box, returns the PDF annotated with the finding (on the right page, over the box) and the findings as a
 * spreadsheet; a landscape page (/Rotate 90) places the box the way the page is shown.
 */
@QuarkusTest
class PdfEvidenceTest {

    static final Box BOX = new Box(100, 500, 300, 520);

    /** Two pages: a portrait one and a landscape one made with /Rotate 90. */
    static byte[] pdf() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage(PDRectangle.A4));
            PDPage landscape = new PDPage(PDRectangle.A4);
            landscape.setRotation(90);
            document.addPage(landscape);
            document.save(out);
            return out.toByteArray();
        }
    }

    static final String OWNER = "officer";

    static String seed(Visibility visibility) throws IOException {
        byte[] bytes = pdf();
        boolean draft = visibility == Visibility.DRAFT;
        String owner = draft ? OWNER : null;
        String id = draft ? DocumentIds.ofDraft(OWNER, Long.toString(System.nanoTime()), DocumentIds.of(bytes))
                : DocumentIds.of(bytes);
        DisclosureReceived received = new DisclosureReceived(id, "application/pdf", null, null, "budget.pdf",
                bytes.length, DocumentIds.of(bytes), Instant.now(), visibility, bytes, null, null, owner);
        KafkaTestClient.send(Topics.RECEIVED, id, EventJson.write(received), Map.of());
        DisclosureParsed parsed = ParsedBuilder.parsed().documentId(id).visibility(visibility).parserVersion("0.4.0")
                .owner(owner)
                .contentType("application/pdf").text("收入合计 100.00 万元")
                .pages(List.of(new PageLayout(null, 1, 595.3f, 841.9f, 0, 0, 10),
                        new PageLayout(null, 2, 595.3f, 841.9f, 90, 10, 15))).build();
        KafkaTestClient.send(Topics.PARSED, id, EventJson.write(parsed), Map.of());
        Finding finding = new Finding("BAL-001", Severity.ERROR, Category.BALANCE, "收入总计与支出总计不等。",
                "Total income and total expenditure differ.", Interval.exact(new BigDecimal("100.00")),
                new BigDecimal("107.00"), new BigDecimal("7.00"), "万元",
                List.of(new Evidence("收入合计 107.00", 0, 10, null, null, null, null, 2, BOX, null)));
        DisclosureValidated report = new DisclosureValidated(id, "0.2.0", "0.4.0", Instant.now(), visibility,
                List.of(new RuleVerdict("BAL-001", Category.BALANCE, Verdict.BROKEN, 1, 1)), List.of(finding),
                new BigDecimal("1"));
        KafkaTestClient.send(Topics.VALIDATED, id, EventJson.write(report), Map.of());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> asAdmin().get("/api/v1/disclosures/" + id)
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("VALIDATED")));
        // The received event travels on its own topic: its file may be stored after the report.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> asAdmin().get("/api/v1/disclosures/" + id
                + "/revisions").then().statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(1)));
        return id;
    }

    @Test
    void aFindingIsShownOnItsPageAndReturnedAsAnAnnotatedPdf() throws IOException {
        String id = seed(Visibility.PUBLIC);

        byte[] png = given().get("/api/v1/disclosures/" + id + "/pages/2.png").then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        given().get("/api/v1/disclosures/" + id + "/pages/3.png").then().statusCode(404)
                .contentType(containsString("application/problem+json")).body("detail", containsString("no page 3"));
        given().get("/api/v1/disclosures/" + id + "/pages/1.png?part=x").then().statusCode(400)
                .contentType(containsString("application/problem+json"));

        byte[] annotated = given().get("/api/v1/disclosures/" + id + "/annotated.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(annotated)) {
            // For people reviewing the build: the annotated page as a PDF reader shows it (target/, not committed).
            java.nio.file.Files.write(java.nio.file.Path.of("target", "annotated-sample.pdf"), annotated);
            javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(1, 72),
                    "png", java.nio.file.Path.of("target", "annotated-sample-page-2.png").toFile());
            assertThat(document.getPage(0).getAnnotations()).isEmpty();
            List<PDAnnotation> annotations = document.getPage(1).getAnnotations();
            assertThat(annotations).hasSize(1);
            PDAnnotation highlight = annotations.get(0);
            assertThat(highlight.getSubtype()).isEqualTo("Highlight");
            // Over the evidence box: its quad points are the box; its rectangle holds it (with the appearance's margin).
            float[] quad = ((org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationTextMarkup) highlight)
                    .getQuadPoints();
            assertThat(quad).containsExactly(100f, 520f, 300f, 520f, 100f, 500f, 300f, 500f);
            assertThat(highlight.getRectangle().getLowerLeftX()).isLessThanOrEqualTo(100f);
            assertThat(highlight.getRectangle().getUpperRightY()).isGreaterThanOrEqualTo(520f);
            assertThat(highlight.getContents()).contains("收入总计与支出总计不等").contains("expected: 100.00")
                    .contains("found: 107.00");
        }

        byte[] xlsx = given().get("/api/v1/disclosures/" + id + "/findings.xlsx").then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var row = book.getSheetAt(0).getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("BAL-001");
            assertThat(row.getCell(8).getStringCellValue()).isEqualTo("107.00");
            assertThat(row.getCell(11).getStringCellValue()).isEqualTo("2");
        }

        // The dashboard: the finding links to its page, which lays the box over the image, rotated as displayed.
        given().get("/disclosures/" + id).then().statusCode(200)
                .body(containsString("/disclosures/" + id + "/page?finding=f-V-0&amp;evidence=0"));
        String page = given().get("/disclosures/" + id + "/page?finding=f-V-0").then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("/api/v1/disclosures/" + id + "/pages/2.png");
        Matcher box = Pattern.compile("data-box=\"([0-9.]+),([0-9.]+),([0-9.]+),([0-9.]+)\"").matcher(page);
        assertThat(box.find()).isTrue();
        // Rotate 90: display x = user y (500..520 of 841.9), display y = user x (100..300 of 595.3).
        assertThat(Double.parseDouble(box.group(1))).isCloseTo(500 / 841.9 * 100, org.assertj.core.data.Offset.offset(0.01));
        assertThat(Double.parseDouble(box.group(2))).isCloseTo(100 / 595.3 * 100, org.assertj.core.data.Offset.offset(0.01));
        assertThat(Double.parseDouble(box.group(4))).isCloseTo(200 / 595.3 * 100, org.assertj.core.data.Offset.offset(0.01));
        given().get("/disclosures/" + id + "/page?finding=f-V-9").then().statusCode(404);

        given().get("/api/v1/disclosures/" + id).then().statusCode(200)
                .body("revision", org.hamcrest.Matchers.equalTo(1))
                .body("validatedRevision", org.hamcrest.Matchers.equalTo(1));
        given().get("/api/v1/disclosures/" + id + "/revisions").then().statusCode(200)
                .body("[0].revision", org.hamcrest.Matchers.equalTo(1))
                .body("[0].parts[0].filename", org.hamcrest.Matchers.equalTo("budget.pdf"));
    }

    @Test
    void aDraftsPagesAndFilesAreItsOwnersAndAdminsOnly() throws IOException {
        String id = seed(Visibility.DRAFT);
        List<String> paths = List.of("/api/v1/disclosures/" + id + "/pages/1.png",
                "/api/v1/disclosures/" + id + "/annotated.pdf", "/api/v1/disclosures/" + id + "/findings.xlsx",
                "/api/v1/disclosures/" + id + "/revisions");
        for (String path : paths) {
            given().get(path).then().statusCode(401).contentType(containsString("application/problem+json"));
            asReader().get(path).then().statusCode(404).contentType(containsString("application/problem+json"));
            asSubmitter("someone-else").get(path).then().statusCode(404)
                    .contentType(containsString("application/problem+json"));
            asSubmitter(OWNER).get(path).then().statusCode(200);
            asAdmin().get(path).then().statusCode(200);
        }
        // The dashboard's page view of a finding of the draft: not there for anyone else.
        given().get("/disclosures/" + id + "/page?finding=f-V-0").then().statusCode(404);
        asSubmitter("someone-else").get("/disclosures/" + id + "/page?finding=f-V-0").then().statusCode(404);
        asSubmitter(OWNER).get("/disclosures/" + id + "/page?finding=f-V-0").then().statusCode(200)
                .body(containsString("/api/v1/disclosures/" + id + "/pages/2.png"));
    }

    @Test
    void aDeletedDraftTakesItsFileWithIt() throws IOException {
        String id = seed(Visibility.DRAFT);
        asSubmitter(OWNER).get("/api/v1/disclosures/" + id + "/pages/1.png").then().statusCode(200);
        // Deleting a draft is ingest-service's tombstone on the received topic (DraftDeletion asks for it).
        KafkaTestClient.send(Topics.RECEIVED, id, null, Map.of());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> asSubmitter(OWNER)
                .get("/api/v1/disclosures/" + id + "/pages/1.png").then().statusCode(404));
        long files = ((Number) io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                io.quarkus.hibernate.orm.panache.Panache.getEntityManager().createNativeQuery(
                        "SELECT count(*) FROM document_file WHERE document_id = ?1").setParameter(1, id)
                        .getSingleResult())).longValue();
        assertThat(files).isZero();
    }
}
