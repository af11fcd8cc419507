package io.budgetlens.e2e;

import static io.budgetlens.testsupport.AsCaller.asSubmitter;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.budgetlens.testsupport.SharedPdfs;
import io.restassured.path.json.JsonPath;

/**
 * A finding in a real published PDF, seen where it is printed, in a real browser: the PDF goes in through the upload
 * endpoint, and from the overview a reader reaches the rendered page with the evidence box over it in at most three
 * clicks (latest anomaly → the finding's "see on page" link). Runs after {@link DashboardBrowserTest}, whose counts of
 * public findings this document would change. Skipped with the reason without Chromium or the shared PDFs.
 */
@Order(3)
class PdfEvidenceBrowserTest {

    /**
     * Tried in this order; the first whose checks report an ERROR or WARNING finding with a page box is used (the
     * test is about seeing a finding where it is printed, whichever finding the current rules report).
     */
    static final List<String> CANDIDATES = List.of(
            // the national template: its unfilled placeholders (上海市XX局, XXX万元) are real HYG-001 warnings on pages
            "template-dept-final-accounts.pdf",
            "shanghai-putuo-2025-dept-budget-qufubangongshi.pdf",
            "shanghai-putuo-2025-unit-budget-qufubangongshi.pdf",
            "shanghai-putuo-2024-dept-final-shehuigongzuobu.pdf",
            "jiangsu-2019-dept-budget-zhengxie-narrative.pdf",
            "jiangsu-2019-dept-budget-shengweibangongting-narrative.pdf");

    static WebDriver driver;

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void fromTheOverviewToTheFindingOnItsRenderedPdfPageInAtMostThreeClicks() throws IOException {
        Assumptions.assumeTrue(DashboardBrowserTest.BROWSER_AVAILABLE, DashboardBrowserTest.SKIPPED);
        Path pdfs = SharedPdfs.folder();
        Assumptions.assumeTrue(pdfs != null,
                SharedPdfs.missingMessage("the end-to-end tests on real PDFs are skipped"));
        String base = RunningSystem.get().reporting.url();

        String documentId = null;
        List<Map<String, Object>> onAPage = List.of();
        for (String file : CANDIDATES) {
            documentId = ingest(base, pdfs.resolve(file));
            onAPage = findingsOnAPage(base, documentId);
            System.out.println("PdfEvidenceBrowserTest: " + file + " -> " + documentId + ": " + onAPage.size()
                    + " ERROR/WARNING finding(s) with a page box " + onAPage.stream().map(f -> f.get("ruleId")).toList());
            if (!onAPage.isEmpty()) {
                break;
            }
        }
        assertThat(onAPage).as("an ERROR or WARNING finding with a page box in one of " + CANDIDATES).isNotEmpty();
        List<Map<String, Object>> shown = onAPage;

        driver = DashboardBrowserTest.startChromium(base);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        int clicks = 0;
        driver.get(base + "/");

        // click 1: the first of its findings with a page box among the overview's latest anomalies
        String prefix = "/disclosures/" + documentId + "#";
        WebElement anomaly = driver.findElements(By.cssSelector("#anomalies a.anomaly")).stream()
                .filter(a -> shown.stream().anyMatch(f -> a.getAttribute("href").endsWith(prefix + anchor(f))))
                .findFirst().orElseThrow(() -> new AssertionError("none of the findings " + shown.stream()
                        .map(PdfEvidenceBrowserTest::anchor).toList() + " of " + prefix + " is among the overview's "
                        + "latest anomalies"));
        String anchor = anomaly.getAttribute("href").substring(anomaly.getAttribute("href").indexOf('#') + 1);
        Map<String, Object> finding = shown.stream().filter(f -> anchor(f).equals(anchor)).findFirst()
                .orElseThrow();
        anomaly.click();
        clicks++;
        wait.until(ExpectedConditions.urlContains("/disclosures/" + documentId));

        // click 2: its "see on page" link
        WebElement pageLink = driver.findElement(By.id(anchor)).findElement(By.cssSelector("a.page-link"));
        pageLink.click();
        clicks++;
        wait.until(ExpectedConditions.urlContains("/disclosures/" + documentId + "/page"));
        assertThat(clicks).as("clicks from the overview to the page view").isLessThanOrEqualTo(3);

        WebElement image = driver.findElement(By.id("page-image"));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        wait.until(d -> Boolean.TRUE.equals(js.executeScript(
                "const i = arguments[0]; return i.complete && i.naturalWidth > 0;", image)));
        assertThat(((Number) js.executeScript("return arguments[0].naturalWidth", image)).intValue())
                .as("the rendered page image loaded").isGreaterThan(0);
        WebElement box = driver.findElement(By.cssSelector("#page-view .hl"));
        wait.until(d -> ((Number) js.executeScript("return arguments[0].getBoundingClientRect().width", box))
                .doubleValue() > 0);
        @SuppressWarnings("unchecked")
        Map<String, Number> geometry = (Map<String, Number>) js.executeScript("""
                const i = arguments[0].getBoundingClientRect(), b = arguments[1].getBoundingClientRect();
                return {il: i.left, it: i.top, ir: i.right, ib: i.bottom,
                        bl: b.left, bt: b.top, br: b.right, bb: b.bottom, bw: b.width, bh: b.height};""", image, box);
        double tolerance = 0.5;
        assertThat(geometry.get("bw").doubleValue()).as("box width").isGreaterThan(0);
        assertThat(geometry.get("bh").doubleValue()).as("box height").isGreaterThan(0);
        assertThat(geometry.get("bl").doubleValue()).as("box inside the image (left)")
                .isGreaterThanOrEqualTo(geometry.get("il").doubleValue() - tolerance);
        assertThat(geometry.get("bt").doubleValue()).as("box inside the image (top)")
                .isGreaterThanOrEqualTo(geometry.get("it").doubleValue() - tolerance);
        assertThat(geometry.get("br").doubleValue()).as("box inside the image (right)")
                .isLessThanOrEqualTo(geometry.get("ir").doubleValue() + tolerance);
        assertThat(geometry.get("bb").doubleValue()).as("box inside the image (bottom)")
                .isLessThanOrEqualTo(geometry.get("ib").doubleValue() + tolerance);
        assertThat(driver.findElement(By.id("page-finding")).getText()).contains((String) finding.get("messageZh"))
                .contains((String) finding.get("ruleId"));
        js.executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
        Path shot = DashboardBrowserTest.screenshot(driver, "05-finding-on-pdf-page.png");
        System.out.println("PdfEvidenceBrowserTest: screenshot " + shot.toAbsolutePath());
    }

