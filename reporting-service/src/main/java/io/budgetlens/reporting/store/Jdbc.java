package io.budgetlens.reporting.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Plain JDBC on the caller's transaction, for the statements of the store path that the profile showed Hibernate
 * costing more than the database: multi-row inserts as one batch, and the look-ups run for every stored document.
 */
public final class Jdbc {

    /** Sets the parameters of one row; {@code index} is the row's position in the list. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement statement, T row, int index) throws SQLException;
    }

    /** Sets a statement's parameters. */
    @FunctionalInterface
    public interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    /** Reads the current row of a result. */
    @FunctionalInterface
    public interface Row<R> {
        R read(ResultSet row) throws SQLException;
    }

    private Jdbc() {
    }

    /**
     * Inserts many rows with one prepared statement sent as one JDBC batch (with the driver's
     * {@code reWriteBatchedInserts}, a multi-row insert): a statement and a round trip per row showed in the profile
     * of the store path. Used for finding rows and outbox rows.
     */
    public static <T> void insert(EntityManager em, String sql, List<T> rows, Binder<T> binder) {
        if (rows.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < rows.size(); i++) {
                    binder.bind(statement, rows.get(i), i);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        });
    }

    /** Runs one statement that returns no rows, without flushing the session (see {@link #read}). */
    public static int update(EntityManager em, String sql, Parameters parameters) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                parameters.set(statement);
                return statement.executeUpdate();
            }
        });
    }

    /**
     * Runs a query (or an {@code UPDATE … RETURNING}) after flushing the session, as a native query would, and reads
     * its rows. As Hibernate native queries these look-ups resolved their result types anew at every execution (a
     * HibernateException thrown and caught each time inside {@code BasicTypeRegistry}): 5 % of the consumer's CPU.
     */
    public static <R> List<R> query(EntityManager em, String sql, Parameters parameters, Row<R> row) {
        em.flush();
        return read(em, sql, parameters, row);
    }

    /**
     * The same without flushing the session first: for statements that read or write only rows other than the
     * managed ones, so that a document's pending changes reach its row in one UPDATE at the end of the record instead
     * of one per statement (each UPDATE of a disclosure row is a new row version with its eleven index entries).
     */
    public static <R> List<R> read(EntityManager em, String sql, Parameters parameters, Row<R> row) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                parameters.set(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    List<R> read = new ArrayList<>();
                    while (rows.next()) {
                        read.add(row.read(rows));
                    }
                    return read;
                }
            }
        });
    }
}
