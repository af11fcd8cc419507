package io.budgetlens.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Docker is not available here, so the Dockerfiles are checked for what matters: a maintained OpenJDK 17 runtime
 * base, the Quarkus fast-jar layout, a non-root user, the service's own port, and no secrets.
 */
class DockerfileTest {

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "validation-service", "reporting-service"})
    void imageRunsTheFastJarAsANonRootUserOnTheServicePort(String service) {
        String dockerfile = Manifests.read(Manifests.REPO.resolve(service).resolve("src/main/docker/Dockerfile.jvm"));
        List<String> instructions = dockerfile.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();

        assertThat(instructions.get(0)).matches("FROM registry\\.access\\.redhat\\.com/ubi9/openjdk-17-runtime:[0-9.]+");
        assertThat(instructions).contains(
                "COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/",
                "COPY --chown=185 target/quarkus-app/*.jar /deployments/",
                "COPY --chown=185 target/quarkus-app/app/ /deployments/app/",
                "COPY --chown=185 target/quarkus-app/quarkus/ /deployments/quarkus/",
                "ENV JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"");

        List<String> users = instructions.stream().filter(l -> l.startsWith("USER ")).toList();
        assertThat(users).as("the last USER is the one the container runs as").isNotEmpty();
        String user = users.get(users.size() - 1).substring(5).strip();
        assertThat(user).isNotIn("0", "root").matches("\\d+");

        String port = Manifests.applicationProperties(service).getProperty("quarkus.http.port");
        assertThat(instructions).contains("EXPOSE " + port);

        assertThat(instructions).noneMatch(l -> l.matches("(?i)(ENV|ARG)\\s+\\S*(PASSWORD|SECRET|TOKEN|JAAS|CREDENTIAL)\\S*.*"));
        assertThat(dockerfile).doesNotContainIgnoringCase("password=");
        assertThat(instructions).noneMatch(l -> l.startsWith("ADD ") && l.contains("http"));
    }
}