    /** Uploads a shared PDF as a public disclosure and waits until it is validated; its documentId. */
    static String ingest(String base, Path pdf) throws IOException {
        String documentId = asSubmitter().baseUri(base).contentType("application/pdf")
                .queryParam("filename", pdf.getFileName().toString()).queryParam("visibility", "public")
                .body(Files.readAllBytes(pdf)).post("/api/v1/uploads")
                .then().statusCode(oneOf(200, 202)).extract().path("documentId");
        await().atMost(Duration.ofSeconds(180)).untilAsserted(() -> given().baseUri(base)
                .get("/api/v1/disclosures/{id}", documentId).then().statusCode(200)
                .body("status", equalTo("VALIDATED")));
        return documentId;
    }

    /** The ERROR and WARNING findings of the rule engine with a piece of evidence that has a page and a box. */
    static List<Map<String, Object>> findingsOnAPage(String base, String documentId) {
        JsonPath d = given().baseUri(base).get("/api/v1/disclosures/{id}", documentId).then().extract().jsonPath();
        List<Map<String, Object>> findings = d.getList("findings");
        return findings.stream()
                .filter(f -> "VALIDATION".equals(f.get("source")))
                .filter(f -> List.of("ERROR", "WARNING").contains(f.get("severity")))
                .filter(f -> f.get("evidence") instanceof List<?> evidence && evidence.stream()
                        .anyMatch(e -> e instanceof Map<?, ?> m && m.get("page") != null && m.get("box") != null
                                && m.get("documentId") == null))
                .toList();
    }

    /** The anchor of a rule-engine finding on the disclosure page. */
    static String anchor(Map<String, Object> finding) {
        return "f-V-" + finding.get("index");
    }
}
