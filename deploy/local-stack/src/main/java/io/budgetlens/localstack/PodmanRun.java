package io.budgetlens.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/**
 * Translates a service's Kubernetes Deployment (deploy/kubernetes/base) into the arguments of one {@code podman run}:
 * the pod's user, the read-only root filesystem, the dropped capabilities and no privilege escalation, the memory and
 * CPU limits, emptyDir volumes as tmpfs, ConfigMap volumes as read-only bind mounts of their files, and the
 * environment from the same ConfigMaps and Secrets. What a cluster would give differently is passed in: the Secrets'
 * values, the ConfigMap values that name cluster addresses, and environment overrides (host network, no cluster DNS).
 */
final class PodmanRun {

    static final String IMAGE_PREFIX = "localhost/budgetlens/";
    static final String IMAGE_TAG = "local";
    static final String STACK_LABEL = "io.budgetlens.stack";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, JsonNode> configMaps = new LinkedHashMap<>();
    private final Map<String, JsonNode> deployments = new LinkedHashMap<>();

    /** Reads every ConfigMap and Deployment below a kustomize base folder. */
    PodmanRun(Path base) {
        try (Stream<Path> files = Files.walk(base)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(file.toFile())) {
                    for (JsonNode doc : YAML.readValues(parser, JsonNode.class).readAll()) {
                        String kind = doc.path("kind").asText();
                        String name = doc.path("metadata").path("name").asText();
                        if ("ConfigMap".equals(kind)) {
                            configMaps.put(name, doc);
                        } else if ("Deployment".equals(kind)) {
                            deployments.put(name, doc);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the Kubernetes manifests in " + base, e);
        }
    }

    /**
     * The {@code podman run} arguments (after {@code run}) of one service's container.
     *
     * @param localValues ConfigMap values replaced for this machine, keyed {@code configmap/key}
     * @param secrets     the Secrets' values, keyed by Secret name, then key
     * @param overrides   environment variables set last (addresses and ports of the host network)
     * @param configDir   where the ConfigMap volumes' files are written for the bind mounts
     */
    List<String> arguments(String service, String containerName, String stack, Map<String, String> localValues,
            Map<String, Map<String, String>> secrets, Map<String, String> overrides, Path configDir) {
        JsonNode deployment = deployments.get(service);
        if (deployment == null) {
            throw new IllegalArgumentException("No Deployment named " + service + " in the Kubernetes base");
        }
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        JsonNode container = pod.path("containers").get(0);
        List<String> args = new ArrayList<>(List.of("--detach", "--name", containerName, "--network", "host",
                "--label", STACK_LABEL + "=" + stack, "--label", "io.budgetlens.service=" + service));

        JsonNode podSecurity = pod.path("securityContext");
        JsonNode security = container.path("securityContext");
        if (podSecurity.has("runAsUser")) {
            args.add("--user=" + podSecurity.get("runAsUser").asText()
                    + (podSecurity.has("runAsGroup") ? ":" + podSecurity.get("runAsGroup").asText() : ""));
        }
        if (security.path("readOnlyRootFilesystem").asBoolean(false)) {
            args.add("--read-only");
        }
        if (security.has("allowPrivilegeEscalation") && !security.get("allowPrivilegeEscalation").asBoolean()) {
            args.add("--security-opt=no-new-privileges");
        }
        security.path("capabilities").path("drop").forEach(c -> args.add("--cap-drop=" + c.asText()));
        JsonNode limits = container.path("resources").path("limits");
        if (limits.has("memory")) {
            args.add("--memory=" + bytes(limits.get("memory").asText()));
        }
        if (limits.has("cpu")) {
            args.add("--cpus=" + cpus(limits.get("cpu").asText()).toPlainString());
        }
        if (pod.has("terminationGracePeriodSeconds")) {
            args.add("--stop-timeout=" + pod.get("terminationGracePeriodSeconds").asInt());
        }

        for (JsonNode mount : container.path("volumeMounts")) {
            JsonNode volume = volume(pod, mount.path("name").asText(), service);
            String path = mount.path("mountPath").asText();
            if (volume.has("emptyDir")) {
                String size = volume.path("emptyDir").path("sizeLimit").asText("");
                args.add("--tmpfs=" + path + ":rw,mode=1777" + (size.isEmpty() ? "" : ",size=" + bytes(size)));
            } else if (volume.has("configMap")) {
                Path dir = writeConfigMap(volume.path("configMap").path("name").asText(),
                        configDir.resolve(mount.path("name").asText()));
                args.add("--volume=" + dir + ":" + path + (mount.path("readOnly").asBoolean(false) ? ":ro" : ""));
            } else {
                throw new IllegalArgumentException(service + ": volume " + mount.path("name").asText()
                        + " is neither an emptyDir nor a ConfigMap; the local containers support only those");
            }
        }

        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            if (source.has("configMapRef")) {
                configMap(source.path("configMapRef").path("name").asText()).path("data").fields()
                        .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
            } else if (source.has("secretRef")) {
                env.putAll(secrets.getOrDefault(source.path("secretRef").path("name").asText(), Map.of()));
            }
        }
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asText();
            String value = value(service, variable, localValues, secrets);
            if (value != null) {
                env.put(name, value);
            }
        }
        env.putAll(overrides);
        env.forEach((name, value) -> args.add("--env=" + name + "=" + value));

        args.add(image(container.path("image").asText()));
        return args;
    }

