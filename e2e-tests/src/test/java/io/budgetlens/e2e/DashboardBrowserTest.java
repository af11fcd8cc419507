package io.budgetlens.e2e;

import static io.budgetlens.testsupport.AsCaller.asSubmitter;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.budgetlens.testsupport.CorpusFixtures;
import io.restassured.path.json.JsonPath;

/**
 * The dashboard in a real browser: headless Chromium from the machine's packages (paths given explicitly, nothing
 * downloaded), driven by Selenium against the three running services with the corpus ingested. From the overview
 * to a highlighted finding, the draft-check upload flow, and a document that tries to inject script. Screenshots
 * go to target/screenshots/. Without Chromium the class is skipped with the reason (never passed silently).
 */
@Order(2)
class DashboardBrowserTest {

    static final Path CHROMIUM = Path.of(setting("budgetlens.chromium", "BUDGETLENS_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(setting("budgetlens.chromedriver", "BUDGETLENS_CHROMEDRIVER",
            "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static RunningSystem system;
    static WebDriver driver;
    static String base;

    static final boolean BROWSER_AVAILABLE = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    static final String SKIPPED = "Browser test skipped: Chromium (" + CHROMIUM + ") or ChromeDriver (" + CHROMEDRIVER
            + ") is not installed. Install the Debian packages chromium and chromium-driver (.ci/run does), or point "
            + "-Dbudgetlens.chromium / -Dbudgetlens.chromedriver at them.";

    /** Each test is reported as skipped with the reason (a class-level assumption would show as 0 tests run). */
    @BeforeEach
    void requireTheBrowser() {
        Assumptions.assumeTrue(BROWSER_AVAILABLE, SKIPPED);
    }

    @BeforeAll
    static void startBrowserAndIngestTheCorpus() throws IOException {
        if (!BROWSER_AVAILABLE) {
            System.err.println(SKIPPED);
            return;
        }
        system = RunningSystem.get();
        base = system.reporting.url();
        for (String file : CorpusFixtures.FILES) {
            byte[] content = Files.readAllBytes(Path.of("..", "samples", file));
            asSubmitter().baseUri(base).contentType(file.endsWith(".md") ? "text/markdown; charset=UTF-8"
                            : "text/plain; charset=UTF-8")
                    .queryParam("filename", file).queryParam("visibility", "public").body(content)
                    .post("/api/v1/uploads").then().statusCode(org.hamcrest.Matchers.oneOf(200, 202));
        }
        for (String file : CorpusFixtures.FILES) {
            String id = CorpusFixtures.parsed(file).documentId();
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> given().baseUri(base)
                    .get("/api/v1/disclosures/{id}", id).then().statusCode(200).body("status", equalTo("VALIDATED")));
        }
        driver = startChromium(base);
    }

    /**
     * Headless Chromium from the machine's packages with a fresh profile, Chinese first, 1440×1000, signed in to the
     * dashboard at {@code base}.
     */
    static WebDriver startChromium(String base) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path profile = Files.createTempDirectory("budgetlens-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1440,1000", "--lang=zh-CN", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        WebDriver chromium = new ChromeDriver(service, options);
        chromium.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // signed in as the launcher signs the local dashboard in: /login sets the local token's cookie
        chromium.get(base + "/login");
        assertThat(chromium.manage().getCookieNamed("budgetlens-token")).isNotNull()
                .satisfies(c -> assertThat(c.isHttpOnly()).isTrue());
        return chromium;
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void fromTheOverviewToAHighlightedSentenceInTwoClicks() throws IOException {
        driver.get(base + "/");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> "true".equals(d.findElement(By.id("chart-three-public")).getAttribute("data-rendered")));
        assertThat(driver.findElements(By.cssSelector("#chart-three-public canvas"))).isNotEmpty();
        assertThat(driver.findElement(By.id("chart-findings")).getAttribute("data-rendered")).isEqualTo("true");
        assertThat(driver.findElement(By.id("status-counts")).getText()).contains("已检查");
        screenshot("01-overview.png");

        // click 1: the Jiangjin CHG-001 anomaly in "latest anomalies"
        String jiangjin = CorpusFixtures.parsed("jiangjin-2024-final-accounts.txt").documentId();
        WebElement anomaly = driver.findElements(By.cssSelector("#anomalies a.anomaly")).stream()
                .filter(a -> a.getAttribute("href").contains(jiangjin))
                .filter(a -> a.findElement(By.xpath("./ancestor::tr")).getText().contains("CHG-001"))
                .findFirst().orElseThrow(() -> new AssertionError("no Jiangjin CHG-001 anomaly on the overview"));
        anomaly.click();
        wait.until(ExpectedConditions.urlContains("/disclosures/" + jiangjin));
        String findingAnchor = driver.getCurrentUrl().replaceAll(".*#", "");
        assertThat(findingAnchor).matches("f-V-\\d+");
        WebElement finding = driver.findElement(By.id(findingAnchor));
        assertThat(finding.getText()).contains("CHG-001");

        // click 2: the finding, which scrolls to its highlighted sentence
        finding.findElement(By.cssSelector("a.finding-link")).click();
        String evidenceAnchor = "ev-" + findingAnchor;
        wait.until(ExpectedConditions.urlContains("#" + evidenceAnchor));
        List<WebElement> marks = driver.findElements(By.cssSelector("mark.q-" + evidenceAnchor));
        assertThat(marks).isNotEmpty();
        String highlighted = (String) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('mark.q-' + arguments[0])).map(m => m.textContent).join('')",
                evidenceAnchor);
        int index = Integer.parseInt(findingAnchor.substring(4));
        JsonPath report = given().baseUri(base).get("/api/v1/disclosures/{id}", jiangjin).then().extract().jsonPath();
        String quote = report.getString("findings.find { it.source == 'VALIDATION' && it.index == " + index
                + " }.evidence.find { it.start != null }.quote");
        assertThat(highlighted).as("the highlighted text is exactly the finding's quote").isEqualTo(quote);
        Boolean inView = (Boolean) ((JavascriptExecutor) driver).executeScript(
                "const r = document.querySelector('mark.q-' + arguments[0]).getBoundingClientRect();"
                        + "return r.top >= 0 && r.bottom <= window.innerHeight;", evidenceAnchor);
        assertThat(inView).as("the highlighted sentence is scrolled into view").isTrue();
        assertThat(marks.get(0).getAttribute("class")).contains("active");
        screenshot("02-finding-highlighted.png");
    }

    @Test
    void aFinanceOfficerUploadsADraftSeesItsFindingsAndDeletesIt() throws IOException {
        // next year's draft of the Jiangjin final account, with the two misprinted change rates still in it
        String draft = Files.readString(Path.of("..", "samples", "jiangjin-2024-final-accounts.txt"))
                .replace("2024年度", "2025年度");
        Path file = Path.of("target", "draft-jiangjin-2025.txt").toAbsolutePath();
        Files.writeString(file, draft);

        driver.get(base + "/upload");
        assertThat(driver.findElement(By.id("upload-draft")).isSelected()).as("a draft by default").isTrue();
        driver.findElement(By.id("upload-file")).sendKeys(file.toString());
        driver.findElement(By.id("upload-submit")).click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));
        wait.until(d -> d.findElement(By.id("step-validated")).getAttribute("class").contains("done"));
        assertThat(driver.findElement(By.id("step-received")).getAttribute("class")).contains("done");
        assertThat(driver.findElement(By.id("step-parsed")).getAttribute("class")).contains("done");
        List<WebElement> found = driver.findElements(By.cssSelector("#upload-findings li"));
        assertThat(found).anySatisfy(li -> assertThat(li.getText()).contains("CHG-001"));
        screenshot("03-upload-findings.png");

        String documentId = driver.findElement(By.id("upload-status")).getAttribute("data-document");
        asSubmitter(RunningSystem.DASHBOARD_USER).baseUri(base).get("/api/v1/disclosures/{id}", documentId).then()
                .body("visibility", equalTo("DRAFT"));
        given().baseUri(base).get("/api/v1/disclosures/{id}", documentId).then().statusCode(401);
        driver.findElement(By.id("upload-open")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("delete-draft")));
        driver.findElement(By.id("delete-draft")).click();
        wait.until(ExpectedConditions.urlContains("/upload"));
        given().baseUri(base).get("/api/v1/disclosures/{id}", documentId).then().statusCode(404);
    }

    @Test
    void scriptInADocumentShowsAsTextAndNeverRuns() throws IOException {
        String hostile = Files.readString(Path.of("..", "samples", "qianjiang-2024-budget.txt"))
                .replace("2024年", "2026年").replace("2023年", "2025年")
                + "\n<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\">\n";
        String documentId = asSubmitter(RunningSystem.DASHBOARD_USER).baseUri(base)
                .contentType("text/plain; charset=UTF-8").body(hostile.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/uploads").then().statusCode(202).extract().path("documentId");
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> asSubmitter(RunningSystem.DASHBOARD_USER)
                .baseUri(base).get("/api/v1/disclosures/{id}", documentId).then().body("status", equalTo("VALIDATED")));

        driver.get(base + "/disclosures/" + documentId);
        String text = driver.findElement(By.id("doc-text")).getText();
        assertThat(text).contains("<script>window.__pwned = 1</script>", "<img src=x onerror=");
        Object pwned = ((JavascriptExecutor) driver).executeScript("return window.__pwned === undefined ? null : window.__pwned");
        assertThat(pwned).as("no script from the document ran").isNull();
        assertThat(driver.findElements(By.cssSelector("#doc-text script, #doc-text img"))).isEmpty();
        String csp = asSubmitter(RunningSystem.DASHBOARD_USER).baseUri(base).get("/disclosures/{id}", documentId)
                .then().extract()
                .header("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline");
        ((JavascriptExecutor) driver).executeScript("const t = document.querySelector('#doc-text .text');"
                + "t.scrollIntoView(); t.scrollTop = t.scrollHeight;");
        screenshot("04-script-shown-as-text.png");
        asSubmitter(RunningSystem.DASHBOARD_USER).baseUri(base).delete("/api/v1/disclosures/{id}", documentId).then()
                .statusCode(204);
    }

    @Test
    void theLanguageToggleSwitchesToEnglishAndBack() {
        driver.get(base + "/findings?severity=ERROR");
        assertThat(driver.findElement(By.id("nav-overview")).getText()).isEqualTo("总览");
        assertThat(driver.findElements(By.cssSelector("#findings-table tr"))).hasSize(3); // header + 2 errors
        driver.findElement(By.id("lang-toggle")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                d.findElement(By.id("nav-overview")).getText().equals("Overview"));
        assertThat(driver.getCurrentUrl()).contains("/findings?severity=ERROR");
        assertThat(driver.findElement(By.id("findings-table")).getText()).contains("Error");
        assertThat(driver.findElement(By.id("csv-download")).getAttribute("href"))
                .endsWith("/api/v1/findings?format=csv&severity=ERROR");
        driver.findElement(By.id("lang-toggle")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                d.findElement(By.id("nav-overview")).getText().equals("总览"));
    }

    private static void screenshot(String name) throws IOException {
        screenshot(driver, name);
    }

    static Path screenshot(WebDriver browser, String name) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        return Files.write(SCREENSHOTS.resolve(name), png);
    }

    static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
