package io.budgetlens.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** Loads the repository's manifests: every Kubernetes document of a folder, typed by fabric8. */
final class Manifests {

    static final Path REPO = Path.of("..", "..").toAbsolutePath().normalize();
    static final Path KUBERNETES = REPO.resolve("deploy/kubernetes");
    static final List<String> SERVICES = List.of("ingest-service", "validation-service", "reporting-service");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Manifests() {
    }

    /** Every YAML file below a folder except kustomization files. */
    static List<Path> files(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> !p.getFileName().toString().equals("kustomization.yaml"))
                    .filter(p -> !p.toString().contains("/src/"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Kubernetes documents of one file (split on ---), typed by kind; unknown kinds are generic resources. */
    static List<HasMetadata> resources(Path file) {
        List<HasMetadata> out = new ArrayList<>();
        for (String doc : read(file).split("(?m)^---\\s*$")) {
            if (doc.lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"))) {
                continue;
            }
            out.add(SERIALIZATION.unmarshal(doc, HasMetadata.class));
        }
        return out;
    }

    static List<HasMetadata> resources(Path folder, String kind) {
        return files(folder).stream().flatMap(f -> resources(f).stream()).filter(r -> kind.equals(r.getKind())).toList();
    }

    static JsonNode yaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a YAML stream (comments and empty documents dropped). */
    static List<JsonNode> documents(String yaml) {
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(yaml)) {
            return YAML.readValues(parser, JsonNode.class).readAll().stream()
                    .filter(d -> d != null && d.isObject() && !d.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The overlay as kustomize renders it for {@code kubectl apply -k}. kubectl ships with this project's machines;
     * without it the checks of the rendered overlays fail (they never skip).
     */
    static List<JsonNode> rendered(String overlay) {
        Path dir = KUBERNETES.resolve("overlays").resolve(overlay);
        try {
            Process p = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + err);
            }
            return documents(out);
        } catch (IOException e) {
            throw new IllegalStateException("kubectl is needed to render " + dir + " (install kubectl; it renders "
                    + "what kubectl apply -k would send): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The Secrets an operator creates before applying (secrets.example.yaml): name to keys. */
    static Map<String, Set<String>> exampleSecrets() {
        Map<String, Set<String>> secrets = new java.util.LinkedHashMap<>();
        for (JsonNode secret : documents(read(KUBERNETES.resolve("secrets.example.yaml")))) {
            Set<String> keys = new TreeSet<>();
            secret.path("stringData").fieldNames().forEachRemaining(keys::add);
            secret.path("data").fieldNames().forEachRemaining(keys::add);
            secrets.put(secret.path("metadata").path("name").asText(), keys);
        }
        return secrets;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A service's own src/main/resources/application.properties. */
    static Properties applicationProperties(String service) {
        Properties props = new Properties();
        try {
            props.load(new StringReader(read(REPO.resolve(service).resolve("src/main/resources/application.properties"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }
}
