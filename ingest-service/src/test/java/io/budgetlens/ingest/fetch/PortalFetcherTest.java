package io.budgetlens.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.budgetlens.ingest.fetch.PortalServer.Answer;

/**
 * The fetcher against a portal on loopback ({@link PortalServer}), reached as {@code portal.test} — the one host the
 * allow-list of these tests names — through the real {@link HttpConnector}: pages and their attachments, redirects
 * (each re-checked), and the limits on bytes, time, redirects and attachments.
 */
class PortalFetcherTest extends PortalTest {

    static final PortalFetcher.Limits LIMITS = new PortalFetcher.Limits(10 * 1024 * 1024, 20, 5,
            Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(20));
    static final byte[] PDF = "%PDF-1.4 not really a pdf, the fetcher does not read it".getBytes();

    final TargetGuard guard = new TargetGuard(new StubResolver(), AllowList.of(List.of("portal.test")));
    final RecordingConnector connector = new RecordingConnector();

    String url(String path) {
        return portal.url("portal.test", path);
    }

    PortalFetcher fetcher(PortalFetcher.Limits limits) {
        return new PortalFetcher(guard, connector, limits);
    }

    List<String> paths() {
        return portal.requests().stream().map(PortalServer.Request::path).toList();
    }

    @Test
    void aPageAndTheFilesItLinksAreFetchedOnceEachInPageOrder() {
        portal.answer("/2024/yusuan.html", Answer.html("""
                        <html><head><title>2024年部门预算公开</title></head><body>
                        <nav><a href="/guide/gongkaizhinan.doc">政府信息公开指南</a></nav>
                        <div class="left_menu"><a href="/guide/other.pdf">其他</a></div>
                        <div class="content"><h1>2024年部门预算公开</h1>
                          <p>附件：<a href="files/narrative.pdf">预算说明</a>
                          <a href="files/narrative.pdf#page=2">预算说明（第2页）</a>
                          <a href="/download.jsp?id=7">附件2：部门预算表.xlsx</a>
                          <a href="/pdfjs/web/viewer.html?file=/files/tables.pdf">在线查看</a>
                          <a href="mailto:czj@example.gov.cn">联系</a> <a href="#top">顶部</a>
                          <a href="/news/list.html">返回列表</a></p></div>
                        <footer><a href="/about.docx">关于</a></footer></body></html>
                        """))
                .answer("/2024/files/narrative.pdf", Answer.of("application/pdf", PDF))
                .answer("/download.jsp", Answer.of("application/octet-stream", new byte[]{'P', 'K', 3, 4, 9})
                        .withHeader("Content-Disposition", "attachment; filename*=UTF-8''%E9%A2%84%E7%AE%97%E8%A1%A8"
                                + ".xlsx"))
                .answer("/files/tables.pdf", Answer.of("application/pdf", PDF).chunkedBody());

        PortalFetcher.Result result = fetcher(LIMITS).fetch(url("/2024/yusuan.html"));

        assertThat(result.files()).extracting(PortalFetcher.FetchedFile::sourceUri).containsExactly(
                url("/2024/yusuan.html"), url("/2024/files/narrative.pdf"), url("/download.jsp?id=7"),
                url("/files/tables.pdf"));
        assertThat(result.files()).extracting(PortalFetcher.FetchedFile::filename)
                .containsExactly("yusuan.html", "narrative.pdf", "预算表.xlsx", "tables.pdf");
        assertThat(result.files()).extracting(PortalFetcher.FetchedFile::page).containsExactly(true, false, false,
                false);
        assertThat(result.files().get(1).content()).isEqualTo(PDF);
        assertThat(result.files().get(3).content()).isEqualTo(PDF);
        assertThat(result.files().get(2).mediaType()).as("generic types are left to the intake's sniffing").isNull();
        assertThat(result.exchanges()).extracting(PortalFetcher.Exchange::status).containsOnly(200);
        assertThat(result.skipped()).isEmpty();
        // Navigation, menus, footers, mail and plain pages are not attachments; nothing was asked twice.
        assertThat(paths()).containsExactly("/2024/yusuan.html", "/2024/files/narrative.pdf", "/download.jsp?id=7",
                "/files/tables.pdf");
    }

    @Test
    void theRequestsCarryTheNameNoCookieAndNoCredentials() {
        portal.answer("/a.html", Answer.html("<a href='/b.pdf'>b</a>").withHeader("Set-Cookie", "JSESSIONID=abc"))
                .answer("/b.pdf", Answer.of("application/pdf", PDF));
        fetcher(LIMITS).fetch(url("/a.html"));
        assertThat(portal.requests()).hasSize(2).allSatisfy(r -> {
            assertThat(r.headers().getFirst("Host")).isEqualTo("portal.test:" + portal.port());
            assertThat(r.headers().containsKey("Cookie")).isFalse();
            assertThat(r.headers().containsKey("Authorization")).isFalse();
            assertThat(r.headers().getFirst("User-Agent")).startsWith("BudgetLens");
        });
        assertThat(RecordingConnector.CALLS).allSatisfy(t -> assertThat(t.host()).isEqualTo("portal.test"));
    }

