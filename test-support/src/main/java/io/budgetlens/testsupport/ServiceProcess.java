package io.budgetlens.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One packaged service ({@code <module>/target/quarkus-app/quarkus-run.jar}) as its own JVM, the way the launcher and
 * a container run it, with its output in {@code target/services/<module>.log} of the calling module.
 */
public final class ServiceProcess implements AutoCloseable {

    public final String module;
    public final int port;
    private final Map<String, String> environment;
    private Process process;
    private String heap = "384m";

    public ServiceProcess(String module, Map<String, String> environment) {
        this.module = module;
        this.port = freePort();
        this.environment = environment;
    }

    public ServiceProcess heap(String maxHeap) {
        this.heap = maxHeap;
        return this;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public ServiceProcess start() {
        Path jar = Path.of("..", module, "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the end-to-end tests run the packaged services; "
                    + "run them from the root with `mvn verify` (or `mvn -pl e2e-tests -am verify`).");
        }
        try {
            Path log = Path.of("target", "services", module + ".log");
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + heap, "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Waits until /q/health/ready answers 200, failing early when the process exits. */
    public ServiceProcess awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newHttpClient();
        try {
            Awaitility.await(module + " ready").atMost(timeout).pollInterval(Duration.ofMillis(250))
                    .until(() -> ready(client));
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(module + " was not ready within " + timeout + "; see target/services/"
                    + module + ".log");
        }
        return this;
    }

    private boolean ready(HttpClient client) throws InterruptedException {
        if (!process.isAlive()) {
            throw new IllegalStateException(module + " exited with " + process.exitValue() + "; see target/services/"
                    + module + ".log");
        }
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        }
    }

    /** Kills the service at once (SIGKILL, {@code kill -9}): no shutdown, nothing flushed or committed. */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops the service the way Kubernetes does (SIGTERM), waiting for the graceful shutdown. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(45, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
