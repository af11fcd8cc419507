package io.budgetlens.localstack;

/** A user-facing failure of a launcher command: printed as one line ("budgetlens: …"), exit code 2. */
public class CliException extends RuntimeException {

    public CliException(String message) {
        super(message);
    }
}