    @Test
    void redirectsAreFollowedAndTheFileKeepsTheUrlItCameFrom() {
        portal.answer("/old", Answer.redirect(301, "/new/index.html"))
                .answer("/new/index.html", Answer.html("<a href='report.pdf'>决算报告.pdf</a>"))
                .answer("/new/report.pdf", Answer.redirect(302, url("/store/8f3a.pdf")))
                .answer("/store/8f3a.pdf", Answer.of("application/pdf", PDF));
        PortalFetcher.Result result = fetcher(LIMITS).fetch(url("/old"));
        assertThat(result.files()).extracting(PortalFetcher.FetchedFile::sourceUri)
                .containsExactly(url("/new/index.html"), url("/store/8f3a.pdf"));
        assertThat(result.files().get(1).filename()).isEqualTo("report.pdf");
        assertThat(result.exchanges()).extracting(PortalFetcher.Exchange::status).containsExactly(301, 200, 302, 200);
    }

    static Stream<String> forbiddenRedirects() {
        return Stream.of("http://127.0.0.1:{port}/admin", "http://[::1]:{port}/", "http://loopback.test:{port}/",
                "http://metadata.test/latest/meta-data/", "http://169.254.169.254/latest/meta-data/",
                "http://10.0.0.1/", "http://2130706433:{port}/", "http://[::ffff:127.0.0.1]:{port}/",
                "file:///etc/passwd", "gopher://portal.test:{port}/_x", "ftp://portal.test/a.pdf",
                "http://user:secret@portal.test:{port}/");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbiddenRedirects")
    void aRedirectToAForbiddenTargetIsRefusedAndNotFollowed(String location) {
        String target = location.replace("{port}", String.valueOf(portal.port()));
        portal.answer("/r", Answer.redirect(302, target)).answer("/admin", Answer.html("secret"));
        assertThatThrownBy(() -> fetcher(LIMITS).fetch(url("/r")))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("redirects to " + target)
                .hasMessageContaining("Refused")
                .satisfies(e -> assertThat(((FetchException) e).status()).isEqualTo(400));
        assertThat(RecordingConnector.CALLS).hasSize(1);
        assertThat(paths()).containsExactly("/r");
    }

    @Test
    void moreThanFiveRedirectsAreAnError() {
        for (int i = 0; i < 7; i++) {
            portal.answer("/hop/" + i, Answer.redirect(307, "/hop/" + (i + 1)));
        }
        assertThatThrownBy(() -> fetcher(LIMITS).fetch(url("/hop/0")))
                .hasMessageContaining("more than 5 times")
                .satisfies(e -> assertThat(((FetchException) e).status()).isEqualTo(502));
        assertThat(paths()).hasSize(6);
    }

    @Test
    void aPageLinkingInsideTheNetworkFetchesNothingMore() {
        portal.answer("/p.html", Answer.html("""
                <a href="/ok.pdf">ok.pdf</a> <a href="http://10.0.0.7/internal/budget.pdf">内部.pdf</a>"""))
                .answer("/ok.pdf", Answer.of("application/pdf", PDF));
        assertThatThrownBy(() -> fetcher(LIMITS).fetch(url("/p.html")))
                .hasMessageContaining("links the attachment http://10.0.0.7/internal/budget.pdf")
                .hasMessageContaining("private address")
                .satisfies(e -> assertThat(((FetchException) e).status()).isEqualTo(400));
        assertThat(paths()).containsExactly("/p.html");
    }

    @Test
    void attachmentsThatAreNotFilesAreSkippedWithTheReason() {
        portal.answer("/p.html", Answer.html("""
                <a href="/gone.pdf">gone</a> <a href="/login.doc">login</a> <a href="/pic.zip">pic</a>
                <a href="ftp://portal.test/old.xls">old</a> <a href="/ok.pdf">ok</a>"""))
                .answer("/login.doc", Answer.html("<form>请登录</form>"))
                .answer("/pic.zip", Answer.of("image/png", new byte[]{1, 2}))
                .answer("/ok.pdf", Answer.of("application/pdf", PDF));
        PortalFetcher.Result result = fetcher(LIMITS).fetch(url("/p.html"));
        assertThat(result.files()).extracting(PortalFetcher.FetchedFile::sourceUri)
                .containsExactly(url("/p.html"), url("/ok.pdf"));
        assertThat(result.skipped()).extracting(PortalFetcher.Skipped::reason).containsExactly(
                "only http and https links are fetched", "the portal answered 404",
                "the link leads to an HTML page, not a file",
                "the link leads to image/png, not a PDF, XLS/XLSX, DOC/DOCX or ZIP file");
    }

    @Test
    void thePageAndItsAttachmentsShareOneByteLimit() {
        byte[] big = new byte[600];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        portal.answer("/p.html", Answer.html("<a href='/a.pdf'>a</a>" + " ".repeat(500)))
                .answer("/a.pdf", Answer.of("application/pdf", big))
                .answer("/chunked.pdf", Answer.of("application/pdf", big).chunkedBody());
        PortalFetcher.Limits small = new PortalFetcher.Limits(1000, 20, 5, Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofSeconds(20));
        assertThatThrownBy(() -> fetcher(small).fetch(url("/p.html")))
                .hasMessageContaining("larger than the limit of 1000 bytes")
                .satisfies(e -> assertThat(((FetchException) e).status()).isEqualTo(413));
        PortalFetcher.Limits tiny = new PortalFetcher.Limits(500, 20, 5, Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofSeconds(20));
        assertThatThrownBy(() -> fetcher(tiny).fetch(url("/chunked.pdf")))
                .satisfies(e -> assertThat(((FetchException) e).status()).isEqualTo(413));
    }

    @Test
    void aResponseThatStallsIsCutAtItsTimeLimit() {
        portal.answer("/slow.pdf", Answer.of("application/pdf", PDF).stalling());
        PortalFetcher.Limits quick = new PortalFetcher.Limits(1_000_000, 20, 5, Duration.ofSeconds(2),
                Duration.ofSeconds(1), Duration.ofSeconds(20));
        long start = System.nanoTime();
        assertThatThrownBy(() -> fetcher(quick).fetch(url("/slow.pdf")))
                .hasMessageContaining("within 1 s")
                .satisfies(e -> assertThat(((FetchException) e).status()).isEqualTo(504));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aListOfManyFilesIsNotOneDisclosure() {
        StringBuilder page = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            page.append("<a href='/f").append(i).append(".pdf'>f</a>");
        }
        portal.answer("/list.html", Answer.html(page.toString()));
        assertThatThrownBy(() -> fetcher(LIMITS).fetch(url("/list.html")))
                .hasMessageContaining("links 21 attachments; at most 20")
                .satisfies(e -> assertThat(((FetchException) e).status()).isEqualTo(400));
        assertThat(paths()).containsExactly("/list.html");
    }

    @Test
    void whatIsNotADocumentOrNotThereIsAnsweredWithItsStatus() {
        portal.answer("/logo.png", Answer.of("image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G'}))
                .answer("/broken", Answer.status(500))
                .answer("/plain.txt", Answer.of("text/plain; charset=GBK", "2024年部门预算".getBytes(
                        java.nio.charset.Charset.forName("GBK"))));
        assertThatThrownBy(() -> fetcher(LIMITS).fetch(url("/logo.png")))
                .satisfies(e -> assertThat(((FetchException) e).status()).isEqualTo(415));
        assertThatThrownBy(() -> fetcher(LIMITS).fetch(url("/missing.html")))
                .hasMessageContaining("answered 404")
                .satisfies(e -> assertThat(((FetchException) e).status()).isEqualTo(422));
        assertThatThrownBy(() -> fetcher(LIMITS).fetch(url("/broken")))
                .satisfies(e -> assertThat(((FetchException) e).status()).isEqualTo(502));
        PortalFetcher.FetchedFile text = fetcher(LIMITS).fetch(url("/plain.txt")).files().get(0);
        assertThat(text.page()).isFalse();
        assertThat(text.charset()).isEqualTo("GBK");
        assertThat(new String(text.content(), java.nio.charset.Charset.forName("GBK"))).isEqualTo("2024年部门预算");

        int closedPort = portal.port();
        portal.close();
        assertThatThrownBy(() -> fetcher(LIMITS).fetch("http://portal.test:" + closedPort + "/"))
                .hasMessageContaining("Could not fetch")
                .satisfies(e -> assertThat(((FetchException) e).status()).isEqualTo(502));
    }

    @Test
    void contentDispositionNamesAreReadAsPortalsWriteThem() {
        assertThat(PortalFetcher.dispositionFilename("attachment; filename=\"report.pdf\"")).isEqualTo("report.pdf");
        assertThat(PortalFetcher.dispositionFilename("attachment;filename=%E9%99%84%E4%BB%B6.xls"))
                .isEqualTo("附件.xls");
        assertThat(PortalFetcher.dispositionFilename("attachment; filename=\"a.pdf\"; filename*=UTF-8''%E8%A1%A8.pdf"))
                .isEqualTo("表.pdf");
        String rawUtf8 = new String("预算.pdf".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(PortalFetcher.dispositionFilename("attachment; filename=\"" + rawUtf8 + "\"")).isEqualTo("预算.pdf");
        String rawGbk = new String("决算.xls".getBytes(java.nio.charset.Charset.forName("GBK")),
                StandardCharsets.ISO_8859_1);
        assertThat(PortalFetcher.dispositionFilename("attachment; filename=" + rawGbk)).isEqualTo("决算.xls");
        assertThat(PortalFetcher.dispositionFilename("inline")).isNull();
    }
}
