package io.budgetlens.ingest.fetch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A portal the tests run on loopback (JDK HttpServer, free port): each path answers what the test put there, and
 * every request is recorded with its headers. Only 127.0.0.1 is ever listened on or connected to.
 */
public final class PortalServer implements AutoCloseable {

    /** What one path answers. */
    public record Answer(int status, Map<String, String> headers, byte[] body, boolean chunked, boolean stall) {

        public static Answer of(String contentType, byte[] body) {
            return new Answer(200, Map.of("Content-Type", contentType), body, false, false);
        }

        public static Answer html(String html) {
            return of("text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
        }

        public static Answer redirect(int status, String location) {
            return new Answer(status, Map.of("Location", location), new byte[0], false, false);
        }

        public static Answer status(int status) {
            return new Answer(status, Map.of("Content-Type", "text/html"), "<p>error</p>".getBytes(), false, false);
        }

        public Answer withHeader(String name, String value) {
            Map<String, String> h = new java.util.HashMap<>(headers);
            h.put(name, value);
            return new Answer(status, Map.copyOf(h), body, chunked, stall);
        }

        public Answer chunkedBody() {
            return new Answer(status, headers, body, true, stall);
        }

        /** Sends the headers and the first bytes, then waits until the server is closed. */
        public Answer stalling() {
            return new Answer(status, headers, body, true, true);
        }
    }

    /** A request the server received. */
    public record Request(String path, Headers headers) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    public PortalServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The URL of a path under a host name the tests' resolver maps to 127.0.0.1. */
    public String url(String host, String path) {
        return "http://" + host + ":" + port() + path;
    }

    public PortalServer answer(String path, Answer answer) {
        answers.put(path, answer);
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        requests.add(new Request(path, exchange.getRequestHeaders()));
        Answer answer = answers.getOrDefault(path, answers.get(exchange.getRequestURI().getRawPath()));
        if (answer == null) {
            answer = Answer.status(404);
        }
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        boolean empty = answer.body().length == 0 && !answer.chunked();
        exchange.sendResponseHeaders(answer.status(), empty ? -1 : answer.chunked() ? 0 : answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (answer.stall()) {
                out.write(answer.body(), 0, Math.min(16, answer.body().length));
                out.flush();
                closed.await(60, TimeUnit.SECONDS);
                return;
            }
            out.write(answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away (a refused size or a timeout): nothing to answer.
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
