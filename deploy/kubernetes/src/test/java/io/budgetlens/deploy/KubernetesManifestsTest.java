package io.budgetlens.deploy;

import static io.budgetlens.deploy.Manifests.KUBERNETES;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.budgetlens.events.TopicSpec;
import io.budgetlens.events.Topics;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * Every manifest parses with fabric8, and the things a platform team relies on hold: probes, resources, security
 * context, env sources, labels, one Service/ConfigMap/PDB/NetworkPolicy per service, and Strimzi topics that are
 * exactly the contract's topics. No cluster is needed; kubectl, when installed, also renders the overlays.
 */
class KubernetesManifestsTest {

    private static final java.nio.file.Path BASE = KUBERNETES.resolve("base");

    @Test
    void everyManifestParses() {
        List<java.nio.file.Path> files = Manifests.files(KUBERNETES);
        assertThat(files).hasSizeGreaterThan(15);
        for (var file : files) {
            assertThat(Manifests.resources(file)).as(file.toString()).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.getMetadata().getName()).isNotBlank());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "validation-service", "reporting-service"})
    void deploymentHasProbesResourcesAndALockedDownSecurityContext(String service) {
        Deployment deployment = deployment(service);
        Container c = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        int port = Integer.parseInt(Manifests.applicationProperties(service).getProperty("quarkus.http.port"));

        assertThat(c.getPorts()).singleElement().satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(port));
        assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
        assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        assertThat(c.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
        assertThat(c.getStartupProbe().getFailureThreshold() * c.getStartupProbe().getPeriodSeconds())
                .as("start-up allowance in seconds").isGreaterThanOrEqualTo(120);

        Map<String, Quantity> requests = c.getResources().getRequests();
        Map<String, Quantity> limits = c.getResources().getLimits();
        assertThat(requests).containsKeys("cpu", "memory");
        assertThat(limits).containsKeys("cpu", "memory");
        assertThat(Quantity.getAmountInBytes(limits.get("memory")))
                .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(requests.get("memory")));

        var pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(185L);
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(c.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
        assertThat(pod.getVolumes()).anySatisfy(v -> {
            assertThat(v.getName()).isEqualTo("tmp");
            assertThat(v.getEmptyDir()).isNotNull();
        });

        Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
        assertThat(annotations).containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", Integer.toString(port))
                .containsEntry("prometheus.io/path", "/q/metrics");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "validation-service", "reporting-service"})
    void gracePeriodOutlastsTheConsumerDrain(String service) throws IOException {
        Deployment deployment = deployment(service);
        ConfigMap config = (ConfigMap) resource(service, "configmap.yaml");
        Properties props = new Properties();
        props.load(new StringReader(config.getData().get("application.properties")));
        Duration shutdown = Duration.parse("PT" + props.getProperty("quarkus.shutdown.timeout").toUpperCase());
        assertThat(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                .isGreaterThan(shutdown.toSeconds() + 10);
        assertThat(props.getProperty("quarkus.http.port"))
                .isEqualTo(Manifests.applicationProperties(service).getProperty("quarkus.http.port"));
        assertThat(deployment.getSpec().getTemplate().getSpec().getVolumes())
                .anySatisfy(v -> assertThat(v.getConfigMap() == null ? null : v.getConfigMap().getName()).isEqualTo(service));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "validation-service", "reporting-service"})
    void configurationComesFromConfigMapsAndCredentialsFromSecrets(String service) {
        Container c = deployment(service).getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, EnvVar> env = c.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));

        assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS").getValueFrom().getConfigMapKeyRef().getName())
                .isEqualTo("budgetlens-kafka");
        assertThat(env.get("KAFKA_SASL_JAAS_CONFIG").getValueFrom().getSecretKeyRef().getOptional()).isTrue();
        assertThat(c.getEnvFrom()).anySatisfy(s -> assertThat(s.getConfigMapRef().getName())
                .isEqualTo("budgetlens-kafka-client"));
        assertThat(c.getEnv()).as("no literal credentials").allSatisfy(e -> {
            if (e.getName().matches(".*(PASSWORD|SECRET|TOKEN|JAAS).*")) {
                assertThat(e.getValue()).isNull();
                assertThat(e.getValueFrom().getSecretKeyRef()).isNotNull();
            }
        });
        if ("reporting-service".equals(service)) {
            for (String name : List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                    "QUARKUS_DATASOURCE_PASSWORD")) {
                assertThat(env.get(name).getValueFrom().getSecretKeyRef().getName()).isEqualTo("budgetlens-db");
            }
        } else {
            assertThat(env).doesNotContainKey("QUARKUS_DATASOURCE_PASSWORD");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "validation-service", "reporting-service"})
    void everyServiceHasItsServicePdbAndNetworkPolicyWithMatchingLabels(String service) {
        Deployment deployment = deployment(service);
        Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();
        assertThat(selector).containsEntry("app.kubernetes.io/name", service);
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(selector);
        assertThat(deployment.getMetadata().getLabels()).containsEntry("app.kubernetes.io/name", service);

        Service svc = (Service) resource(service, "service.yaml");
        assertThat(svc.getSpec().getSelector()).isEqualTo(selector);
        assertThat(svc.getSpec().getPorts()).singleElement().satisfies(p -> assertThat(p.getPort())
                .isEqualTo(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0)
                        .getContainerPort()));

        PodDisruptionBudget pdb = (PodDisruptionBudget) resource(service, "pdb.yaml");
        assertThat(pdb.getSpec().getSelector().getMatchLabels()).isEqualTo(selector);
        assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);

        NetworkPolicy policy = (NetworkPolicy) resource(service, "networkpolicy.yaml");
        assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isEqualTo(selector);
        assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
        assertThat(policy.getSpec().getIngress()).singleElement()
                .satisfies(rule -> assertThat(rule.getFrom()).isNotEmpty());
    }

    @Test
    void networkPoliciesLetInOnlyWhatNeedsEachService() {
        assertThat(allowedPods("validation-service")).containsExactly("reporting-service");
        assertThat(allowedPods("ingest-service")).containsExactly("reporting-service");
        assertThat(allowedPods("reporting-service")).isEmpty();
        assertThat(allowsIngressController("validation-service")).isFalse();
        assertThat(allowsIngressController("ingest-service")).isTrue();
        assertThat(allowsIngressController("reporting-service")).isTrue();
    }

    @Test
    void theIngressRoutesDocumentsAndTheDashboardButNoAdminPath() {
        HasMetadata ingress = Manifests.resources(BASE.resolve("ingress.yaml")).get(0);
        assertThat(ingress.getKind()).isEqualTo("Ingress");
        var rules = ((io.fabric8.kubernetes.api.model.networking.v1.Ingress) ingress).getSpec().getRules();
        List<String> routes = rules.stream().flatMap(r -> r.getHttp().getPaths().stream())
                .map(p -> p.getPath() + " -> " + p.getBackend().getService().getName()).toList();
        assertThat(routes).containsExactlyInAnyOrder("/api/v1/documents -> ingest-service", "/ -> reporting-service");
        assertThat(routes).noneMatch(r -> r.contains("admin") || r.contains("validation-service"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "validation-service", "reporting-service"})
    void egressReachesOnlyDnsKafkaTheIdentityProviderAndForReportingPostgresAndIngestAndForIngestPortals(String service) {
        NetworkPolicy policy = (NetworkPolicy) resource(service, "networkpolicy.yaml");
        List<Integer> ports = policy.getSpec().getEgress().stream().flatMap(r -> r.getPorts().stream())
                .map(p -> p.getPort().getIntVal()).toList();
        List<Integer> expected = new java.util.ArrayList<>(List.of(53, 53, 9092, 9093, 443));
        if (service.equals("reporting-service")) {
            expected.addAll(List.of(5432, 8081));
        }
        if (service.equals("ingest-service")) {
            expected.add(80); // portal fetch over plain http
        }
        assertThat(ports).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void ingestReachesPortalsOverPlainHttpOnlyAtPublicAddresses() {
        NetworkPolicy policy = (NetworkPolicy) resource("ingest-service", "networkpolicy.yaml");
        var http = policy.getSpec().getEgress().stream()
                .filter(r -> r.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == 80)).toList();
        assertThat(http).singleElement().satisfies(rule -> assertThat(rule.getTo()).singleElement()
                .satisfies(peer -> {
                    assertThat(peer.getIpBlock().getCidr()).isEqualTo("0.0.0.0/0");
                    assertThat(peer.getIpBlock().getExcept()).contains("10.0.0.0/8", "172.16.0.0/12",
                            "192.168.0.0/16", "169.254.0.0/16", "127.0.0.0/8");
                }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "validation", "reporting"})
    void eachServiceHasItsOwnKafkaUserAndReadsItsCredentials(String name) {
        List<HasMetadata> users = Manifests.resources(BASE.resolve("kafka-users.yaml"));
        assertThat(users).extracting(u -> u.getMetadata().getName()).contains("budgetlens-" + name);
        Deployment deployment = deployment(name + "-service");
        var jaas = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getName().equals("KAFKA_SASL_JAAS_CONFIG")).findFirst().orElseThrow();
        assertThat(jaas.getValueFrom().getSecretKeyRef().getName()).isEqualTo("budgetlens-" + name);
        assertThat(jaas.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("sasl.jaas.config");
    }

    @Test
    void strimziTopicsAreExactlyTheContractTopics() {
        List<HasMetadata> topics = Manifests.resources(BASE, "KafkaTopic");
        assertThat(topics).extracting(t -> spec(t).get("topicName"))
                .containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(TopicSpec::name).toList());
        for (TopicSpec spec : Topics.ALL) {
            HasMetadata topic = topics.stream().filter(t -> spec.name().equals(spec(t).get("topicName"))).findFirst()
                    .orElseThrow();
            Map<String, Object> s = spec(topic);
            assertThat(s.get("partitions")).as(spec.name()).isEqualTo(spec.partitions());
            @SuppressWarnings("unchecked")
            Map<String, Object> config = (Map<String, Object>) s.get("config");
            spec.configs().forEach((key, value) -> assertThat(String.valueOf(config.get(key)))
                    .as("%s %s", spec.name(), key).isEqualTo(value));
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "budgetlens-kafka");
        }
    }

    @Test
    void devKafkaAcceptsSixteenMebibyteRecordsAndNoSecretShipsWithTheManifests() {
        HasMetadata kafka = Manifests.resources(KUBERNETES.resolve("overlays/dev"), "Kafka").get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) ((Map<String, Object>) spec(kafka).get("kafka")).get("config");
        assertThat(config.get("message.max.bytes")).isEqualTo(Topics.MAX_MESSAGE_BYTES);
        assertThat(config.get("replica.fetch.max.bytes")).isEqualTo(Topics.MAX_MESSAGE_BYTES);
        assertThat(config.get("auto.create.topics.enable")).isEqualTo(false);
        assertThat(Manifests.resources(KUBERNETES.resolve("overlays/dev"), "KafkaNodePool")).hasSize(1);
        assertThat(Manifests.resources(KUBERNETES.resolve("overlays/dev"), "Cluster")).hasSize(1);

        assertThat(Manifests.resources(BASE, "Secret")).isEmpty();
        assertThat(Manifests.resources(KUBERNETES.resolve("overlays"), "Secret")).isEmpty();
        assertThat(Manifests.resources(KUBERNETES.resolve("secrets.example.yaml"))).allSatisfy(secret ->
                assertThat(((io.fabric8.kubernetes.api.model.Secret) secret).getStringData().values())
                        .allSatisfy(v -> assertThat(v).contains("<")));
    }

    @Test
    void prodScalesValidationWithinThePartitionCountAndEnablesMonitoring() {
        var prod = Manifests.yaml(KUBERNETES.resolve("overlays/prod/kustomization.yaml"));
        Map<String, Integer> replicas = new java.util.HashMap<>();
        prod.get("replicas").forEach(r -> replicas.put(r.get("name").asText(), r.get("count").asInt()));
        assertThat(replicas.get("validation-service")).isGreaterThan(replicas.get("ingest-service") - 1)
                .isGreaterThan(1).isLessThanOrEqualTo(Topics.PARTITIONS);
        assertThat(replicas.values()).allSatisfy(n -> assertThat(n).isBetween(2, Topics.PARTITIONS));
        assertThat(prod.get("namespace").asText()).isEqualTo("budgetlens");
        assertThat(prod.get("components").get(0).asText()).endsWith("components/monitoring");
        assertThat(prod.get("images")).allSatisfy(i -> assertThat(i.get("newTag").asText()).matches("\\d+\\.\\d+\\.\\d+"));

        var dev = Manifests.yaml(KUBERNETES.resolve("overlays/dev/kustomization.yaml"));
        assertThat(dev.get("namespace").asText()).isEqualTo("budgetlens-dev");
        dev.get("replicas").forEach(r -> assertThat(r.get("count").asInt()).isEqualTo(1));

        List<HasMetadata> monitoring = Manifests.resources(KUBERNETES.resolve("components/monitoring"), "PrometheusRule");
        String rules = Manifests.read(KUBERNETES.resolve("components/monitoring/prometheusrule.yaml"));
        assertThat(monitoring).hasSize(1);
        assertThat(rules).contains("records_lag_max", ".dlq", "kube_pod_status_ready");
    }

    @Test
    void everyResourcePathOfEveryKustomizationExists() {
        for (var file : List.of("base/kustomization.yaml", "overlays/dev/kustomization.yaml",
                "overlays/prod/kustomization.yaml", "components/monitoring/kustomization.yaml")) {
            var kustomization = Manifests.yaml(KUBERNETES.resolve(file));
            var dir = KUBERNETES.resolve(file).getParent();
            for (String key : List.of("resources", "components")) {
                if (kustomization.has(key)) {
                    kustomization.get(key).forEach(r -> assertThat(dir.resolve(r.asText())).as("%s in %s", r, file)
                            .exists());
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kubectlRendersTheOverlayWhenInstalled(String overlay) throws Exception {
        Assumptions.assumeTrue(onPath("kubectl"), "kubectl is not installed: overlay rendering skipped (the manifest "
                + "checks above still ran)");
        Process p = new ProcessBuilder("kubectl", "kustomize", KUBERNETES.resolve("overlays/" + overlay).toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("kind: Deployment", "kind: KafkaTopic", "namespace: budgetlens");
        assertThat(out.split("(?m)^kind: Deployment$").length - 1).isEqualTo(3);
    }

    private static boolean onPath(String command) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, command)));
    }

    private static Deployment deployment(String service) {
        return (Deployment) resource(service, "deployment.yaml");
    }

    private static HasMetadata resource(String service, String file) {
        return Manifests.resources(BASE.resolve(service).resolve(file)).get(0);
    }

    private static List<String> allowedPods(String service) {
        NetworkPolicy policy = (NetworkPolicy) resource(service, "networkpolicy.yaml");
        return policy.getSpec().getIngress().get(0).getFrom().stream().filter(f -> f.getPodSelector() != null)
                .map(f -> f.getPodSelector().getMatchLabels().get("app.kubernetes.io/name")).toList();
    }

    private static boolean allowsIngressController(String service) {
        NetworkPolicy policy = (NetworkPolicy) resource(service, "networkpolicy.yaml");
        return policy.getSpec().getIngress().get(0).getFrom().stream().anyMatch(f -> f.getNamespaceSelector() != null
                && "true".equals(f.getNamespaceSelector().getMatchLabels().get("budgetlens.io/ingress")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(HasMetadata resource) {
        return (Map<String, Object>) ((GenericKubernetesResource) resource).getAdditionalProperties().get("spec");
    }
}
