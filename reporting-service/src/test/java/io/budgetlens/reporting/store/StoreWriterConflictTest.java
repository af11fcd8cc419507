package io.budgetlens.reporting.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** Which failures StoreWriter writes again at once (a lost lock conflict) and which it waits out as an outage. */
class StoreWriterConflictTest {

    @Test
    void aDeadlockOrSerialisationFailureIsALockConflictWhereverItIsWrapped() {
        SQLException deadlock = new SQLException("ERROR: deadlock detected", "40P01");
        assertThat(StoreWriter.isLockConflict(deadlock)).isTrue();
        assertThat(StoreWriter.isLockConflict(new RuntimeException("commit failed", new RuntimeException(deadlock))))
                .isTrue();
        assertThat(StoreWriter.isLockConflict(new SQLException("could not serialize access", "40001"))).isTrue();
        // still transient, for the backoff once the quick attempts are spent
        assertThat(StoreWriter.isTransient(deadlock)).isTrue();
    }

    @Test
    void anOutageOrABadRecordIsNoLockConflict() {
        assertThat(StoreWriter.isLockConflict(new SQLException("Connection refused", "08001"))).isFalse();
        assertThat(StoreWriter.isLockConflict(new SQLException("value too long", "22001"))).isFalse();
        assertThat(StoreWriter.isLockConflict(new IllegalStateException("no SQL here"))).isFalse();
    }
}
