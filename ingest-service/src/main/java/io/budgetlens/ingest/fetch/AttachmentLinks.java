package io.budgetlens.ingest.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The attachment links of a portal page: {@code a href}, {@code iframe}/{@code embed src} and {@code object data}
 * that name a PDF, XLS/XLSX, DOC/DOCX or ZIP file by the extension of their path, of a query value
 * ({@code downfile.jsp?filename=附件1.xls}; a pdf.js viewer's {@code viewer.html?file=/upload/a.pdf} is the file
 * itself), or of the link's text or title ({@code <a href="/download?id=7">附件2：预算表.xlsx</a>}). Links in
 * navigation, header, footer and sidebar elements are not the page's attachments. Document order, each URL once.
 * Plain Java (Jsoup).
 */
public final class AttachmentLinks {

    public static final Set<String> EXTENSIONS = Set.of("pdf", "xls", "xlsx", "doc", "docx", "zip");
    private static final Set<String> CHROME_TAGS = Set.of("nav", "header", "footer", "aside");
    private static final Set<String> CHROME_TOKENS = Set.of("nav", "navbar", "menu", "breadcrumb", "footer",
            "header", "sidebar", "side-bar", "topbar");
    private static final Set<String> FILE_PARAMETERS = Set.of("file", "url", "path", "src", "fileurl", "filepath");

    /**
     * A link to an attachment.
     *
     * @param href    the reference as written on the page
     * @param uri     the absolute URL to fetch, or null when the reference is not a valid URL
     * @param name    a file name for it from the link (path, query or text), or null
     * @param problem why the reference cannot be used, or null
     */
    public record Link(String href, URI uri, String name, String problem) {
    }

    private AttachmentLinks() {
    }

    /**
     * @param charset the charset of the HTTP header, or null (then the page's own declaration, else UTF-8)
     * @param base    the URL the page was fetched from
     */
    public static List<Link> find(byte[] html, String charset, URI base) {
        Document page;
        try {
            page = Jsoup.parse(new ByteArrayInputStream(html), supported(charset), base.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Link> links = new LinkedHashMap<>();
        for (Element e : page.select("a[href], area[href], iframe[src], embed[src], object[data]")) {
            if (inChrome(e)) {
                continue;
            }
            String attribute = e.hasAttr("href") ? "href" : e.hasAttr("src") ? "src" : "data";
            String href = e.attr(attribute).strip();
            if (href.isEmpty() || href.startsWith("#") || href.regionMatches(true, 0, "javascript:", 0, 11)
                    || href.regionMatches(true, 0, "mailto:", 0, 7)) {
                continue;
            }
            Link link = link(e.baseUri(), href, e.text().strip(), e.attr("title").strip());
            if (link != null) {
                links.putIfAbsent(link.uri() == null ? link.href() : link.uri().toString(), link);
            }
        }
        return List.copyOf(links.values());
    }

    private static Link link(String base, String href, String text, String title) {
        URI uri;
        try {
            uri = Urls.resolve(URI.create(base), href);
        } catch (FetchException | IllegalArgumentException e) {
            return extension(href) != null || extension(text) != null
                    ? new Link(href, null, null, "not a valid URL: " + e.getMessage()) : null;
        }
        if (uri.getFragment() != null) {
            uri = URI.create(uri.toString().substring(0, uri.toString().indexOf('#')));
        }
        String last = lastSegment(uri);
        if (extension(last) != null) {
            return new Link(href, uri, last, null);
        }
        for (Map.Entry<String, String> parameter : query(uri).entrySet()) {
            String value = parameter.getValue();
            if (extension(value) == null) {
                continue;
            }
            String name = value.substring(value.lastIndexOf('/') + 1);
            if (FILE_PARAMETERS.contains(parameter.getKey()) && (value.startsWith("/") || value.startsWith("http"))) {
                try {
                    return new Link(href, Urls.resolve(uri, value), name, null);
                } catch (FetchException e) {
                    return new Link(href, null, name, "not a valid URL: " + e.getMessage());
                }
            }
            return new Link(href, uri, name, null);
        }
        if (extension(text) != null) {
            return new Link(href, uri, text, null);
        }
        if (extension(title) != null) {
            return new Link(href, uri, title, null);
        }
        return null;
    }

    /** The attachment extension a name ends with (lowercase), or null. */
    public static String extension(String name) {
        if (name == null) {
            return null;
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        String ext = dot < 0 ? null : n.substring(dot + 1);
        return ext != null && EXTENSIONS.contains(ext) ? ext : null;
    }

    /** The last segment of the URL's path, percent-decoded ("" for none). */
    static String lastSegment(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return decode(path.substring(path.lastIndexOf('/') + 1));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = uri.getRawQuery();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                parameters.putIfAbsent(decode(pair.substring(0, eq)).toLowerCase(Locale.ROOT),
                        decode(pair.substring(eq + 1)));
            }
        }
        return parameters;
    }

    /** Percent-decoded as UTF-8 ({@code +} kept); the text itself when it is not validly escaped. */
    static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static boolean inChrome(Element e) {
        for (Element a = e; a != null; a = a.parent()) {
            if (CHROME_TAGS.contains(a.normalName())) {
                return true;
            }
            for (String token : (a.className() + " " + a.id()).toLowerCase(Locale.ROOT).split("[\\s_]+")) {
                if (CHROME_TOKENS.contains(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String supported(String charset) {
        try {
            return charset != null && Charset.isSupported(charset) ? charset : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
