package io.midstream.session;

import io.midstream.avro.LlmChunk;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Puts one session's chunks back in seq order with a bounded buffer, and drops duplicates (a
 * producer's retries). A gap that keeps more than {@code capacity} chunks waiting is given up on:
 * the missing seqs are counted and the waiting chunks released, so that a lost chunk delays a
 * session by a bounded number of chunks and never stalls it.
 *
 * <p>A Flink POJO, so that the keyed state that holds it is serialized without Kryo.
 */
public class SeqOrder {
    private static final LlmChunk[] NONE = new LlmChunk[0];

    /** The first seq not yet released. */
    private long nextSeq;
    /** Chunks waiting for a gap before them, sorted by seq, all above nextSeq. */
    private LlmChunk[] pending = NONE;
    private long duplicates;
    private long missing;

    /** What became of an offered chunk. */
    public enum Outcome { RELEASED, BUFFERED, DUPLICATE }

    /** Offers a chunk and releases to {@code out}, in seq order, every chunk that is now in order. */
    public Outcome offer(LlmChunk chunk, int capacity, Consumer<LlmChunk> out) {
        long seq = chunk.getSeq();
        if (seq < nextSeq || indexOf(seq) >= 0) {
            duplicates++;
            return Outcome.DUPLICATE;
        }
        if (seq == nextSeq) {
            out.accept(chunk);
            nextSeq++;
            releaseInOrder(out);
            return Outcome.RELEASED;
        }
        insert(chunk);
        if (pending.length > capacity) {
            skipGap();
            releaseInOrder(out);
            return Outcome.RELEASED;
        }
        return Outcome.BUFFERED;
    }

    /** Releases every waiting chunk, counting the gaps before them as missing: the session is over. */
    public void flush(Consumer<LlmChunk> out) {
        while (pending.length > 0) {
            skipGap();
            releaseInOrder(out);
        }
    }

    /** Whether a chunk with this seq was already seen, released or waiting. */
    public boolean seen(long seq) {
        return seq < nextSeq || indexOf(seq) >= 0;
    }

    private void skipGap() {
        missing += pending[0].getSeq() - nextSeq;
        nextSeq = pending[0].getSeq();
    }

    private void releaseInOrder(Consumer<LlmChunk> out) {
        int released = 0;
        while (released < pending.length && pending[released].getSeq() == nextSeq) {
            out.accept(pending[released++]);
            nextSeq++;
        }
        if (released > 0) {
            pending = Arrays.copyOfRange(pending, released, pending.length);
        }
    }

    private int indexOf(long seq) {
        int lo = 0;
        int hi = pending.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long s = pending[mid].getSeq();
            if (s < seq) {
                lo = mid + 1;
            } else if (s > seq) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    private void insert(LlmChunk chunk) {
        int at = -(indexOf(chunk.getSeq()) + 1);
        LlmChunk[] grown = new LlmChunk[pending.length + 1];
        System.arraycopy(pending, 0, grown, 0, at);
        grown[at] = chunk;
        System.arraycopy(pending, at, grown, at + 1, pending.length - at);
        pending = grown;
    }

    public long getNextSeq() { return nextSeq; }
    public void setNextSeq(long nextSeq) { this.nextSeq = nextSeq; }
    public LlmChunk[] getPending() { return pending; }
    public void setPending(LlmChunk[] pending) { this.pending = pending; }
    public long getDuplicates() { return duplicates; }
    public void setDuplicates(long duplicates) { this.duplicates = duplicates; }
    public long getMissing() { return missing; }
    public void setMissing(long missing) { this.missing = missing; }
}
