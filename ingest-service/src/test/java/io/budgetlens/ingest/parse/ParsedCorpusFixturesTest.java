package io.budgetlens.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.SerializationFeature;

import io.budgetlens.events.EventJson;

/**
 * The validation service's tests run on the parsed corpus as this parser produces it
 * (test-support/src/main/resources/corpus, shared by the validation and reporting tests). This test keeps those fixtures current: it fails when they differ
 * from the parser's output; regenerate them with {@code mvn test -pl ingest-service -Dtest=ParsedCorpusFixturesTest
 * -Dbudgetlens.regenerateFixtures=true}.
 */
class ParsedCorpusFixturesTest {

    static final Path FIXTURES = Path.of("..", "test-support", "src", "main", "resources", "corpus");

    @ParameterizedTest
    @ValueSource(strings = {"banan-2024-budget.md", "jiangjin-2024-final-accounts.txt", "qianjiang-2024-budget.txt",
            "rongchang-2025-unit-budget.txt", "wulong-2020-final-accounts.txt"})
    void validationFixturesAreTheParsersCurrentOutput(String file) throws IOException {
        DisclosureParser parser = new DisclosureParser(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        String json = EventJson.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(CorpusExtractionTest.parse(parser, file)) + "\n";
        Path fixture = FIXTURES.resolve(file + ".parsed.json");
        if (Boolean.getBoolean("budgetlens.regenerateFixtures")) {
            Files.createDirectories(FIXTURES);
            Files.writeString(fixture, json, StandardCharsets.UTF_8);
        }
        assertThat(fixture).as("fixture " + fixture + " (regenerate: -Dbudgetlens.regenerateFixtures=true)").exists();
        assertThat(Files.readString(fixture, StandardCharsets.UTF_8))
                .as("%s is stale: regenerate with -Dbudgetlens.regenerateFixtures=true", fixture).isEqualTo(json);
    }
}
