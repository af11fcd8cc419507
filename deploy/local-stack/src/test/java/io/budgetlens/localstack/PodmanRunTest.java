package io.budgetlens.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service's container is run as its Deployment in deploy/kubernetes/base says: user, read-only root, tmpfs /tmp,
 * dropped capabilities, limits, the ConfigMap mounted at /deployments/config and the environment from the same
 * ConfigMaps and Secrets, with only the host-network addresses replaced.
 */
class PodmanRunTest {

    private static final Path BASE = Path.of("..", "kubernetes", "base");

    @TempDir
    Path dir;

    @Test
    void reportingServiceRunsAsItsDeploymentSays() throws IOException {
        List<String> args = new PodmanRun(BASE).arguments("reporting-service", "budgetlens-reporting-service",
                "budgetlens", Map.of("budgetlens-kafka/bootstrap.servers", "localhost:19092"),
                Map.of("budgetlens-db", Map.of("jdbc-uri", "jdbc:postgresql://localhost:25432/budgetlens",
                        "username", "budgetlens", "password", "")),
                Map.of("QUARKUS_HTTP_PORT", "18080", "BUDGETLENS_INGEST_URL", "http://localhost:18081"), dir);

        assertThat(args).containsSubsequence("--name", "budgetlens-reporting-service", "--network", "host");
        assertThat(args).contains("--user=185:185", "--read-only", "--security-opt=no-new-privileges",
                "--cap-drop=ALL", "--memory=1073741824", "--cpus=1", "--stop-timeout=45",
                "--tmpfs=/tmp:rw,mode=1777,size=268435456",
                "--volume=" + dir.resolve("config").toAbsolutePath() + ":/deployments/config:ro",
                "--env=KAFKA_BOOTSTRAP_SERVERS=localhost:19092",
                "--env=KAFKA_SECURITY_PROTOCOL=PLAINTEXT",
                "--env=QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:25432/budgetlens",
                "--env=QUARKUS_DATASOURCE_USERNAME=budgetlens",
                "--env=QUARKUS_DATASOURCE_PASSWORD=",
                "--env=QUARKUS_HTTP_PORT=18080",
                "--env=BUDGETLENS_INGEST_URL=http://localhost:18081",
                "--label", "io.budgetlens.stack=budgetlens");
        assertThat(args).as("the optional SASL Secret has no local value").noneMatch(a -> a.contains("JAAS"));
        assertThat(args.get(args.size() - 1)).isEqualTo("localhost/budgetlens/reporting-service:local");
        assertThat(Files.readString(dir.resolve("config/application.properties")))
                .contains("quarkus.flyway.migrate-at-start=true", "budgetlens.ingest.url=http://ingest-service:8081");
        assertThat(Files.getPosixFilePermissions(dir.resolve("config/application.properties")).toString())
                .contains("OTHERS_READ");
    }

    @Test
    void aSecretWithoutALocalValueIsNamed() {
        assertThatThrownBy(() -> new PodmanRun(BASE).arguments("reporting-service", "x", "budgetlens",
                Map.of("budgetlens-kafka/bootstrap.servers", "localhost:9092"), Map.of(), Map.of(), dir))
                .hasMessageContaining("Secret budgetlens-db key jdbc-uri");
    }

    @Test
    void kubernetesQuantitiesBecomePodmanOnes() {
        assertThat(PodmanRun.bytes("256Mi")).isEqualTo(268_435_456L);
        assertThat(PodmanRun.bytes("1536Mi")).isEqualTo(1_610_612_736L);
        assertThat(PodmanRun.bytes("1G")).isEqualTo(1_000_000_000L);
        assertThat(PodmanRun.cpus("500m").toPlainString()).isEqualTo("0.5");
        assertThat(PodmanRun.cpus("2").toPlainString()).isEqualTo("2");
        assertThat(PodmanRun.image("registry.example.com/budgetlens/ingest-service:0.1.0"))
                .isEqualTo("localhost/budgetlens/ingest-service:local");
    }
}
