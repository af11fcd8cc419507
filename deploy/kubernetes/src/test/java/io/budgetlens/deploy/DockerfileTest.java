package io.budgetlens.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Dockerfiles are checked for what matters on both bases they are built on (the UBI OpenJDK runtime by default,
 * the Debian base of deploy/containers otherwise): the base as a build argument, the Quarkus fast-jar layout, an
 * entrypoint both bases have, a non-root user the Deployments run as, the service's own port, and no secrets. The
 * container smoke test (e2e-tests) builds and runs them.
 */
class DockerfileTest {

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "validation-service", "reporting-service"})
    void imageRunsTheFastJarAsANonRootUserOnTheServicePort(String service) {
        String dockerfile = Manifests.read(Manifests.REPO.resolve(service).resolve("src/main/docker/Dockerfile.jvm"));
        List<String> instructions = dockerfile.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();

        assertThat(instructions.get(0)).as("the base is a build argument defaulting to the UBI OpenJDK 17 runtime")
                .matches("ARG BASE_IMAGE=registry\\.access\\.redhat\\.com/ubi9/openjdk-17-runtime:[0-9.]+");
        assertThat(instructions.get(1)).isEqualTo("FROM ${BASE_IMAGE}");
        assertThat(instructions).contains(
                "COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/",
                "COPY --chown=185 target/quarkus-app/*.jar /deployments/",
                "COPY --chown=185 target/quarkus-app/app/ /deployments/app/",
                "COPY --chown=185 target/quarkus-app/quarkus/ /deployments/quarkus/",
                "WORKDIR /deployments",
                "ENV JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"");

        List<String> entrypoints = instructions.stream().filter(l -> l.startsWith("ENTRYPOINT ")).toList();
        assertThat(entrypoints).as("UBI's run-java.sh does not exist on the Debian base").singleElement()
                .isEqualTo("ENTRYPOINT [ \"/bin/sh\", \"-c\", \"exec java $JAVA_OPTS $JAVA_OPTS_APPEND -jar "
                        + "\\\"$JAVA_APP_JAR\\\"\" ]");
        assertThat(dockerfile).doesNotContain("run-java.sh\" ]").doesNotContain("RUN ");

        List<String> users = instructions.stream().filter(l -> l.startsWith("USER ")).toList();
        assertThat(users).as("the last USER is the one the container runs as").isNotEmpty();
        String user = users.get(users.size() - 1).substring(5).strip();
        assertThat(user).isNotIn("0", "root").matches("\\d+");
        String deployment = Manifests.read(Manifests.KUBERNETES.resolve("base").resolve(service)
                .resolve("deployment.yaml"));
        assertThat(deployment).as("the Deployment runs as the image's user").contains("runAsUser: " + user);

        String port = Manifests.applicationProperties(service).getProperty("quarkus.http.port");
        assertThat(instructions).contains("EXPOSE " + port);

        assertThat(instructions).noneMatch(l -> l.matches("(?i)(ENV|ARG)\\s+\\S*(PASSWORD|SECRET|TOKEN|JAAS|CREDENTIAL)\\S*.*"));
        assertThat(dockerfile).doesNotContainIgnoringCase("password=");
        assertThat(instructions).noneMatch(l -> l.startsWith("ADD ") && l.contains("http"));
    }

    @Test
    void theDebianBaseHasTheJreTheFontsAndTheServiceUser() {
        String recipe = Manifests.read(Manifests.REPO.resolve("deploy/containers/debian-base.sh"));
        assertThat(recipe).contains("--include=openjdk-17-jre-headless,fonts-noto-cjk", "suite=bookworm",
                "jboss:x:185:185:", "chown 185:185");
    }
}
