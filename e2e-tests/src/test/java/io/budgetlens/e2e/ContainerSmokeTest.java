package io.budgetlens.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.localstack.Containers;
import io.budgetlens.localstack.LocalKeys;
import io.budgetlens.testsupport.CorpusFixtures;
import io.budgetlens.testsupport.SharedKafkaBroker;
import io.budgetlens.testsupport.SharedPostgres;
import io.restassured.path.json.JsonPath;

/**
 * The three services as podman containers: images built from their Dockerfiles on the Debian base
 * (deploy/containers/images.sh), each container run as its Kubernetes Deployment runs it (non-root, read-only root
 * filesystem, tmpfs /tmp, the ConfigMaps' configuration) by the launcher's {@link Containers}, on the real broker and
 * database of test-support. The five samples go in through ingest-service and come out VALIDATED with their
 * summaries and findings; then the containers are removed. Runs in its own JVM (surefire execution
 * {@code container-smoke}). Where podman cannot run containers, each test is skipped with the reason.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerSmokeTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static Containers containers;
    private static String unavailable;

    @BeforeAll
    static void buildTheImagesAndStartTheContainers() throws IOException {
        unavailable = Containers.missingTools().orElse(null);
        if (unavailable != null) {
            return;
        }
        Path state = Path.of("target", "containers").toAbsolutePath();
        Files.createDirectories(state);
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String service : Containers.SERVICES) {
            ports.put(service, freePort());
        }
        containers = new Containers(new Containers.Settings(ROOT, state,
                "budgetlens-smoke-" + UUID.randomUUID().toString().substring(0, 8),
                SharedKafkaBroker.bootstrapServers(), SharedPostgres.jdbcUrl(), SharedPostgres.USER, "", ports));
        Path log = state.resolve("images.log");
        long started = System.nanoTime();
        try {
            containers.buildImages(ProcessBuilder.Redirect.to(log.toFile()));
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "; see " + log + ":\n" + Files.readString(log), e);
        }
        System.out.printf("images built or reused in %d s%n", Duration.ofNanos(System.nanoTime() - started).toSeconds());
        unavailable = containers.cannotRunContainers().orElse(null);
        if (unavailable == null) {
            containers.start();
            containers.awaitReady(Duration.ofSeconds(180), System.out);
        }
    }

    @BeforeEach
    void podmanRunsContainersHere() {
        Assumptions.assumeTrue(unavailable == null, () -> "container smoke test skipped: " + unavailable);
    }

    @AfterAll
    static void removeTheContainers() {
        if (containers != null && unavailable == null) {
            containers.remove();
        }
    }

    @Test
    @Order(1)
    void eachServiceRunsInItsOwnContainerAsTheNonRootUserOfTheDeployments() {
        for (String service : Containers.SERVICES) {
            assertThat(containers.running(service)).as(service).isTrue();
            assertThat(containers.user(service)).as(service + " user").isEqualTo("185");
            String inspect = containers.podman(List.of("inspect", "--format",
                    "{{.HostConfig.ReadonlyRootfs}} {{.Config.Image}}", containers.containerName(service)), true);
            assertThat(inspect.strip()).isEqualTo("true localhost/budgetlens/" + service + ":local");
            // the root filesystem is read-only, /tmp is writable
            assertThat(containers.podman(List.of("exec", containers.containerName(service), "sh", "-c",
                    "touch /deployments/x 2>/dev/null && echo writable || echo read-only; touch /tmp/x && echo tmp-ok"),
                    true).lines()).containsExactly("read-only", "tmp-ok");
        }
    }

    @Test
    @Order(2)
    void theFiveSamplesSentToTheContainersReachValidatedWithTheirSummariesAndFindings() throws IOException {
        String ingest = containers.url("ingest-service");
        String reporting = containers.url("reporting-service");
        Map<String, String> ids = new LinkedHashMap<>();
        // the containers trust the key pair the launcher generated in the state directory (LocalKeys)
        String token = new LocalKeys(Path.of("target", "containers").toAbsolutePath())
                .token("smoke-test", List.of("submitter"), Duration.ofHours(1));
        for (String file : CorpusFixtures.FILES) {
            byte[] content = Files.readAllBytes(ROOT.resolve("samples").resolve(file));
            String documentId = given().baseUri(ingest).auth().oauth2(token)
                    .contentType(file.endsWith(".md") ? "text/markdown; charset=UTF-8" : "text/plain; charset=UTF-8")
                    .queryParam("filename", file).body(content).post("/api/v1/documents")
                    .then().statusCode(202).extract().path("documentId");
            ids.put(file, documentId);
        }
        for (String file : CorpusFixtures.FILES) {
            DisclosureParsed expected = CorpusFixtures.parsed(file);
            String documentId = ids.get(file);
            assertThat(documentId).isEqualTo(expected.documentId());
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> given().baseUri(reporting)
                    .get("/api/v1/disclosures/{id}", documentId).then().statusCode(200)
                    .body("status", equalTo("VALIDATED")));
            JsonPath d = given().baseUri(reporting).get("/api/v1/disclosures/{id}", documentId)
                    .then().extract().jsonPath();
            assertThat(d.getString("meta.kind")).as(file).isEqualTo(expected.meta().kind().name());
            assertThat(d.getInt("meta.fiscalYear")).as(file).isEqualTo(expected.meta().fiscalYear());
            assertThat(d.getString("meta.department")).as(file).isEqualTo(expected.meta().department());
            assertThat(d.getMap("summary")).as(file).containsOnlyKeys(expected.summary().keySet().toArray(String[]::new));
            for (var entry : expected.summary().entrySet()) {
                assertThat(d.getString("summary.'" + entry.getKey() + "'.value")).as(file + " " + entry.getKey())
                        .isEqualTo(entry.getValue().value().toPlainString());
            }
            int[] findings = PipelineEndToEndTest.EXPECTED_FINDINGS.get(file);
            assertThat(d.getInt("findingCounts.ERROR")).as(file + " errors").isEqualTo(findings[0]);
            assertThat(d.getInt("findingCounts.WARNING")).as(file + " warnings").isEqualTo(findings[1]);
        }
    }

    @Test
    @Order(3)
    void removingTheStackLeavesNoContainerBehind() {
        List<String> removed = containers.remove();
        assertThat(removed).containsExactlyInAnyOrderElementsOf(
                Containers.SERVICES.stream().map(containers::containerName).toList());
        for (String service : Containers.SERVICES) {
            assertThat(containers.running(service)).as(service).isFalse();
        }
        assertThat(containers.remove()).isEmpty();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