    /** {@code budgetlens/ingest-service:latest} in the manifests is {@code localhost/budgetlens/ingest-service:local} here. */
    static String image(String manifestImage) {
        String name = manifestImage.replaceFirst(":[^:/]+$", "");
        return IMAGE_PREFIX + name.substring(name.lastIndexOf('/') + 1) + ":" + IMAGE_TAG;
    }

    private String value(String service, JsonNode variable, Map<String, String> localValues,
            Map<String, Map<String, String>> secrets) {
        if (variable.has("value")) {
            return variable.get("value").asText();
        }
        JsonNode from = variable.path("valueFrom");
        if (from.has("configMapKeyRef")) {
            JsonNode ref = from.get("configMapKeyRef");
            String map = ref.path("name").asText();
            String key = ref.path("key").asText();
            String local = localValues.get(map + "/" + key);
            if (local != null) {
                return local;
            }
            JsonNode value = configMap(map).path("data").path(key);
            if (value.isMissingNode() && !ref.path("optional").asBoolean(false)) {
                throw new IllegalArgumentException(service + ": ConfigMap " + map + " has no key " + key);
            }
            return value.isMissingNode() ? null : value.asText();
        }
        if (from.has("secretKeyRef")) {
            JsonNode ref = from.get("secretKeyRef");
            String secret = ref.path("name").asText();
            String value = secrets.getOrDefault(secret, Map.of()).get(ref.path("key").asText());
            if (value == null && !ref.path("optional").asBoolean(false)) {
                throw new IllegalArgumentException(service + ": no local value for the Secret " + secret + " key "
                        + ref.path("key").asText());
            }
            return value;
        }
        throw new IllegalArgumentException(service + ": environment variable " + variable.path("name").asText()
                + " comes from neither a value, a ConfigMap nor a Secret");
    }

    private JsonNode configMap(String name) {
        JsonNode map = configMaps.get(name);
        if (map == null) {
            throw new IllegalArgumentException("No ConfigMap named " + name + " in the Kubernetes base");
        }
        return map;
    }

    private static JsonNode volume(JsonNode pod, String name, String service) {
        for (JsonNode volume : pod.path("volumes")) {
            if (name.equals(volume.path("name").asText())) {
                return volume;
            }
        }
        throw new IllegalArgumentException(service + ": volume mount " + name + " has no volume");
    }

    /** The ConfigMap's keys as files of a folder the container's user can read, as Kubernetes mounts them. */
    private Path writeConfigMap(String name, Path dir) {
        try {
            Files.createDirectories(dir);
            try (Stream<Path> old = Files.list(dir)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
            var data = configMap(name).path("data").fields();
            while (data.hasNext()) {
                var entry = data.next();
                Path file = dir.resolve(entry.getKey());
                Files.writeString(file, entry.getValue().asText());
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            return dir.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the ConfigMap " + name + " to " + dir, e);
        }
    }

    /** A Kubernetes memory quantity (binary or decimal suffix) in bytes. */
    static long bytes(String quantity) {
        String[][] suffixes = {{"Ki", "1024"}, {"Mi", "1048576"}, {"Gi", "1073741824"}, {"Ti", "1099511627776"},
                {"k", "1000"}, {"M", "1000000"}, {"G", "1000000000"}, {"T", "1000000000000"}};
        for (String[] suffix : suffixes) {
            if (quantity.endsWith(suffix[0])) {
                return new BigDecimal(quantity.substring(0, quantity.length() - suffix[0].length()))
                        .multiply(new BigDecimal(suffix[1])).longValueExact();
            }
        }
        return new BigDecimal(quantity).longValueExact();
    }

    /** A Kubernetes CPU quantity ({@code "1"}, {@code 0.5}, {@code 500m}) in cores. */
    static BigDecimal cpus(String quantity) {
        return quantity.endsWith("m")
                ? new BigDecimal(quantity.substring(0, quantity.length() - 1)).movePointLeft(3).stripTrailingZeros()
                : new BigDecimal(quantity).stripTrailingZeros();
    }
}
