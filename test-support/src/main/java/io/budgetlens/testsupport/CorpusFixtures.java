package io.budgetlens.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.EventJson;

/**
 * The five corpus documents as ingest-service parses them (disclosure.parsed.v1 JSON under /corpus on the test
 * classpath; ingest-service's ParsedCorpusFixturesTest keeps them current with the parser).
 */
public final class CorpusFixtures {

    public static final List<String> FILES = List.of("banan-2024-budget.md", "jiangjin-2024-final-accounts.txt",
            "qianjiang-2024-budget.txt", "rongchang-2025-unit-budget.txt", "wulong-2020-final-accounts.txt");

    private CorpusFixtures() {
    }

    public static DisclosureParsed parsed(String file) {
        try (InputStream in = CorpusFixtures.class.getResourceAsStream("/corpus/" + file + ".parsed.json")) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture /corpus/" + file + ".parsed.json");
            }
            return EventJson.mapper().readValue(in, DisclosureParsed.class);
        } catch (IOException e) {
            throw new IllegalStateException("Fixture " + file + " does not read as disclosure.parsed.v1", e);
        }
    }
}
