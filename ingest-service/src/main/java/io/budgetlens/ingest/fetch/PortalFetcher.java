package io.budgetlens.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.budgetlens.ingest.decode.DocumentFormat;
import io.budgetlens.ingest.decode.DocumentReader;

/**
 * Fetches a disclosure from a portal: the URL's page or file, and when it is an HTML page, the attachments it links
 * ({@link AttachmentLinks}). Every URL — the first, every redirect (followed here, at most {@code maxRedirects} per
 * file) and every attachment — passes the {@link TargetGuard} before the {@link Connector} is asked for it; all
 * attachment links are vetted before the first one is fetched. The bytes of all responses together stay within
 * {@code maxBytes}, each response within {@code responseTimeout} and the whole fetch within {@code totalTimeout}.
 * Plain Java.
 */
public final class PortalFetcher {

    /** The bounds of one fetch. */
    public record Limits(long maxBytes, int maxAttachments, int maxRedirects, Duration connectTimeout,
                         Duration responseTimeout, Duration totalTimeout) {
    }

    /** One HTTP exchange made: the URL, the status, the declared content type and the body bytes read. */
    public record Exchange(String url, int status, String contentType, long bytes) {
    }

    /**
     * A file fetched: the page or an attachment.
     *
     * @param sourceUri the URL its bytes came from (after redirects)
     * @param mediaType the declared type, or null when it was generic (then the intake sniffs it)
     */
    public record FetchedFile(String sourceUri, byte[] content, String mediaType, String charset, String filename,
                              boolean page) {
    }

    /** A link not made part of the document, and why. */
    public record Skipped(String url, String reason) {
    }

    /** Everything a fetch brought back: the files (the page or file first), every exchange, the links skipped. */
    public record Result(List<FetchedFile> files, List<Exchange> exchanges, List<Skipped> skipped) {
    }

