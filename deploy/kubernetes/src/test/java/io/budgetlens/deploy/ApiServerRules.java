package io.budgetlens.deploy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a Kubernetes API server (and the kubelet, for references) checks on our kinds of objects, applied to rendered
 * manifests: {@code kubectl kustomize} checks none of it. The patterns and limits are those of Kubernetes'
 * apimachinery validation (IsQualifiedName, IsValidLabelValue, IsDNS1123Label/Subdomain, IsDNS1035Label,
 * IsValidPortName, resource.ParseQuantity, ValidateResourceRequirements).
 */
final class ApiServerRules {

    /** One broken rule: the rule's id, the object and field, and what is wrong. */
    record Violation(String rule, String where, String message) {
        @Override
        public String toString() {
            return rule + " " + where + ": " + message;
        }
    }

    static final String LABELS = "labels";
    static final String ANNOTATIONS = "annotations";
    static final String NAMES = "names";
    static final String SELECTORS = "selectors";
    static final String PORTS = "ports";
    static final String PROBES = "probes";
    static final String QUANTITIES = "quantities";
    static final String REFERENCES = "references";
    static final List<String> RULES = List.of(LABELS, ANNOTATIONS, NAMES, SELECTORS, PORTS, PROBES, QUANTITIES,
            REFERENCES);

    private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
    private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern CONFIG_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");
    private static final Pattern QUANTITY = Pattern.compile(
            "([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?");
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job");
    private static final int MAX_ANNOTATIONS_BYTES = 256 * 1024;

    private final List<JsonNode> objects;
    private final Map<String, Set<String>> secrets;
    private final List<Violation> violations = new ArrayList<>();

    /**
     * @param objects        the rendered objects
     * @param outsideSecrets Secrets created outside the manifests (secrets.example.yaml): name to keys
     */
    private ApiServerRules(List<JsonNode> objects, Map<String, Set<String>> outsideSecrets) {
        this.objects = objects;
        this.secrets = new HashMap<>(outsideSecrets);
        for (JsonNode o : objects) {
            if ("Secret".equals(kind(o))) {
                Set<String> keys = new HashSet<>();
                o.path("data").fieldNames().forEachRemaining(keys::add);
                o.path("stringData").fieldNames().forEachRemaining(keys::add);
                secrets.put(name(o), keys);
            }
            // Strimzi's User Operator writes the credentials of KafkaUser X to the Secret X.
            if ("KafkaUser".equals(kind(o)) && o.path("apiVersion").asText().startsWith("kafka.strimzi.io/")) {
                secrets.put(name(o), Set.of("password", "sasl.jaas.config"));
            }
            // CloudNativePG writes the application credentials of cluster X to the Secret X-app.
            if ("Cluster".equals(kind(o)) && o.path("apiVersion").asText().startsWith("postgresql.cnpg.io/")) {
                secrets.put(name(o) + "-app", Set.of("username", "password", "dbname", "host", "port", "uri",
                        "jdbc-uri", "pgpass", "user"));
            }
        }
    }

    /** Every violation of every rule in the objects. */
    static List<Violation> check(List<JsonNode> objects, Map<String, Set<String>> outsideSecrets) {
        ApiServerRules rules = new ApiServerRules(objects, outsideSecrets);
        for (JsonNode o : objects) {
            rules.object(o);
        }
        return rules.violations;
    }

