package io.midstream.tools.generate;

import io.midstream.avro.LlmChunk;
import io.midstream.chunk.ChunkCodec;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

/**
 * Sends a generator's chunks to Kafka, keyed by session id, in real time (each chunk when its
 * send time comes, as gateways would) or as fast as the producer takes them; and, where asked,
 * malformed records between them, of the kinds a broken producer writes.
 */
public final class ChunkProducer {
    public static final String MALFORMED_KEY = "malformed";

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final double malformed;
    private final Random random;
    public final LongAdder chunks = new LongAdder();
    public final LongAdder malformedSent = new LongAdder();

    public ChunkProducer(Producer<byte[], byte[]> producer, String topic, double malformed, long seed) {
        this.producer = producer;
        this.topic = topic;
        this.malformed = malformed;
        this.random = new Random(seed);
    }

    /**
     * Sends until the generator is done or {@code stop} says so.
     *
     * @param realTime wait for each chunk's send time on the wall clock, which the virtual clock starts at
     */
    public void run(LoadGenerator generator, boolean realTime, BooleanSupplier stop) throws InterruptedException {
        while (generator.hasNext() && !stop.getAsBoolean()) {
            LoadGenerator.Planned next = generator.next();
            if (realTime) {
                long wait = next.sendAt() - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
            }
            send(next.chunk());
            if (malformed > 0 && random.nextDouble() < malformed) {
                sendMalformed(next.chunk());
            }
        }
        producer.flush();
    }

    public void send(LlmChunk chunk) {
        producer.send(new ProducerRecord<>(topic, chunk.getSessionId().getBytes(StandardCharsets.UTF_8), ChunkCodec.encode(chunk)));
        chunks.increment();
    }

    /** One of: bytes that are not Avro, a truncated record, a record of an unknown schema, a chunk that breaks the contract. */
    public void sendMalformed(LlmChunk template) {
        byte[] valid = ChunkCodec.encode(template);
        byte[] value = switch (random.nextInt(4)) {
            case 0 -> "{\"session_id\": \"json is not the format\"}".getBytes(StandardCharsets.UTF_8);
            case 1 -> Arrays.copyOf(valid, valid.length / 2);
            case 2 -> {
                byte[] unknown = valid.clone();
                unknown[2] ^= 0x5A; // the first fingerprint byte: a schema nobody registered
                yield unknown;
            }
            default -> ChunkCodec.encode(LlmChunk.newBuilder(template).setSeq(-1).build());
        };
        producer.send(new ProducerRecord<>(topic, MALFORMED_KEY.getBytes(StandardCharsets.UTF_8), value));
        malformedSent.increment();
    }
}
