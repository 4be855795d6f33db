package io.midstream.flink;

import org.apache.flink.cep.EventComparator;

/**
 * What the LTL patterns read: a session's START, then for each chunk a BOUNDARY and a CHUNK event
 * with the bits of the propositions that hold there, then END. Scopes open and close on
 * BOUNDARY, patterns look at CHUNK, so a chunk that opens a scope is also inside it and a chunk
 * that closes a scope is not (Dwyer's scopes are closed on the left and open on the right).
 * A CHUNK event also carries the rules' {@link io.midstream.ltl.PastTimeMarks}.
 * A Flink POJO: public fields, no Kryo.
 */
public class LtlEvent {
    public static final byte START = 0;
    public static final byte BOUNDARY = 1;
    public static final byte CHUNK = 2;
    public static final byte END = 3;

    public String tenant;
    public String session;
    public byte kind;
    /** 0-based index of the chunk in the session as the detectors saw it; START is -1, END the last chunk's. */
    public int position;
    public long seq;
    public long time;
    /** The propositions that hold at the chunk; at END, those of the last chunk, which {@code G F p} asks about. */
    public long holds;
    /**
     * Two bits per rule with {@link io.midstream.ltl.PastTimeMarks}, its {@code step}'s: slot k's
     * in word k / {@link #SLOTS_PER_WORD}; words past the array's end are 0, so that most chunks,
     * which no rule marks, carry none.
     */
    public long[] marks = NO_MARKS;

    public static final int SLOTS_PER_WORD = Long.SIZE / 2;
    public static final long[] NO_MARKS = new long[0];

    public LtlEvent() {}

    public LtlEvent(String tenant, String session, byte kind, int position, long seq, long time, long holds) {
        this(tenant, session, kind, position, seq, time, holds, NO_MARKS);
    }

    public LtlEvent(String tenant, String session, byte kind, int position, long seq, long time, long holds, long[] marks) {
        this.marks = marks;
        this.tenant = tenant;
        this.session = session;
        this.kind = kind;
        this.position = position;
        this.seq = seq;
        this.time = time;
        this.holds = holds;
    }

    /** Word {@code word} of the marks. */
    public long marks(int word) {
        return word < marks.length ? marks[word] : 0;
    }

    public String key() {
        return SessionKey.of(tenant, session);
    }

    /** Events with the same timestamp go in session order: position, then kind. */
    public static final class Order implements EventComparator<LtlEvent> {
        public static final Order INSTANCE = new Order();

        @Override
        public int compare(LtlEvent a, LtlEvent b) {
            int byPosition = Integer.compare(a.position, b.position);
            return byPosition != 0 ? byPosition : Byte.compare(a.kind, b.kind);
        }
    }

    @Override
    public String toString() {
        return "LtlEvent{" + session + " kind=" + kind + " position=" + position + " seq=" + seq + " time=" + time + " holds=" + Long.toBinaryString(holds) + " marks=" + java.util.Arrays.toString(marks) + "}";
    }
}
