package io.budgetlens.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The counts of a mutation test and what both mutation tests require of them: more than half of the changes
 * catchable, the caught rates at or above the test's floors, and the uncatchable list as committed.
 */
record Score(int all, int catchable, int caught, int caughtCatchable) {

    static final Score NONE = new Score(0, 0, 0, 0);

    /** This score and one more changed figure: whether a check caught it, and whether a check could. */
    Score count(boolean wasCaught, boolean wasCatchable) {
        int hit = wasCaught ? 1 : 0;
        return wasCatchable ? new Score(all + 1, catchable + 1, caught + hit, caughtCatchable + hit)
                : new Score(all + 1, catchable, caught + hit, caughtCatchable);
    }

    int uncatchable() {
        return all - catchable;
    }

    /** Caught / catchable (1 when nothing was catchable). */
    double catchableRate() {
        return catchable == 0 ? 1 : (double) caughtCatchable / catchable;
    }

    /** Caught / all changes (1 when nothing was changed). */
    double allRate() {
        return all == 0 ? 1 : (double) caught / all;
    }

    void assertAtLeast(double catchableFloor, double allFloor) {
        assertThat(catchable).as("catchable changes").isGreaterThan(all / 2);
        assertThat(catchableRate()).as("caught / catchable").isGreaterThanOrEqualTo(catchableFloor);
        assertThat(allRate()).as("caught / all changes").isGreaterThanOrEqualTo(allFloor);
    }

    /**
     * The uncatchable changes and their reasons ({@code list}) must be as committed in {@code committed}; with
     * {@code -Dbudgetlens.regenerateUncatchable=true} the file is written first, for review of its diff.
     */
    static void assertUncatchableAsCommitted(Path committed, String list, String what) throws IOException {
        if (Boolean.getBoolean("budgetlens.regenerateUncatchable")) {
            Files.writeString(committed, list, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                .as("%s and their reasons changed: review, then regenerate with "
                        + "-Dbudgetlens.regenerateUncatchable=true", what).isEqualTo(list);
    }
}
