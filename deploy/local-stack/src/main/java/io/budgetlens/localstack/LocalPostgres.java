package io.budgetlens.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for the local stack (zonky's embedded binaries), in its own process: fixed port, a data
 * directory under the state directory that is never cleaned, so a restart keeps the data. Creates the
 * {@code budgetlens} role and database on first start. Stops the server on SIGTERM / Ctrl-C.
 *
 * <p>Usage: {@code LocalPostgres <state-dir> <port>}
 */
public final class LocalPostgres {

    public static final String DATABASE = "budgetlens";
    public static final String USER = "budgetlens";

    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: LocalPostgres <state-dir> <port>");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath().resolve("data");
        int port = Integer.parseInt(args[1]);
        boolean fresh = !Files.exists(dataDir.resolve("PG_VERSION"));
        Files.createDirectories(dataDir);
        System.out.println((fresh ? "Initialising" : "Reusing") + " PostgreSQL data in " + dataDir);

        // Checkpoints further apart than the defaults (1GB, 5min): the stack writes about 300 kB of WAL per document,
        // so at 1GB a checkpoint was forced every ~2,000 documents, and the first change of each page after one
        // logs the whole page (about 20 full-page images per document right after it, 3 late in a cycle; bench:
        // "PostgreSQL WAL"). docs/operations.md sizes these for a production server.
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("checkpoint_timeout", "15min")
                // reporting's channels' transactions can deadlock on each other's rows (a document's and those
                // compared with it); each waited the default 1s before PostgreSQL looked, most of the p99 at half rate
                .setServerConfig("deadlock_timeout", "100ms")
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
                System.out.println("PostgreSQL stopped");
            } catch (Exception e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e);
            } finally {
                stopped.countDown();
            }
        }, "postgres-stop"));

        ensureDatabase(port);
        System.out.println("BUDGETLENS-POSTGRES-READY jdbc:postgresql://localhost:" + port + "/" + DATABASE);
        stopped.await();
    }

    static void ensureDatabase(int port) throws SQLException {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
                "postgres", "")) {
            try (var check = admin.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
                check.setString(1, USER);
                if (!check.executeQuery().next()) {
                    admin.createStatement().execute("CREATE ROLE " + USER + " LOGIN");
                }
            }
            try (var check = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                check.setString(1, DATABASE);
                if (!check.executeQuery().next()) {
                    admin.createStatement().execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
                }
            }
        }
    }
}
