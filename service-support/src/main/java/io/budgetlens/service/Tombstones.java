package io.budgetlens.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.budgetlens.events.CloudEvents;
import io.budgetlens.events.serde.KafkaHeaders;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;

/**
 * Writes the tombstone that deletes a draft from a compacted topic (contract v1.1): key the documentId, value null,
 * headers {@code ce_type io.budgetlens.disclosure.deleted.v1}, {@code ce_id <documentId>:deleted}, {@code ce_subject}
 * the id. Sent with the services' Kafka client settings (bootstrap servers, TLS, SASL), acks=all, and awaited.
 */
@ApplicationScoped
public class Tombstones {

    private static final Logger LOG = Logger.getLogger(Tombstones.class);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private KafkaProducer<String, byte[]> producer;

    /**
     * Writes the tombstone of {@code documentId} on {@code topic}, waits for the broker's acknowledgement and logs the
     * deletion (one log line per topic the draft leaves).
     */
    public void write(String topic, String documentId, String source) {
        var headers = KafkaHeaders.of(CloudEvents.headers(documentId + ":deleted", CloudEvents.TYPE_DELETED, source,
                documentId, Instant.now()));
        try {
            producer().send(new ProducerRecord<>(topic, null, documentId, null, headers)).get(30, TimeUnit.SECONDS);
            LOG.infof("Deleted draft %s from %s", LogSafe.text(documentId), topic);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The tombstone of " + documentId + " could not be written to " + topic
                    + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while deleting " + documentId, e);
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Map<String, Object> config = new HashMap<>(kafkaConfig);
            config.keySet().removeIf(k -> k.startsWith("group.") || k.startsWith("auto.") || k.startsWith("enable.auto"));
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
            producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