    private void object(JsonNode o) {
        String where = kind(o) + "/" + name(o);
        if ("Service".equals(kind(o))) {
            dns1035Label(where + " metadata.name", name(o));
        } else {
            dns1123Subdomain(where + " metadata.name", name(o));
        }
        if (o.path("metadata").has("namespace")) {
            dns1123Label(NAMES, where + " metadata.namespace", o.path("metadata").path("namespace").asText());
        }
        labelsAndAnnotations(where, o);
        if ("ConfigMap".equals(kind(o))) {
            for (String field : List.of("data", "binaryData")) {
                o.path(field).fieldNames().forEachRemaining(key -> {
                    if (key.length() > 253 || !CONFIG_KEY.matcher(key).matches()) {
                        add(NAMES, where + " " + field, "key '" + key + "' is not a valid ConfigMap key");
                    }
                });
            }
        }
        if (WORKLOADS.contains(kind(o))) {
            workload(where, o);
        }
        if ("Service".equals(kind(o))) {
            service(where, o);
        }
        if ("PodDisruptionBudget".equals(kind(o))) {
            selectsAPod(where + " spec.selector", o.path("spec").path("selector").path("matchLabels"));
        }
        if ("NetworkPolicy".equals(kind(o))) {
            selectsAPod(where + " spec.podSelector", o.path("spec").path("podSelector").path("matchLabels"));
        }
    }

