package io.budgetlens.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.security.auth.SecurityProtocol;

import io.budgetlens.events.Topics;
import io.budgetlens.events.serde.TopicAdmin;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * A real KRaft broker the way production runs Kafka for BudgetLens: clients connect over SASL_SSL with SCRAM-SHA-512
 * (a throwaway self-signed certificate made with the JDK's keytool for each broker), and the StandardAuthorizer
 * allows each principal only its ACLs. A second, plaintext listener is where the test itself, as super user, creates
 * the topics, the SCRAM users and their ACLs. Its own broker, not the shared one.
 */
public final class SecureKafkaBroker implements AutoCloseable {

    public static final String MECHANISM = "SCRAM-SHA-512";

    /** One ACL: a topic or group, and the operations allowed on it. */
    public record Acl(ResourceType type, String name, List<AclOperation> operations) {
    }

    private final EmbeddedKafkaBroker broker;
    private final Path truststore;
    private final String storePassword;
    private final String secureBootstrap;

    private SecureKafkaBroker(EmbeddedKafkaBroker broker, Path truststore, String storePassword, String secure) {
        this.broker = broker;
        this.truststore = truststore;
        this.storePassword = storePassword;
        this.secureBootstrap = secure;
    }

    /** Starts the broker with the contract's topics; {@code dir} holds the keystore and truststore. */
    public static SecureKafkaBroker start(Path dir) {
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        Path keystore = dir.resolve("broker.p12");
        Path certificate = dir.resolve("broker.pem");
        Path truststore = dir.resolve("truststore.p12");
        for (Path store : List.of(keystore, certificate, truststore)) {
            deleteIfExists(store); // a store of an earlier run has another password
        }
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", password, "-keypass", password);
        keytool("-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(), "-storepass", password,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "broker", "-file", certificate.toString(), "-storetype",
                "PKCS12", "-keystore", truststore.toString(), "-storepass", password);
        int port = freePort();
        int plainPort = freePort();
        // Kafka wants the inter-broker listener among the advertised ones: the plaintext one (the test's admin) too.
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker()
                .withDeleteLogDirsOnClose(true)
                .withKafkaPort(plainPort)
                .withAdvertisedListeners(EmbeddedKafkaBroker.endpoint("SASL_SSL", SecurityProtocol.SASL_SSL,
                        "localhost", port), EmbeddedKafkaBroker.endpoint(SecurityProtocol.PLAINTEXT, "localhost",
                        plainPort))
                .withAdditionalProperties(props -> {
                    props.putAll(TopicAdmin.singleNodeBrokerProperties());
                    props.put("sasl.enabled.mechanisms", MECHANISM);
                    props.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                            "org.apache.kafka.common.security.scram.ScramLoginModule required;");
                    props.put("listener.name.sasl_ssl.ssl.keystore.location", keystore.toString());
                    props.put("listener.name.sasl_ssl.ssl.keystore.password", password);
                    props.put("listener.name.sasl_ssl.ssl.key.password", password);
                    props.put("listener.name.sasl_ssl.ssl.keystore.type", "PKCS12");
                    props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
                    // the plaintext listeners (controller, inter-broker, the test's admin) are the super user
                    props.put("super.users", "User:ANONYMOUS");
                    props.put("allow.everyone.if.no.acl.found", "false");
                })
                .start();
        SharedKafkaBroker.createTopics(plaintext(broker), Topics.ALL);
        return new SecureKafkaBroker(broker, truststore, password, "localhost:" + port);
    }

    private static String plaintext(EmbeddedKafkaBroker broker) {
        for (String listener : broker.getAdvertisedListeners().split(",")) {
            if (listener.startsWith("PLAINTEXT://")) {
                return listener.substring("PLAINTEXT://".length());
            }
        }
        throw new IllegalStateException("no plaintext listener in " + broker.getAdvertisedListeners());
    }

    /** Creates a SCRAM user with its ACLs (allowed from any host). */
    public void createUser(String name, String password, List<Acl> acls) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, plaintext(broker)))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(name,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password))).all()
                    .get(30, TimeUnit.SECONDS);
            List<AclBinding> bindings = new ArrayList<>();
            for (Acl acl : acls) {
                for (AclOperation operation : acl.operations()) {
                    bindings.add(new AclBinding(new ResourcePattern(acl.type(), acl.name(), PatternType.LITERAL),
                            new AccessControlEntry("User:" + name, "*", operation, AclPermissionType.ALLOW)));
                }
            }
            admin.createAcls(bindings).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not create Kafka user " + name, e);
        }
    }

    /** The SASL_SSL bootstrap address clients use. */
    public String bootstrapServers() {
        return secureBootstrap;
    }

    /** Client settings of a principal (for a plain Kafka client). */
    public Map<String, Object> clientConfig(String user, String password) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, secureBootstrap);
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        config.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        config.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(user, password));
        config.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, truststore.toString());
        config.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, storePassword);
        config.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12");
        return config;
    }

    /** The same settings as the environment variables a service's Deployment sets (KAFKA_*). */
    public Map<String, String> serviceEnvironment(String user, String password) {
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", secureBootstrap, "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", MECHANISM, "KAFKA_SASL_JAAS_CONFIG", jaas(user, password),
                "KAFKA_SSL_TRUSTSTORE_LOCATION", truststore.toString(), "KAFKA_SSL_TRUSTSTORE_PASSWORD", storePassword,
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12");
    }

    static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    @Override
    public void close() {
        broker.close();
    }

    private static void keytool(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
