package io.budgetlens.validation.rules;

import java.io.IOException;

import io.budgetlens.events.DisclosureParsed;

/** Gives other test packages the parsed corpus fixtures. */
public final class CorpusValidationTestAccess {

    private CorpusValidationTestAccess() {
    }

    public static DisclosureParsed corpus(String file) throws IOException {
        return CorpusValidationTest.corpus(file);
    }
}
