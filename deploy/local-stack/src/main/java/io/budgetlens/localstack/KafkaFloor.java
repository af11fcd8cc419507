package io.budgetlens.localstack;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.budgetlens.events.Topics;

/**
 * The floor of the pipeline on this broker: the same records (the received events of the benchmark's documents,
 * keyed by documentId) produced with the services' producer settings (acks=all, idempotent, the same compression)
 * to a scratch topic of the contract's partition count, and consumed by one bare consumer at the same time; the
 * time until the consumer has them all. The topic is deleted afterwards.
 */
final class KafkaFloor {

    static final String TOPIC = "budgetlens.bench.floor";

    /** What the floor run measured. */
    record Result(int records, long bytes, double seconds, double recordsPerSecond, double megabytesPerSecond,
                  long cpuMillis) {
    }

    private KafkaFloor() {
    }

    /**
     * @param records how many records
     * @param key the key of record i
     * @param value the bytes of record i
     * @param compression the producer's compression.type (as the services use)
     */
    static Result measure(String bootstrap, int records, IntFunction<String> key, IntFunction<byte[]> value,
                          String compression) throws Exception {
        Map<String, Object> admin = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin a = Admin.create(admin)) {
            if (a.listTopics().names().get(30, TimeUnit.SECONDS).contains(TOPIC)) {
                a.deleteTopics(List.of(TOPIC)).all().get(30, TimeUnit.SECONDS);
                waitUntilGone(a);
            }
            a.createTopics(List.of(new NewTopic(TOPIC, Topics.PARTITIONS, (short) 1)
                    .configs(Map.of("max.message.bytes", Integer.toString(Topics.MAX_MESSAGE_BYTES)))))
                    .all().get(30, TimeUnit.SECONDS);
        }
        try {
            return run(bootstrap, records, key, value, compression);
        } finally {
            try (Admin a = Admin.create(admin)) {
                a.deleteTopics(List.of(TOPIC)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Result run(String bootstrap, int records, IntFunction<String> key, IntFunction<byte[]> value,
                              String compression) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES);
        c.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 52_428_800);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);

        long cpuBefore = BenchCommand.ownCpuMillis();
        long start = System.nanoTime();
        AtomicReference<Exception> consumerFailure = new AtomicReference<>();
        long[] consumed = new long[2]; // records, bytes
        Thread consumer = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> kc = new KafkaConsumer<>(c, new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                List<TopicPartition> parts = java.util.stream.IntStream.range(0, Topics.PARTITIONS)
                        .mapToObj(i -> new TopicPartition(TOPIC, i)).toList();
                kc.assign(parts);
                kc.seekToBeginning(parts);
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
                while (consumed[0] < records && System.nanoTime() < deadline) {
                    ConsumerRecords<String, byte[]> batch = kc.poll(Duration.ofMillis(200));
                    for (var r : batch) {
                        consumed[0]++;
                        consumed[1] += r.value().length;
                    }
                }
            } catch (Exception e) {
                consumerFailure.set(e);
            }
        }, "floor-consumer");
        consumer.start();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(TOPIC, key.apply(i), value.apply(i)));
            }
            producer.flush();
        }
        consumer.join(TimeUnit.MINUTES.toMillis(6));
        if (consumerFailure.get() != null) {
            throw consumerFailure.get();
        }
        if (consumed[0] < records) {
            throw new CliException("the floor's consumer read " + consumed[0] + " of " + records + " records");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(records, consumed[1], seconds, records / seconds, consumed[1] / seconds / 1e6,
                BenchCommand.ownCpuMillis() - cpuBefore);
    }

    private static void waitUntilGone(Admin a) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (a.listTopics().names().get(30, TimeUnit.SECONDS).contains(TOPIC) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }
}
