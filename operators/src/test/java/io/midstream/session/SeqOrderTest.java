package io.midstream.session;

import io.midstream.avro.LlmChunk;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static io.midstream.Chunks.chunk;
import static org.assertj.core.api.Assertions.assertThat;

class SeqOrderTest {
    private final SeqOrder order = new SeqOrder();
    private final List<Long> released = new ArrayList<>();

    private SeqOrder.Outcome offer(long seq, int capacity) {
        return order.offer(chunk("s", seq, 1000 + seq, "x").build(), capacity, c -> released.add(c.getSeq()));
    }

    @Test
    void releasesInOrderChunksAtOnce() {
        assertThat(offer(0, 4)).isEqualTo(SeqOrder.Outcome.RELEASED);
        assertThat(offer(1, 4)).isEqualTo(SeqOrder.Outcome.RELEASED);
        assertThat(released).containsExactly(0L, 1L);
    }

    @Test
    void holdsChunksBehindAGapUntilItFills() {
        assertThat(offer(2, 4)).isEqualTo(SeqOrder.Outcome.BUFFERED);
        assertThat(offer(1, 4)).isEqualTo(SeqOrder.Outcome.BUFFERED);
        assertThat(released).isEmpty();
        assertThat(offer(0, 4)).isEqualTo(SeqOrder.Outcome.RELEASED);
        assertThat(released).containsExactly(0L, 1L, 2L);
        assertThat(order.getPending()).isEmpty();
    }

    @Test
    void dropsDuplicatesReleasedOrWaiting() {
        offer(0, 4);
        offer(2, 4);
        assertThat(offer(0, 4)).isEqualTo(SeqOrder.Outcome.DUPLICATE);
        assertThat(offer(2, 4)).isEqualTo(SeqOrder.Outcome.DUPLICATE);
        assertThat(order.getDuplicates()).isEqualTo(2);
        assertThat(released).containsExactly(0L);
    }

    @Test
    void givesUpOnAGapWhenTheBufferOverflows() {
        offer(0, 2);
        offer(3, 2);
        offer(4, 2);
        assertThat(released).containsExactly(0L);
        offer(5, 2); // a third chunk waiting behind seq 1 and 2: they are given up on
        assertThat(released).containsExactly(0L, 3L, 4L, 5L);
        assertThat(order.getMissing()).isEqualTo(2);
        assertThat(offer(1, 2)).isEqualTo(SeqOrder.Outcome.DUPLICATE); // too late: counted as seen
    }

    @Test
    void withoutCapacityEveryGapIsSkipped() {
        offer(2, 0);
        assertThat(released).containsExactly(2L);
        assertThat(order.getMissing()).isEqualTo(2);
    }

    @Test
    void flushReleasesEverythingAndCountsTheGaps() {
        offer(0, 8);
        offer(2, 8);
        offer(5, 8);
        order.flush(c -> released.add(c.getSeq()));
        assertThat(released).containsExactly(0L, 2L, 5L);
        assertThat(order.getMissing()).isEqualTo(3);
        assertThat(order.getNextSeq()).isEqualTo(6);
    }

    /** Any shuffle within the buffer's reach, with retries, gives back each chunk once and in order. */
    @Property
    void anyLocalDisorderIsUndone(@ForAll @IntRange(min = 1, max = 60) int n, @ForAll @IntRange(min = 1, max = 8) int reach,
                                  @ForAll long seed) {
        Random random = new Random(seed);
        List<Long> sent = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            sent.add(i);
        }
        for (int i = 0; i + reach <= n; i += reach) {
            Collections.shuffle(sent.subList(i, i + reach), random);
        }
        // a producer's retry comes after the chunk it repeats
        for (int i = 0; i < n / 3; i++) {
            int original = random.nextInt(sent.size());
            sent.add(original + 1 + random.nextInt(sent.size() - original), sent.get(original));
        }
        // jqwik runs every try on one instance: fresh state here
        SeqOrder fresh = new SeqOrder();
        List<Long> out = new ArrayList<>();
        for (long seq : sent) {
            fresh.offer(chunk("s", seq, 1000 + seq, "x").build(), reach, c -> out.add(c.getSeq()));
        }
        assertThat(out).hasSize(n).isSorted().doesNotHaveDuplicates();
        assertThat(fresh.getMissing()).isZero();
        assertThat(fresh.getDuplicates()).isEqualTo(n / 3);
    }
}