    static final Set<String> PAGE_TYPES = Set.of("text/html", "application/xhtml+xml");
    static final Set<String> FILE_TYPES = Set.of("application/pdf", "application/x-pdf", "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/zip",
            "application/x-zip-compressed");
    static final Set<String> TEXT_TYPES = Set.of("text/plain", "text/markdown", "text/x-markdown");
    /** What portals send for a download whose type they do not know; the bytes decide. */
    static final Set<String> GENERIC_TYPES = Set.of("", "application/octet-stream", "binary/octet-stream",
            "application/x-download", "application/force-download", "application/download", "application/unknown");
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Pattern FILENAME_STAR = Pattern.compile("filename\\*\\s*=\\s*([^']*)'[^']*'([^;]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FILENAME = Pattern.compile("filename\\s*=\\s*(\"([^\"]*)\"|[^;]+)",
            Pattern.CASE_INSENSITIVE);

    private final TargetGuard guard;
    private final Connector connector;
    private final Limits limits;

    public PortalFetcher(TargetGuard guard, Connector connector, Limits limits) {
        this.guard = guard;
        this.connector = connector;
        this.limits = limits;
    }

    /**
     * @throws FetchException with the status to answer and a message naming the URL and the reason
     */
    public Result fetch(String url) {
        return new Run().fetch(guard.vet(url));
    }

    /** The state of one fetch: its byte budget, its deadline, what it did. */
    private final class Run {

        private final long deadline = System.nanoTime() + limits.totalTimeout().toNanos();
        private final List<Exchange> exchanges = new ArrayList<>();
        private final List<Skipped> skipped = new ArrayList<>();
        private final List<FetchedFile> files = new ArrayList<>();
        private long used;

        Result fetch(VettedTarget first) {
            Got got = follow(first);
            String type = got.mediaType();
            if (!got.ok()) {
                got.close();
                throw new FetchException(got.status() < 500 && got.status() >= 400 ? 422 : 502, "The portal answered "
                        + got.status() + " for " + got.url() + ": there is no document to fetch there.");
            }
            if (!PAGE_TYPES.contains(type) && !FILE_TYPES.contains(type) && !TEXT_TYPES.contains(type)
                    && !GENERIC_TYPES.contains(type)) {
                got.close();
                throw new FetchException(415, got.url() + " is " + type + ", not a disclosure page or document (HTML, "
                        + "PDF, XLS/XLSX, DOC/DOCX, ZIP or text).");
            }
            byte[] body = read(got);
            boolean page = PAGE_TYPES.contains(type) || (GENERIC_TYPES.contains(type) && looksLikeHtml(body));
            files.add(new FetchedFile(got.url(), body, GENERIC_TYPES.contains(type) ? null : type, got.charset(),
                    got.filename(AttachmentLinks.lastSegment(got.target.uri())), page));
            if (page) {
                attachments(AttachmentLinks.find(body, got.charset(), got.target.uri()), got.target.uri());
            }
            return new Result(List.copyOf(files), List.copyOf(exchanges), List.copyOf(skipped));
        }

        private void attachments(List<AttachmentLinks.Link> links, URI page) {
            List<AttachmentLinks.Link> usable = new ArrayList<>();
            for (AttachmentLinks.Link link : links) {
                if (link.uri() == null) {
                    skipped.add(new Skipped(link.href(), link.problem()));
                } else if (!"http".equalsIgnoreCase(link.uri().getScheme())
                        && !"https".equalsIgnoreCase(link.uri().getScheme())) {
                    skipped.add(new Skipped(link.uri().toString(), "only http and https links are fetched"));
                } else if (!link.uri().equals(page)) {
                    usable.add(link);
                }
            }
            if (usable.size() > limits.maxAttachments()) {
                throw new FetchException(400, page + " links " + usable.size() + " attachments; at most "
                        + limits.maxAttachments() + " are fetched for one disclosure (is it a list of disclosures "
                        + "rather than one disclosure's page?).");
            }
            // Every link is vetted before any is fetched: a page pointing inside the network fetches nothing more.
            List<VettedTarget> targets = new ArrayList<>();
            for (AttachmentLinks.Link link : usable) {
                try {
                    targets.add(guard.vet(link.uri()));
                } catch (FetchException e) {
                    throw new FetchException(e.status(), "The page " + page + " links the attachment " + link.href()
                            + ". " + e.getMessage());
                }
            }
            for (int i = 0; i < usable.size(); i++) {
                attachment(usable.get(i), targets.get(i));
            }
        }

        private void attachment(AttachmentLinks.Link link, VettedTarget target) {
            Got got = follow(target);
            String type = got.mediaType();
            if (!got.ok()) {
                got.close();
                skipped.add(new Skipped(got.url(), "the portal answered " + got.status()));
                return;
            }
            if (!FILE_TYPES.contains(type) && !GENERIC_TYPES.contains(type)) {
                got.close();
                skipped.add(new Skipped(got.url(), PAGE_TYPES.contains(type) ? "the link leads to an HTML page, "
                        + "not a file" : "the link leads to " + type + ", not a PDF, XLS/XLSX, DOC/DOCX or ZIP file"));
                return;
            }
            byte[] body = read(got);
            files.add(new FetchedFile(got.url(), body, GENERIC_TYPES.contains(type) ? null : type, got.charset(),
                    got.filename(link.name()), false));
        }

        /** Opens the URL, following redirects (each one vetted) up to the limit. */
        private Got follow(VettedTarget target) {
            VettedTarget current = target;
            for (int redirects = 0; ; redirects++) {
                long now = System.nanoTime();
                if (now >= deadline) {
                    throw tooSlow(current.uri());
                }
                long responseDeadline = Math.min(deadline, now + limits.responseTimeout().toNanos());
                Connector.Response response;
                try {
                    response = connector.open(current, limits.connectTimeout(), responseDeadline);
                } catch (SocketTimeoutException e) {
                    throw new FetchException(504, "No answer from " + current.uri() + " in time (connect timeout "
                            + limits.connectTimeout().toSeconds() + " s, response timeout "
                            + limits.responseTimeout().toSeconds() + " s).");
                } catch (IOException e) {
                    throw new FetchException(502, "Could not fetch " + current.uri() + ": " + e.getMessage());
                }
                Got got = new Got(current, response);
                if (!REDIRECTS.contains(response.status())) {
                    return got;
                }
                String location = response.header("Location");
                got.close();
                exchanges.add(new Exchange(current.uri().toString(), response.status(), null, 0));
                if (location == null || location.isBlank()) {
                    throw new FetchException(502, current.uri() + " answered " + response.status()
                            + " without a Location to go to.");
                }
                if (redirects == limits.maxRedirects()) {
                    throw new FetchException(502, current.uri() + " redirects more than " + limits.maxRedirects()
                            + " times in a row.");
                }
                try {
                    current = guard.vet(Urls.resolve(current.uri(), location));
                } catch (FetchException e) {
                    throw new FetchException(e.status(), current.uri() + " redirects to " + location + ". "
                            + e.getMessage());
                }
            }
        }

        /** The body, within the byte budget left and the response's deadline. */
        private byte[] read(Got got) {
            long budget = limits.maxBytes() - used;
            String length = got.response.header("Content-Length");
            try (got) {
                if (length != null && length.strip().matches("[0-9]{1,18}")
                        && Long.parseLong(length.strip()) > budget) {
                    throw tooLarge();
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                InputStream in = got.response.body();
                byte[] buffer = new byte[64 * 1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    if (out.size() + (long) n > budget) {
                        throw tooLarge();
                    }
                    out.write(buffer, 0, n);
                }
                used += out.size();
                exchanges.add(new Exchange(got.url(), got.status(), got.response.header("Content-Type"), out.size()));
                return out.toByteArray();
            } catch (SocketTimeoutException e) {
                throw System.nanoTime() >= deadline ? tooSlow(got.target.uri())
                        : new FetchException(504, got.url() + " did not send its whole response within "
                        + limits.responseTimeout().toSeconds() + " s.");
            } catch (IOException e) {
                throw new FetchException(502, "Could not read " + got.url() + ": " + e.getMessage());
            }
        }

        private FetchException tooLarge() {
            return new FetchException(413, "The page and its attachments are larger than the limit of "
                    + limits.maxBytes() + " bytes (budgetlens.ingest.max-document-bytes).");
        }

        private FetchException tooSlow(URI at) {
            return new FetchException(504, "The fetch took longer than " + limits.totalTimeout().toSeconds()
                    + " s in all (at " + at + ").");
        }
    }

    /** An open response and where it came from. */
    private record Got(VettedTarget target, Connector.Response response) implements AutoCloseable {

        String url() {
            return target.uri().toString();
        }

        int status() {
            return response.status();
        }

        boolean ok() {
            return response.status() == 200 || response.status() == 203;
        }

        /** The declared media type without parameters, lowercase; "" when none. */
        String mediaType() {
            String type = response.header("Content-Type");
            return type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        }

        String charset() {
            String type = response.header("Content-Type");
            if (type == null) {
                return null;
            }
            for (String parameter : type.split(";")) {
                String[] kv = parameter.strip().split("=", 2);
                if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("charset")) {
                    return kv[1].strip().replace("\"", "");
                }
            }
            return null;
        }

        /** The name from Content-Disposition, else the given one, else null. */
        String filename(String fallback) {
            String name = dispositionFilename(response.header("Content-Disposition"));
            if (name == null || name.isBlank()) {
                name = fallback;
            }
            return name == null || name.isBlank() ? null : name.strip();
        }

        @Override
        public void close() {
            try {
                response.close();
            } catch (IOException e) {
                // Closing a finished or failed exchange: nothing left to do.
            }
        }
    }

    /**
     * The file name of a Content-Disposition header: RFC 6266 {@code filename*=UTF-8''…} first, else
     * {@code filename=}, percent-decoded when it is escaped, and re-read as UTF-8 or GB18030 when a portal sent the
     * raw bytes (headers are read as ISO-8859-1).
     */
    static String dispositionFilename(String disposition) {
        if (disposition == null) {
            return null;
        }
        Matcher star = FILENAME_STAR.matcher(disposition);
        if (star.find()) {
            String charset = star.group(1).isBlank() ? "UTF-8" : star.group(1).strip();
            try {
                return URLDecoder.decode(star.group(2).strip().replace("+", "%2B"), charset);
            } catch (IllegalArgumentException | java.io.UnsupportedEncodingException e) {
                // Fall back to filename=.
            }
        }
        Matcher plain = FILENAME.matcher(disposition);
        if (!plain.find()) {
            return null;
        }
        String name = plain.group(2) != null ? plain.group(2) : plain.group(1).strip();
        if (name.matches(".*%[0-9A-Fa-f]{2}.*")) {
            try {
                return URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return name;
            }
        }
        byte[] raw = name.getBytes(StandardCharsets.ISO_8859_1);
        for (java.nio.charset.Charset charset : List.of(StandardCharsets.UTF_8,
                java.nio.charset.Charset.forName("GB18030"))) {
            try {
                return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(raw)).toString();
            } catch (CharacterCodingException e) {
                // Try the next one.
            }
        }
        return name;
    }

    static boolean looksLikeHtml(byte[] body) {
        try {
            return DocumentReader.format(body, null) == DocumentFormat.HTML;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
