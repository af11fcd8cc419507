package io.budgetlens.reporting.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Inserts many rows with one prepared statement sent as one JDBC batch on the caller's transaction (with the driver's
 * {@code reWriteBatchedInserts}, a multi-row insert): a statement and a round trip per row showed in the profile of
 * the store path. Used for finding rows and outbox rows.
 */
public final class JdbcBatch {

    /** Sets the parameters of one row; {@code index} is the row's position in the list. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement statement, T row, int index) throws SQLException;
    }

    private JdbcBatch() {
    }

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
}
