package io.budgetlens.reporting.web;

import static io.budgetlens.testsupport.AsCaller.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.budgetlens.events.Category;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.Fact;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.Severity;
import io.budgetlens.events.Visibility;
import io.budgetlens.reporting.Seed;
import io.budgetlens.testsupport.ParsedBuilder;
import io.budgetlens.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The dashboard's server side without a browser (the browser tests are in e2e-tests): pages render from stored
 * data, evidence is highlighted at its offsets, text from documents is escaped, the Content-Security-Policy is
 * sent, ECharts comes from the webjar on this origin, and the language toggle only redirects within the site.
 */
@QuarkusTest
class DashboardPagesTest {

    static final DisclosureParsed JIANGJIN = Seed.withMeta(
            Seed.withId(Seed.JIANGJIN, Seed.id("dashboard jiangjin"),
                    Visibility.PUBLIC),
            Seed.meta(Seed.JIANGJIN.meta(), "江津区仪表盘测试办公室", null,
                    "重庆市", "江津区", 2024, null));
    static final String HOSTILE_SENTENCE = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    static DisclosureParsed hostile;
    private static boolean seeded;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        Seed.send(JIANGJIN);
        Seed.send(Seed.report(JIANGJIN, new BigDecimal("0.6000"),
                Seed.finding(JIANGJIN, "CHG-001", Severity.ERROR, Category.CHANGE, "变动率不符", "change rate wrong")));
        DisclosureParsed base = Seed.withId(Seed.QIANJIANG, Seed.id("hostile"),
                Visibility.DRAFT);
        String text = base.text() + "\n" + HOSTILE_SENTENCE;
        List<Fact> facts = new ArrayList<>(base.facts());
        int start = text.length() - HOSTILE_SENTENCE.length();
        facts.add(0, new Fact("f-hostile", "income.total", HOSTILE_SENTENCE, new BigDecimal("1"), "万元", 0, "CURRENT",
                null, null, null, null, Evidence.ofText(HOSTILE_SENTENCE, start, text.length())));
        hostile = ParsedBuilder.from(base).text(text).facts(facts).build();
        Seed.send(hostile);
        Seed.send(Seed.report(hostile, BigDecimal.ONE,
                Seed.finding(hostile, "TXT-001", Severity.WARNING, Category.TEXT_VS_TABLE, HOSTILE_SENTENCE,
                        HOSTILE_SENTENCE)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            given().get("/api/v1/disclosures/{id}", JIANGJIN.documentId()).then().body("status", equalTo("VALIDATED"));
            asAdmin().get("/api/v1/disclosures/{id}", hostile.documentId()).then().body("status", equalTo("VALIDATED"));
        });
        seeded = true;
    }

    @Test
    void overviewRendersInChineseWithTheCspAndChartData() {
        String html = given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .extract().asString();
        assertThat(html).contains("总览", "各区“三公”经费", "data-chart=", "/webjars/echarts/5.3.1/dist/echarts.min.js");
        assertThat(html).doesNotContain("<script>", "onclick=", "style=\"");
        given().get("/webjars/echarts/5.3.1/dist/echarts.min.js").then().statusCode(200);
        given().get("/app/dashboard.js").then().statusCode(200);
    }

    @Test
    void disclosurePageHighlightsTheEvidenceAtItsOffsets() {
        String html = given().get("/disclosures/{id}", JIANGJIN.documentId()).then().statusCode(200).extract().asString();
        Evidence evidence = JIANGJIN.facts().get(0).evidence();
        String quote = escape(evidence.quote());
        assertThat(JIANGJIN.text().substring(evidence.start(), evidence.end())).isEqualTo(evidence.quote());
        assertThat(html).contains("<span class=\"anchor\" id=\"ev-f-V-0\"></span><mark class=\"ev ev-f-V-0 q-ev-f-V-0\">"
                + quote + "</mark>");
        assertThat(html).contains("href=\"#ev-f-V-0\"", "id=\"f-V-0\"", "变动率不符", "3,027.5");
    }

    @Test
    void textFromADocumentIsEscapedEverywhere() {
        // a draft's page: only for its owner or an admin (the dashboard's cookie, or a bearer token)
        given().get("/disclosures/{id}", hostile.documentId()).then().statusCode(404);
        given().cookie("budgetlens-token", TestTokens.admin()).get("/disclosures/{id}", hostile.documentId()).then()
                .statusCode(200);
        String html = asAdmin().get("/disclosures/{id}", hostile.documentId()).then().statusCode(200).extract()
                .asString();
        assertThat(html).doesNotContain("<script>alert", "<img src=x");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void findingsDepartmentAndNotFoundPages() {
        given().get("/findings?severity=ERROR&region=江津区").then().statusCode(200)
                .body(containsString("变动率不符")).body(containsString("format=csv"));
        given().get("/findings?severity=LOUD").then().statusCode(200)
                .body(containsString("<p class=\"error\" id=\"filter-error\">筛选条件“严重程度”的值“LOUD”无效，可用：error, warning, info</p>"))
                .body(not(containsString("No enum constant")));
        given().get("/findings?year=3000").then().statusCode(200)
                .body(containsString("筛选条件“年度”的值“3000”无效，可用：1990–2100"));
        given().cookie("lang", "en").get("/findings?kind=forecast").then().statusCode(200)
                .body(containsString("The filter “Kind” does not take “forecast”; use: budget, final_account"));
        given().urlEncodingEnabled(true).get("/departments/{key}", "name:江津区仪表盘测试办公室").then().statusCode(200)
                .body(containsString("江津区仪表盘测试办公室")).body(containsString("chart-timeline"))
                .body(containsString("<td class=\"num\">3,027.5</td>"));
        given().get("/disclosures/{id}", "c".repeat(64)).then().statusCode(404).contentType(containsString("text/html"));
        given().get("/upload").then().statusCode(200).body(containsString("upload-form"));
        // no local token and no OIDC configured here: signing in says so; signing out clears the cookie
        given().redirects().follow(false).get("/login").then().statusCode(404)
                .contentType("application/problem+json").body(containsString("local-token"));
        given().redirects().follow(false).get("/logout").then().statusCode(303)
                .header("Set-Cookie", containsString("budgetlens-token=;"));
    }

    @Test
    void languageToggleRedirectsOnlyWithinTheSite() {
        given().redirects().follow(false).get("/lang/en?back=/findings").then().statusCode(303)
                .header("Location", containsString("/findings")).cookie("lang", "en");
        given().redirects().follow(false).get("/lang/en?back=//evil.example/").then().statusCode(303)
                .header("Location", not(containsString("evil")));
        given().cookie("lang", "en").get("/").then().statusCode(200).body(containsString("Overview"));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
