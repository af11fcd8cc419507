package io.budgetlens.ingest.messaging;

import static io.budgetlens.ingest.messaging.IngestPipelineTest.awaitRecord;
import static io.budgetlens.ingest.messaging.IngestPipelineTest.records;
import static io.budgetlens.testsupport.AsCaller.asAdmin;
import static io.budgetlens.testsupport.AsCaller.asReader;
import static io.budgetlens.testsupport.AsCaller.asSubmitter;
import static io.budgetlens.testsupport.AsCaller.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.DocumentIds;
import io.budgetlens.events.EventJson;
import io.budgetlens.events.Topics;
import io.budgetlens.events.Visibility;
import io.budgetlens.service.security.VerifiedTokenCache;
import io.budgetlens.testsupport.KafkaBrokerResource;
import io.budgetlens.testsupport.RecordHeaders;
import io.budgetlens.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;

/**
 * On the real broker: who may send, re-parse and delete (401 without a token, 403 without the role, both as
 * problem+json), and drafts as the contract's v1.1 has them: an id of their own and an owner, so the same bytes sent
 * public later are published, and deletion by tombstones that only the owner or an admin can cause.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class AccessAndDraftsTest {

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writesAndAdminCallsNeedATokenWithTheRightRole() {
        byte[] doc = text("某局2024年部门预算 access test");
        given().contentType("text/plain").body(doc).post("/api/v1/documents").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
        asReader().contentType("text/plain").body(doc).post("/api/v1/documents").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("role"));
        given().urlEncodingEnabled(false).contentType("text/plain").body(doc).post("/api/v1/documents:parse").then().statusCode(401);
        given().post("/api/v1/admin/reparse").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/admin/reparse").then().statusCode(401);
        asSubmitter().post("/api/v1/admin/reparse").then().statusCode(403).contentType("application/problem+json");
        asAdmin().get("/api/v1/admin/reparse").then().statusCode(200);
        asSubmitter().contentType("text/plain").body(doc).post("/api/v1/documents").then().statusCode(202);
    }

    @Test
    void multiPartUploadsAddedPartsAndPortalFetchesNeedASubmitter() {
        byte[] doc = text("某局2024年部门预算 parts access test " + System.nanoTime());
        String id = asSubmitter().contentType("text/plain").body(doc).post("/api/v1/documents").then()
                .statusCode(202).extract().path("documentId");
        awaitRecord(Topics.RECEIVED, id);
        String fetch = "{\"url\": \"http://127.0.0.1/budget.html\"}";

        given().multiPart("file", "a.txt", doc, "text/plain").post("/api/v1/documents").then().statusCode(401)
                .contentType("application/problem+json");
        given().contentType("text/plain").body(text("a table part")).post("/api/v1/documents/{id}/parts", id)
                .then().statusCode(401).contentType("application/problem+json");
        given().urlEncodingEnabled(false).contentType("application/json").body(fetch)
                .post("/api/v1/documents:fetch").then().statusCode(401).contentType("application/problem+json");

        asReader().multiPart("file", "a.txt", doc, "text/plain").post("/api/v1/documents").then().statusCode(403);
        asReader().contentType("text/plain").body(text("a table part")).post("/api/v1/documents/{id}/parts", id)
                .then().statusCode(403).contentType("application/problem+json");
        asReader().urlEncodingEnabled(false).contentType("application/json").body(fetch)
                .post("/api/v1/documents:fetch").then().statusCode(403).contentType("application/problem+json");

        // With the role the calls get through to their own checks: a loopback URL is refused as such (400).
        asSubmitter().urlEncodingEnabled(false).contentType("application/json").body(fetch)
                .post("/api/v1/documents:fetch").then().statusCode(400).body("detail", containsString("127.0.0.1"));
        asSubmitter().contentType("text/plain").body(text("某局2024年部门预算 a table part " + System.nanoTime()))
                .post("/api/v1/documents/{id}/parts", id).then().statusCode(202).body("documentId", equalTo(id));
    }

    @Test
    void theOwnerAddsPartsToTheirDraftAndTheRevisionStaysTheirs() {
        String draftId = asSubmitter("officer-d").contentType("text/plain")
                .body(text("某局2025年部门预算说明 a draft that grows " + System.nanoTime()))
                .queryParam("visibility", "draft").post("/api/v1/documents").then().statusCode(202)
                .extract().path("documentId");
        awaitRecord(Topics.RECEIVED, draftId);
        asSubmitter("officer-d").contentType("text/plain").body(text("部门预算表 its tables " + System.nanoTime()))
                .post("/api/v1/documents/{id}/parts", draftId).then().statusCode(202)
                .body("documentId", equalTo(draftId));
        DisclosureReceived revision = await().atMost(Duration.ofSeconds(60)).until(() -> records(Topics.RECEIVED,
                        draftId, Duration.ofMillis(500)).stream().filter(r -> r.value() != null)
                        .map(r -> EventJson.read(r.value(), DisclosureReceived.class))
                        .filter(r -> r.revisionNumber() == 2).findFirst().orElse(null), r -> r != null);
        assertThat(revision.owner()).isEqualTo("officer-d");
        assertThat(revision.visibility()).isEqualTo(Visibility.DRAFT);
        assertThat(revision.allParts()).hasSize(2);
    }

    @Inject
    JWTParser tokenParser;

    @Test
    void aTokenUsedAgainIsTakenFromTheVerifiedTokensAndAForgedOneIsNot() {
        assertThat(tokenParser).isInstanceOf(VerifiedTokenCache.class);
        String token = TestTokens.token("cache-test", "reader");
        asAdmin().get("/api/v1/admin/reparse").then().statusCode(200);
        for (int i = 0; i < 3; i++) {
            with(token).get("/api/v1/admin/reparse").then().statusCode(403); // verified once, its role still counts
        }
        String admin = TestTokens.admin();
        String[] parts = admin.split("\\.");
        String forged = parts[0] + "." + token.split("\\.")[1] + "." + parts[2];
        with(forged).get("/api/v1/admin/reparse").then().statusCode(401);
    }

    @Test
    void tokensThatDoNotVerifyAreRefused() {
        byte[] doc = text("某局2024年部门预算 token test");
        String expired = TestTokens.sign("x", TestTokens.ISSUER, TestTokens.AUDIENCE, -120, "submitter");
        String otherIssuer = TestTokens.sign("x", "https://elsewhere.example", TestTokens.AUDIENCE, 600, "submitter");
        String otherAudience = TestTokens.sign("x", TestTokens.ISSUER, "another-app", 600, "submitter");
        for (String token : new String[] {expired, otherIssuer, otherAudience, "not.a.jwt"}) {
            with(token).contentType("text/plain").body(doc).post("/api/v1/documents").then().statusCode(401)
                    .contentType("application/problem+json").body("detail", containsString("not accepted"));
        }
    }

    @Test
    void aDraftHasItsOwnIdAndOwnerSoThePublicCopyOfTheSameBytesIsPublished() {
        byte[] doc = text("某局2024年部门预算说明 draft first, public later: 收入10万元, 支出10万元。");
        String publicId = DocumentIds.of(doc);
        String draftId = asSubmitter("officer-a").contentType("text/plain").body(doc)
                .queryParam("visibility", "draft").post("/api/v1/documents")
                .then().statusCode(202).extract().path("documentId");
        assertThat(draftId).isNotEqualTo(publicId).matches("[0-9a-f]{64}");
        DisclosureReceived draft = EventJson.read(awaitRecord(Topics.RECEIVED, draftId).value(),
                DisclosureReceived.class);
        assertThat(draft.owner()).isEqualTo("officer-a");
        assertThat(draft.visibility()).isEqualTo(Visibility.DRAFT);
        assertThat(draft.sha256()).isEqualTo(publicId);

        String again = asSubmitter("officer-a").contentType("text/plain").body(doc).queryParam("visibility", "draft")
                .post("/api/v1/documents").then().statusCode(202).extract().path("documentId");
        assertThat(again).as("every draft upload is its own draft").isNotEqualTo(draftId).isNotEqualTo(publicId);

        asSubmitter().contentType("text/plain").body(doc).post("/api/v1/documents").then().statusCode(202)
                .body("documentId", equalTo(publicId));
        DisclosureReceived published = EventJson.read(awaitRecord(Topics.RECEIVED, publicId).value(),
                DisclosureReceived.class);
        assertThat(published.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(published.owner()).isNull();
        awaitRecord(Topics.PARSED, publicId);
    }

    @Test
    void onlyTheOwnerOrAnAdminDeletesADraftAndDeletionWritesTombstones() {
        byte[] doc = text("某局2025年部门预算说明 a draft to delete: 收入12万元, 支出12万元。");
        String draftId = asSubmitter("officer-b").contentType("text/plain").body(doc)
                .queryParam("visibility", "draft").post("/api/v1/documents")
                .then().statusCode(202).extract().path("documentId");
        awaitRecord(Topics.PARSED, draftId);

        given().delete("/api/v1/documents/{id}", draftId).then().statusCode(401);
        asSubmitter("someone-else").delete("/api/v1/documents/{id}", draftId).then().statusCode(404)
                .contentType("application/problem+json");
        asSubmitter("someone-else").contentType("text/plain").body(text("another part"))
                .post("/api/v1/documents/{id}/parts", draftId).then().statusCode(404);

        String publicId = asSubmitter().contentType("text/plain").body(text("某局2025年部门预算说明 public, kept"))
                .post("/api/v1/documents").then().statusCode(202).extract().path("documentId");
        asAdmin().delete("/api/v1/documents/{id}", publicId).then().statusCode(409)
                .body("detail", containsString("public"));

        asSubmitter("officer-b").delete("/api/v1/documents/{id}", draftId).then().statusCode(204);
        for (String topic : new String[] {Topics.RECEIVED, Topics.PARSED}) {
            ConsumerRecord<String, byte[]> tombstone = await().atMost(Duration.ofSeconds(60))
                    .until(() -> records(topic, draftId, Duration.ofMillis(500)).stream()
                            .filter(r -> r.value() == null).findFirst().orElse(null), r -> r != null);
            assertThat(RecordHeaders.lines(tombstone)).contains("ce_type=io.budgetlens.disclosure.deleted.v1",
                    "ce_id=" + draftId + ":deleted", "ce_subject=" + draftId);
        }
        asSubmitter("officer-b").delete("/api/v1/documents/{id}", draftId).then().statusCode(404);
        // a tombstone is not a poison record
        assertThat(records(Topics.RECEIVED_INGEST_DLQ, draftId, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void anAdminDeletesAnyDraft() {
        String draftId = asSubmitter("officer-c").contentType("text/plain")
                .body(text("某局2025年部门预算说明 admin deletes it")).queryParam("visibility", "draft")
                .post("/api/v1/documents").then().statusCode(202).extract().path("documentId");
        awaitRecord(Topics.RECEIVED, draftId);
        asAdmin().delete("/api/v1/documents/{id}", draftId).then().statusCode(204);
    }
}
