package io.budgetlens.ingest.fetch;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The {@link Connector} of the service: HTTP/1.1 over a plain JDK socket connected to a vetted address (no proxy, no
 * name lookup), TLS layered on it with the host name as SNI and for certificate verification. One GET per
 * connection ({@code Connection: close}); no cookies, no credentials; chunked and length-delimited bodies; gzip and
 * deflate content codings. Header sizes are bounded; every read waits at most until the deadline. Plain Java.
 */
public final class HttpConnector implements Connector {

    public static final String USER_AGENT = "BudgetLens-fetch/1.0 (reads published budget disclosures)";
    static final int MAX_LINE = 16 * 1024;
    static final int MAX_HEADER_BYTES = 64 * 1024;
    static final int MAX_HEADERS = 200;

    private final SSLSocketFactory tls;

    /** The JVM's default trust store. */
    public HttpConnector() {
        this((SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    public HttpConnector(SSLSocketFactory tls) {
        this.tls = tls;
    }

    @Override
    public Response open(VettedTarget target, Duration connectTimeout, long deadlineNanos) throws IOException {
        IOException failure = null;
        for (InetAddress address : target.addresses()) {
            Socket socket = new Socket(Proxy.NO_PROXY);
            try {
                socket.connect(new InetSocketAddress(address, target.port()),
                        (int) Math.max(1, Math.min(connectTimeout.toMillis(), remainingMillis(deadlineNanos))));
            } catch (ConnectException | NoRouteToHostException | SocketTimeoutException e) {
                socket.close();
                failure = failure == null ? e : failure;
                continue;
            }
            try {
                return exchange(socket, target, deadlineNanos);
            } catch (IOException | RuntimeException e) {
                socket.close();
                throw e;
            }
        }
        throw failure != null ? failure : new ConnectException("no address to connect to");
    }

    private Response exchange(Socket plain, VettedTarget target, long deadlineNanos) throws IOException {
        Socket socket = plain;
        if (target.https()) {
            SSLSocket ssl = (SSLSocket) tls.createSocket(plain, target.host(), target.port(), true);
            SSLParameters parameters = ssl.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (!target.literal()) {
                parameters.setServerNames(List.of(new SNIHostName(target.host())));
            }
            ssl.setSSLParameters(parameters);
            ssl.setSoTimeout((int) Math.max(1, remainingMillis(deadlineNanos)));
            ssl.startHandshake();
            socket = ssl;
        }
        String request = "GET " + target.requestTarget() + " HTTP/1.1\r\n"
                + "Host: " + target.hostHeader() + "\r\n"
                + "User-Agent: " + USER_AGENT + "\r\n"
                + "Accept: text/html,application/xhtml+xml,application/pdf,application/vnd.ms-excel,"
                + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/msword,"
                + "application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/zip,"
                + "text/plain;q=0.9,*/*;q=0.5\r\n"
                + "Accept-Encoding: gzip, deflate, identity\r\n"
                + "Connection: close\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = new BufferedInputStream(new DeadlineStream(socket, socket.getInputStream(), deadlineNanos));
        int status;
        Map<String, List<String>> headers;
        do {
            status = statusLine(readLine(in));
            headers = headers(in);
        } while (status >= 100 && status < 200 && status != 101);
        if (status == 101) {
            throw new IOException("the server switched protocols (101), which a document fetch does not do");
        }
        return new SocketResponse(socket, status, headers, in);
    }

    private static long remainingMillis(long deadlineNanos) {
        return (deadlineNanos - System.nanoTime()) / 1_000_000;
    }

    static int statusLine(String line) throws IOException {
        // HTTP/1.1 200 OK
        if (!line.startsWith("HTTP/1.") || line.length() < 12 || line.charAt(8) != ' ') {
            throw new IOException("not an HTTP/1.x response: '" + shorten(line) + "'");
        }
        String code = line.substring(9, 12);
        if (!code.chars().allMatch(c -> c >= '0' && c <= '9') || (line.length() > 12 && line.charAt(12) != ' ')) {
            throw new IOException("not an HTTP status: '" + shorten(line) + "'");
        }
        return Integer.parseInt(code);
    }

    static Map<String, List<String>> headers(InputStream in) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int bytes = 0;
        String last = null;
        for (int count = 0; ; count++) {
            String line = readLine(in);
            if (line.isEmpty()) {
                return headers;
            }
            bytes += line.length() + 2;
            if (bytes > MAX_HEADER_BYTES || count > MAX_HEADERS) {
                throw new IOException("the response headers are larger than " + MAX_HEADER_BYTES + " bytes or "
                        + MAX_HEADERS + " lines");
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && last != null) {
                List<String> values = headers.get(last);
                values.set(values.size() - 1, values.get(values.size() - 1) + " " + line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed response header: '" + shorten(line) + "'");
            }
            last = line.substring(0, colon).strip();
            headers.computeIfAbsent(last, k -> new ArrayList<>()).add(line.substring(colon + 1).strip());
        }
    }

    /** A line ending in CRLF (or LF), read as ISO-8859-1, at most {@link #MAX_LINE} bytes. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(80);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed in the middle of the response headers");
            }
            if (line.size() == MAX_LINE) {
                throw new IOException("a response line is longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        String s = line.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }

    /** The response on an open connection; the body stream decodes the framing and the content coding. */
    private static final class SocketResponse implements Response {

        private final Socket socket;
        private final int status;
        private final Map<String, List<String>> headers;
        private final InputStream in;

        SocketResponse(Socket socket, int status, Map<String, List<String>> headers, InputStream in) {
            this.socket = socket;
            this.status = status;
            this.headers = headers;
            this.in = in;
        }

        @Override
        public int status() {
            return status;
        }

        @Override
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        @Override
        public InputStream body() throws IOException {
            InputStream framed;
            String transfer = header("Transfer-Encoding");
            List<String> lengths = headers.getOrDefault("Content-Length", List.of());
            if (status == 204 || status == 304) {
                framed = InputStream.nullInputStream();
            } else if (transfer != null) {
                String coding = transfer.toLowerCase(Locale.ROOT).strip();
                if (!coding.equals("chunked")) {
                    throw new IOException("unsupported Transfer-Encoding '" + transfer + "'");
                }
                framed = new ChunkedStream(in);
            } else if (!lengths.isEmpty()) {
                if (lengths.stream().distinct().count() > 1) {
                    throw new IOException("conflicting Content-Length headers " + lengths);
                }
                long length;
                try {
                    length = Long.parseLong(lengths.get(0));
                } catch (NumberFormatException e) {
                    throw new IOException("malformed Content-Length '" + lengths.get(0) + "'");
                }
                if (length < 0) {
                    throw new IOException("negative Content-Length");
                }
                framed = new LengthStream(in, length);
            } else {
                framed = in;
            }
            String coding = header("Content-Encoding");
            if (coding == null || coding.isBlank() || coding.equalsIgnoreCase("identity")) {
                return framed;
            }
            return switch (coding.toLowerCase(Locale.ROOT).strip()) {
                case "gzip", "x-gzip" -> new GZIPInputStream(framed, 64 * 1024);
                case "deflate" -> new InflaterInputStream(framed);
                default -> throw new IOException("unsupported Content-Encoding '" + coding + "'");
            };
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** Reads from a socket, each read waiting at most until the deadline. */
    private static final class DeadlineStream extends FilterInputStream {

        private final Socket socket;
        private final long deadlineNanos;

        DeadlineStream(Socket socket, InputStream in, long deadlineNanos) {
            super(in);
            this.socket = socket;
            this.deadlineNanos = deadlineNanos;
        }

        private void arm() throws IOException {
            long remaining = remainingMillis(deadlineNanos);
            if (remaining <= 0) {
                throw new SocketTimeoutException("the response took longer than its time limit");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remaining));
        }

        @Override
        public int read() throws IOException {
            arm();
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            arm();
            return super.read(b, off, len);
        }
    }

    /** A body stream that reads in blocks; a single byte is a block of one. */
    private abstract static class BlockStream extends InputStream {

        protected final InputStream in;

        BlockStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }
    }

    /** A body of Content-Length bytes; fewer before the connection closes is an error. */
    private static final class LengthStream extends BlockStream {

        private long remaining;

        LengthStream(InputStream in, long length) {
            super(in);
            this.remaining = length;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new IOException("the connection closed " + remaining + " bytes before the announced length");
            }
            remaining -= n;
            return n;
        }
    }

    /** Transfer-Encoding: chunked (RFC 9112 §7.1); trailers are read and ignored. */
    private static final class ChunkedStream extends BlockStream {

        private long chunkLeft;
        private boolean done;

        ChunkedStream(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (chunkLeft == 0) {
                String line = readLine(in);
                int semicolon = line.indexOf(';');
                String size = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
                if (size.isEmpty() || size.length() > 15 || !size.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                    throw new IOException("malformed chunk size '" + shorten(line) + "'");
                }
                chunkLeft = Long.parseLong(size, 16);
                if (chunkLeft == 0) {
                    headers(in);
                    done = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, chunkLeft));
            if (n < 0) {
                throw new IOException("the connection closed in the middle of a chunk");
            }
            chunkLeft -= n;
            if (chunkLeft == 0 && !readLine(in).isEmpty()) {
                throw new IOException("a chunk is not followed by CRLF");
            }
            return n;
        }
    }
}
