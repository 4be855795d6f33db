package io.midstream.tools.generate;

import io.midstream.avro.LlmChunk;
import io.midstream.chunk.ChunkCodec;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

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
    private Consumer<LlmChunk> onSend = chunk -> { };

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

    /** Tells {@code listener} of each chunk just before it is sent (the benchmark's clock of appends). */
    public ChunkProducer onSend(Consumer<LlmChunk> listener) {
        this.onSend = listener;
        return this;
    }

    public void send(LlmChunk chunk) {
        onSend.accept(chunk);
        producer.send(new ProducerRecord<>(topic, chunk.getSessionId().getBytes(StandardCharsets.UTF_8), ChunkCodec.encode(chunk)));
        chunks.increment();
    }

    /** A malformed record of a random kind, made from a good chunk. */
    public void sendMalformed(LlmChunk template) {
        sendMalformed(Malformed.values()[random.nextInt(Malformed.values().length)], template);
    }

    public void sendMalformed(Malformed kind, LlmChunk template) {
        byte[] value = kind.bytes(template);
        producer.send(new ProducerRecord<>(topic, MALFORMED_KEY.getBytes(StandardCharsets.UTF_8), value));
        malformedSent.increment();
    }
}
