package io.budgetlens.validation.api;

import static io.budgetlens.testsupport.AsCaller.asReader;
import static io.budgetlens.testsupport.AsCaller.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.budgetlens.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * The shared access settings (service-support's AccessFilter) with anonymous reading switched off and a tiny rate
 * limit: reads need a token with a role, a caller over its budget gets 429 with Retry-After, probes are never limited.
 */
@QuarkusTest
@TestProfile(AccessSettingsTest.Strict.class)
class AccessSettingsTest {

    /** No anonymous reads; one request a second per caller, three at once. */
    public static class Strict implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("budgetlens.security.anonymous-read", "false",
                    "budgetlens.security.rate-limit.requests-per-second", "1",
                    "budgetlens.security.rate-limit.burst", "3");
        }
    }

    @Test
    void readsNeedATokenWithARoleWhenAnonymousReadingIsOff() {
        given().get("/api/v1/rules").then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401));
        with(TestTokens.token("no-roles")).get("/api/v1/rules").then().statusCode(403)
                .contentType("application/problem+json");
        asReader().get("/api/v1/rules").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aCallerOverItsRateLimitGets429WithRetryAfterAndOthersAreNotSlowedDown() throws InterruptedException {
        String token = TestTokens.token("busy-caller", "reader");
        // twelve at once: three fit the burst, one more per second; the rest are refused
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Response> answers;
        try {
            answers = pool.invokeAll(IntStream.range(0, 12).<Callable<Response>>mapToObj(i -> () -> with(token)
                    .get("/api/v1/rules")).toList()).stream().map(f -> {
                        try {
                            return f.get();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }).toList();
        } finally {
            pool.shutdown();
        }
        assertThat(answers).extracting(Response::statusCode).contains(200, 429).containsOnly(200, 429);
        Response refused = answers.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 2);
        with(TestTokens.token("another-caller", "reader")).get("/api/v1/rules").then().statusCode(200);
        for (int i = 0; i < 5; i++) {
            given().get("/q/health/live").then().statusCode(200);
        }
    }
}