    /** Labels, selectors' labels and annotations anywhere in the object (metadata, pod templates, selectors). */
    private void labelsAndAnnotations(String where, JsonNode node) {
        walk(node, "", (path, field, value) -> {
            boolean labelMap = ("labels".equals(field) && path.endsWith("metadata")) || "matchLabels".equals(field)
                    || (path.equals("spec") && "selector".equals(field) && where.startsWith("Service/"));
            if (labelMap && value.isObject()) {
                value.fields().forEachRemaining(e -> {
                    qualifiedName(LABELS, where + " " + path + "." + field, e.getKey());
                    String v = e.getValue().isNull() ? "" : e.getValue().asText();
                    if (!e.getValue().isValueNode() || v.length() > 63 || !LABEL_VALUE.matcher(v).matches()) {
                        add(LABELS, where + " " + path + "." + field + "." + e.getKey(), "value '" + v
                                + "' is not a valid label value (at most 63 characters: alphanumerics, '-', '_' or"
                                + " '.', starting and ending with an alphanumeric)");
                    }
                });
            }
            if ("annotations".equals(field) && path.endsWith("metadata") && value.isObject()) {
                int size = 0;
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    var e = it.next();
                    qualifiedName(ANNOTATIONS, where + " " + path + ".annotations", e.getKey());
                    if (!e.getValue().isTextual()) {
                        add(ANNOTATIONS, where + " " + path + ".annotations." + e.getKey(),
                                "value must be a string, not " + e.getValue().getNodeType());
                    }
                    size += e.getKey().length() + e.getValue().asText().length();
                }
                if (size > MAX_ANNOTATIONS_BYTES) {
                    add(ANNOTATIONS, where + " " + path + ".annotations", "total size " + size + " exceeds 256 KiB");
                }
            }
        });
    }

    private void workload(String where, JsonNode o) {
        JsonNode template = o.path("spec").path("template");
        JsonNode templateLabels = template.path("metadata").path("labels");
        JsonNode selector = o.path("spec").path("selector");
        if (!"Job".equals(kind(o))) {
            if (selector.path("matchLabels").isEmpty() && selector.path("matchExpressions").isEmpty()) {
                add(SELECTORS, where + " spec.selector", "a workload needs a non-empty selector");
            }
            selector.path("matchLabels").fields().forEachRemaining(e -> {
                if (!e.getValue().equals(templateLabels.path(e.getKey()))) {
                    add(SELECTORS, where + " spec.selector", "selector does not match template labels: "
                            + e.getKey() + "=" + e.getValue().asText() + " is not a label of spec.template");
                }
            });
        }
        JsonNode pod = template.path("spec");
        Set<String> volumes = new HashSet<>();
        for (JsonNode volume : pod.path("volumes")) {
            String name = volume.path("name").asText();
            dns1123Label(NAMES, where + " volume", name);
            volumes.add(name);
            if (volume.has("configMap")) {
                JsonNode ref = volume.get("configMap");
                configMapExists(where + " volume " + name, ref.path("name").asText(), ref.path("optional").asBoolean());
                for (JsonNode item : ref.path("items")) {
                    configMapKey(where + " volume " + name, ref.path("name").asText(), item.path("key").asText(),
                            ref.path("optional").asBoolean());
                }
            }
            if (volume.has("secret")) {
                JsonNode ref = volume.get("secret");
                secretKey(where + " volume " + name, ref.path("secretName").asText(), null,
                        ref.path("optional").asBoolean());
            }
            if (volume.path("emptyDir").has("sizeLimit")) {
                quantity(where + " volume " + name + " emptyDir.sizeLimit", volume.path("emptyDir").path("sizeLimit"));
            }
        }
        List<JsonNode> containers = new ArrayList<>();
        pod.path("initContainers").forEach(containers::add);
        pod.path("containers").forEach(containers::add);
        for (JsonNode c : containers) {
            container(where + " container " + c.path("name").asText(), c, volumes);
        }
    }

    private void container(String where, JsonNode c, Set<String> volumes) {
        dns1123Label(NAMES, where + " name", c.path("name").asText());
        Set<String> portNames = new HashSet<>();
        for (JsonNode port : c.path("ports")) {
            int number = port.path("containerPort").asInt(-1);
            if (number < 1 || number > 65535) {
                add(PORTS, where + " ports", "containerPort " + port.path("containerPort") + " is not in 1-65535");
            }
            if (port.has("name")) {
                String name = port.get("name").asText();
                portName(where + " ports", name);
                if (!portNames.add(name)) {
                    add(PORTS, where + " ports", "port name '" + name + "' is used twice");
                }
            }
        }
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            JsonNode p = c.path(probe);
            for (String handler : List.of("httpGet", "tcpSocket", "grpc")) {
                if (p.has(handler)) {
                    probePort(where + " " + probe + "." + handler + ".port", p.get(handler).path("port"), portNames);
                }
            }
        }
        for (JsonNode mount : c.path("volumeMounts")) {
            if (!volumes.contains(mount.path("name").asText())) {
                add(REFERENCES, where + " volumeMounts", "volume '" + mount.path("name").asText() + "' not found");
            }
        }
        JsonNode resources = c.path("resources");
        for (String kind : List.of("requests", "limits")) {
            resources.path(kind).fields().forEachRemaining(e -> quantity(where + " resources." + kind + "." + e.getKey(),
                    e.getValue()));
        }
        resources.path("requests").fields().forEachRemaining(e -> {
            JsonNode limit = resources.path("limits").path(e.getKey());
            BigDecimal request = amount(e.getValue());
            BigDecimal max = limit.isMissingNode() ? null : amount(limit);
            if (request != null && max != null && request.compareTo(max) > 0) {
                add(QUANTITIES, where + " resources.requests." + e.getKey(), "must be less than or equal to the "
                        + e.getKey() + " limit (" + e.getValue().asText() + " > " + limit.asText() + ")");
            }
        });
        for (JsonNode variable : c.path("env")) {
            String name = variable.path("name").asText();
            if (!ENV_NAME.matcher(name).matches()) {
                add(NAMES, where + " env", "'" + name + "' is not a valid environment variable name");
            }
            JsonNode from = variable.path("valueFrom");
            if (from.has("configMapKeyRef")) {
                JsonNode ref = from.get("configMapKeyRef");
                configMapKey(where + " env " + name, ref.path("name").asText(), ref.path("key").asText(),
                        ref.path("optional").asBoolean());
            }
            if (from.has("secretKeyRef")) {
                JsonNode ref = from.get("secretKeyRef");
                secretKey(where + " env " + name, ref.path("name").asText(), ref.path("key").asText(),
                        ref.path("optional").asBoolean());
            }
        }
        for (JsonNode source : c.path("envFrom")) {
            if (source.has("configMapRef")) {
                configMapExists(where + " envFrom", source.get("configMapRef").path("name").asText(),
                        source.get("configMapRef").path("optional").asBoolean());
            }
            if (source.has("secretRef")) {
                secretKey(where + " envFrom", source.get("secretRef").path("name").asText(), null,
                        source.get("secretRef").path("optional").asBoolean());
            }
        }
    }

    private void service(String where, JsonNode o) {
        JsonNode selector = o.path("spec").path("selector");
        List<JsonNode> pods = selectsAPod(where + " spec.selector", selector);
        for (JsonNode port : o.path("spec").path("ports")) {
            if (port.has("name")) {
                dns1123Label(PORTS, where + " ports", port.get("name").asText());
            }
            JsonNode target = port.path("targetPort");
            if (target.isTextual()) {
                portName(where + " ports.targetPort", target.asText());
                for (JsonNode pod : pods) {
                    boolean found = false;
                    for (JsonNode c : pod.path("spec").path("containers")) {
                        for (JsonNode p : c.path("ports")) {
                            found |= target.asText().equals(p.path("name").asText());
                        }
                    }
                    if (!found) {
                        add(PORTS, where + " ports.targetPort", "no container port named '" + target.asText()
                                + "' in the pods the Service selects");
                    }
                }
            }
        }
    }

    /** The pod templates whose labels the selector matches; a violation when there is none. */
    private List<JsonNode> selectsAPod(String where, JsonNode matchLabels) {
        List<JsonNode> templates = new ArrayList<>();
        if (matchLabels.isMissingNode() || matchLabels.isEmpty()) {
            return templates;
        }
        for (JsonNode o : objects) {
            if (!WORKLOADS.contains(kind(o))) {
                continue;
            }
            JsonNode template = o.path("spec").path("template");
            JsonNode labels = template.path("metadata").path("labels");
            boolean all = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = matchLabels.fields(); it.hasNext(); ) {
                var e = it.next();
                all &= e.getValue().equals(labels.path(e.getKey()));
            }
            if (all) {
                templates.add(template);
            }
        }
        if (templates.isEmpty()) {
            add(SELECTORS, where, "selects no pod template of the manifests (" + matchLabels + ")");
        }
        return templates;
    }

    private void probePort(String where, JsonNode port, Set<String> portNames) {
        if (port.isTextual()) {
            if (!portNames.contains(port.asText())) {
                add(PROBES, where, "named port '" + port.asText() + "' is not a port of the container " + portNames);
            }
        } else if (port.asInt(-1) < 1 || port.asInt(-1) > 65535) {
            add(PROBES, where, "port " + port + " is not in 1-65535");
        }
    }

    private void configMapExists(String where, String name, boolean optional) {
        if (!optional && configMap(name) == null) {
            add(REFERENCES, where, "ConfigMap '" + name + "' is not in the manifests");
        }
    }

    private void configMapKey(String where, String name, String key, boolean optional) {
        JsonNode map = configMap(name);
        if (optional) {
            return;
        }
        if (map == null) {
            add(REFERENCES, where, "ConfigMap '" + name + "' is not in the manifests");
        } else if (!map.path("data").has(key) && !map.path("binaryData").has(key)) {
            add(REFERENCES, where, "ConfigMap '" + name + "' has no key '" + key + "'");
        }
    }

    private void secretKey(String where, String name, String key, boolean optional) {
        if (optional) {
            return;
        }
        Set<String> keys = secrets.get(name);
        if (keys == null) {
            add(REFERENCES, where, "Secret '" + name + "' is neither in the manifests, nor in secrets.example.yaml, "
                    + "nor written by an operator of the manifests");
        } else if (key != null && !keys.contains(key)) {
            add(REFERENCES, where, "Secret '" + name + "' has no key '" + key + "'");
        }
    }

    private JsonNode configMap(String name) {
        return objects.stream().filter(o -> "ConfigMap".equals(kind(o)) && name.equals(name(o))).findFirst()
                .orElse(null);
    }

    private void quantity(String where, JsonNode value) {
        if (amount(value) == null) {
            add(QUANTITIES, where, "'" + value.asText() + "' is not a Kubernetes quantity (e.g. 500m, 1, 512Mi, 1Gi)");
        }
    }

    /** The quantity's value, or null when it does not parse. */
    static BigDecimal amount(JsonNode value) {
        if (!value.isValueNode()) {
            return null;
        }
        Matcher m = QUANTITY.matcher(value.asText());
        if (!m.matches()) {
            return null;
        }
        BigDecimal number = new BigDecimal(m.group(1));
        String suffix = m.group(2) == null ? "" : m.group(2);
        return switch (suffix) {
            case "" -> number;
            case "Ki" -> number.multiply(BigDecimal.valueOf(1L << 10));
            case "Mi" -> number.multiply(BigDecimal.valueOf(1L << 20));
            case "Gi" -> number.multiply(BigDecimal.valueOf(1L << 30));
            case "Ti" -> number.multiply(BigDecimal.valueOf(1L << 40));
            case "Pi" -> number.multiply(BigDecimal.valueOf(1L << 50));
            case "Ei" -> number.multiply(BigDecimal.valueOf(1L << 60));
            case "n" -> number.movePointLeft(9);
            case "u" -> number.movePointLeft(6);
            case "m" -> number.movePointLeft(3);
            case "k" -> number.movePointRight(3);
            case "M" -> number.movePointRight(6);
            case "G" -> number.movePointRight(9);
            case "T" -> number.movePointRight(12);
            case "P" -> number.movePointRight(15);
            case "E" -> number.movePointRight(18);
            default -> number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1)));
        };
    }

    private void qualifiedName(String rule, String where, String key) {
        String prefix = "";
        String name = key;
        int slash = key.indexOf('/');
        if (slash >= 0) {
            prefix = key.substring(0, slash);
            name = key.substring(slash + 1);
            if (prefix.isEmpty() || prefix.length() > 253 || !DNS1123_SUBDOMAIN.matcher(prefix).matches()) {
                add(rule, where, "key '" + key + "': prefix must be a DNS-1123 subdomain");
            }
        }
        if (name.isEmpty() || name.length() > 63 || !QUALIFIED_NAME.matcher(name).matches()) {
            add(rule, where, "key '" + key + "': name part must be at most 63 characters: alphanumerics, '-', '_' "
                    + "or '.', starting and ending with an alphanumeric");
        }
    }

    private void dns1123Subdomain(String where, String name) {
        if (name.length() > 253 || !DNS1123_SUBDOMAIN.matcher(name).matches()) {
            add(NAMES, where, "'" + name + "' is not a DNS-1123 subdomain (lower-case alphanumerics, '-' and '.', "
                    + "at most 253 characters)");
        }
    }

    private void dns1123Label(String rule, String where, String name) {
        if (name.length() > 63 || !DNS1123_LABEL.matcher(name).matches()) {
            add(rule, where, "'" + name + "' is not a DNS-1123 label (lower-case alphanumerics and '-', at most 63 "
                    + "characters)");
        }
    }

    private void dns1035Label(String where, String name) {
        if (name.length() > 63 || !DNS1035_LABEL.matcher(name).matches()) {
            add(NAMES, where, "'" + name + "' is not a DNS-1035 label (a Service name starts with a letter)");
        }
    }

    /** IANA_SVC_NAME: at most 15 characters, lower-case alphanumerics and '-', a letter, no '--', no '-' at the ends. */
    private void portName(String where, String name) {
        if (name.length() > 15 || !name.matches("[-a-z0-9]+") || !name.matches(".*[a-z].*") || name.contains("--")
                || name.startsWith("-") || name.endsWith("-")) {
            add(PORTS, where, "port name '" + name + "' is not an IANA service name (at most 15 characters: "
                    + "lower-case alphanumerics and '-', with a letter)");
        }
    }

    private void add(String rule, String where, String message) {
        violations.add(new Violation(rule, where, message));
    }

    private interface FieldVisitor {
        void visit(String path, String field, JsonNode value);
    }

    private static void walk(JsonNode node, String path, FieldVisitor visitor) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                visitor.visit(path, e.getKey(), e.getValue());
                walk(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), visitor);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", visitor);
            }
        }
    }

    static String kind(JsonNode o) {
        return o.path("kind").asText();
    }

    static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }
}
