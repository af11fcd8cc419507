package io.budgetlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureMeta;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureValidated;
import io.budgetlens.events.DocumentIds;
import io.budgetlens.events.EventJson;
import io.budgetlens.events.ParseStatus;
import io.budgetlens.events.Topics;
import io.budgetlens.events.Visibility;
import io.budgetlens.testsupport.SecureKafkaBroker;
import io.budgetlens.testsupport.ServiceProcess;
import io.budgetlens.testsupport.TestTokens;

/**
 * Kafka as production runs it: a broker that speaks only SASL_SSL with SCRAM-SHA-512 to clients and authorizes with
 * ACLs, each service its own principal with exactly the ACLs of its Strimzi {@code KafkaUser}
 * (deploy/kubernetes/base/kafka-users.yaml, read here). The packaged validation-service, configured only through the
 * environment variables its Deployment sets (KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_*, KAFKA_SSL_TRUSTSTORE_*), validates
 * what the ingest principal publishes; a principal is refused another service's topics, and a wrong password is
 * refused altogether.
 */
class KafkaSecurityTest {

    static final Path USERS = Path.of("..", "deploy", "kubernetes", "base", "kafka-users.yaml");
    static final Map<String, String> PASSWORDS = new LinkedHashMap<>();
    static SecureKafkaBroker broker;
    static ServiceProcess validation;

    @BeforeAll
    static void startTheBrokerAndValidationService() throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "secure-kafka").toAbsolutePath());
        broker = SecureKafkaBroker.start(dir);
        for (JsonNode user : kafkaUsers()) {
            String name = user.path("metadata").path("name").asText();
            String password = UUID.randomUUID().toString();
            PASSWORDS.put(name, password);
            broker.createUser(name, password, acls(user));
        }
        Map<String, String> env = new HashMap<>(broker.serviceEnvironment("budgetlens-validation",
                PASSWORDS.get("budgetlens-validation")));
        env.putAll(TestTokens.environment());
        validation = new ServiceProcess("validation-service", env).start().awaitReady(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() {
        if (validation != null) {
            validation.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theManifestsGiveEachServiceItsOwnPrincipal() {
        assertThat(PASSWORDS).containsOnlyKeys("budgetlens-ingest", "budgetlens-validation", "budgetlens-reporting");
    }

    @Test
    void validationServiceWorksUnderItsOwnPrincipalOverSaslSsl() {
        DisclosureParsed parsed = parsed("某局2024年部门预算 over SASL_SSL");
        try (KafkaProducer<String, byte[]> ingest = producer("budgetlens-ingest")) {
            ingest.send(new ProducerRecord<>(Topics.PARSED, parsed.documentId(), EventJson.write(parsed)))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the ingest principal may write disclosure.parsed.v1", e);
        }
        try (KafkaConsumer<String, byte[]> reporting = consumer("budgetlens-reporting", "budgetlens-reporting")) {
            reporting.subscribe(List.of(Topics.VALIDATED));
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                reporting.poll(Duration.ofMillis(500)).forEach(seen::add);
                return seen.stream().anyMatch(r -> parsed.documentId().equals(r.key()));
            });
            ConsumerRecord<String, byte[]> report = seen.stream().filter(r -> parsed.documentId().equals(r.key()))
                    .findFirst().orElseThrow();
            assertThat(EventJson.read(report.value(), DisclosureValidated.class).documentId())
                    .isEqualTo(parsed.documentId());
        }
    }

    @Test
    void aServicePrincipalIsRefusedAnotherServicesTopics() {
        // validation-service may not publish documents, nor may reporting-service publish parse results
        try (KafkaProducer<String, byte[]> validationProducer = producer("budgetlens-validation")) {
            assertThatThrownBy(() -> validationProducer.send(new ProducerRecord<>(Topics.RECEIVED, "x",
                    "{}".getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaProducer<String, byte[]> reportingProducer = producer("budgetlens-reporting")) {
            assertThatThrownBy(() -> reportingProducer.send(new ProducerRecord<>(Topics.PARSED, "x",
                    "{}".getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        // nor read the received documents (their bytes), even under its own group
        try (KafkaConsumer<String, byte[]> validationConsumer = consumer("budgetlens-validation",
                "budgetlens-validation")) {
            validationConsumer.subscribe(List.of(Topics.RECEIVED));
            assertThatThrownBy(() -> {
                for (int i = 0; i < 20; i++) {
                    validationConsumer.poll(Duration.ofMillis(500));
                }
            }).isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> config = new HashMap<>(broker.clientConfig("budgetlens-ingest", "wrong"));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.PARSED, "x", new byte[0]))
                    .get(30, TimeUnit.SECONDS)).rootCause().isInstanceOf(SaslAuthenticationException.class);
        }
    }

    private static KafkaProducer<String, byte[]> producer(String user) {
        Map<String, Object> config = new HashMap<>(broker.clientConfig(user, PASSWORDS.get(user)));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, byte[]> consumer(String user, String group) {
        Map<String, Object> config = new HashMap<>(broker.clientConfig(user, PASSWORDS.get(user)));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<JsonNode> kafkaUsers() throws IOException {
        List<JsonNode> users = new ArrayList<>();
        try (var values = new YAMLMapper().readerFor(JsonNode.class).readValues(USERS.toFile())) {
            while (values.hasNext()) {
                JsonNode doc = (JsonNode) values.next();
                if ("KafkaUser".equals(doc.path("kind").asText())) {
                    users.add(doc);
                }
            }
        }
        return users;
    }

    private static List<SecureKafkaBroker.Acl> acls(JsonNode user) {
        List<SecureKafkaBroker.Acl> acls = new ArrayList<>();
        for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
            List<AclOperation> operations = new ArrayList<>();
            acl.path("operations").forEach(o -> operations.add(AclOperation.fromString(o.asText())));
            acls.add(new SecureKafkaBroker.Acl(ResourceType.fromString(acl.path("resource").path("type").asText()
                    .toUpperCase(Locale.ROOT)), acl.path("resource").path("name").asText(), operations));
        }
        return acls;
    }

    private static DisclosureParsed parsed(String text) {
        DisclosureMeta meta = new DisclosureMeta(DisclosureKind.BUDGET, null, 2024, text, null, null, null, null,
                null, null, null, null);
        return new DisclosureParsed(DocumentIds.of(text.getBytes(StandardCharsets.UTF_8)), ParseStatus.PARSED,
                "0.1.0", Instant.now(), Visibility.PUBLIC, "text/plain", null, List.of(), meta, text, List.of(),
                List.of(), List.of(), Map.of(), List.of(), List.of());
    }
}
