package io.midstream.flink;

import io.midstream.ltl.PastTimeMarks;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The events of a session's chunk as the compiled rules read them: its BOUNDARY and CHUNK events,
 * with the bits of the propositions that hold there and the marks of every rule's
 * {@link PastTimeMarks}, each left out where no stage of any pattern can take it. Shared by the
 * job's operator and the offline cep engine, so that both send CEP the same events.
 */
public final class LtlEvents implements Serializable {
    private static final byte[] CHUNK_KINDS = {LtlEvent.BOUNDARY, LtlEvent.CHUNK};

    private final LtlPatterns.Needed needed;
    /** By slot. */
    private final PastTimeMarks[] marks;
    /** Which rules a session's state is of: it may come from a savepoint taken with other rules. */
    private final long fingerprint;
    /** Of the marks: a chunk that no rule marks carries none. */
    private final int words;

    LtlEvents(LtlPatterns.Needed needed, PastTimeMarks... marks) {
        this.needed = needed;
        this.marks = marks;
        long f = marks.length;
        for (PastTimeMarks m : marks) {
            f = 31 * f + m.fingerprint();
        }
        this.fingerprint = f;
        this.words = (marks.length + LtlEvent.SLOTS_PER_WORD - 1) / LtlEvent.SLOTS_PER_WORD;
    }

    /** The events that the compiled rules read, in their order (a pattern's slot is its place among those with {@link PastTimeMarks}). */
    public static LtlEvents of(List<LtlDetector.RulePattern> patterns) {
        LtlPatterns.Needed needed = LtlPatterns.Needed.NOTHING;
        for (LtlDetector.RulePattern p : patterns) {
            needed = needed.or(LtlPatterns.Needed.of(p.compiled().pattern()));
        }
        return new LtlEvents(needed, patterns.stream().map(p -> p.compiled().marks()).filter(Objects::nonNull).toArray(PastTimeMarks[]::new));
    }

    /** Whether some rule's pattern takes a session's START event: most begin at a chunk. */
    public boolean wantsStart() {
        return needed.start();
    }

    /** What a session's marks start from. */
    public long[] newState() {
        long[] state = new long[1 + marks.length * PastTimeMarks.STATE_LONGS];
        state[0] = fingerprint;
        return state;
    }

    /**
     * Whether {@code state} is of these rules. A session restored with other rules, or from before
     * the marks, starts anew: its next trigger is marked even if one is pending, and a bound that
     * was pending across the restore is decided at the next chunk its pattern reads past it, or at
     * END, rather than at its last chunk: late, never missed. A precedence after some q decides
     * from the first q after the restore, as if the session began there; a response at the next
     * chunk decides a trigger pending across the restore at the chunk after it, as without one. A
     * scope's segment that was open across the restore is not known: absence, universality and
     * precedence in it are checked again from the next q that opens one.
     */
    public boolean owns(long[] state) {
        return state != null && state.length == 1 + marks.length * PastTimeMarks.STATE_LONGS && state[0] == fingerprint;
    }

    /** The events of the chunk at {@code position} where {@code holds}, to {@code out}; updates the session's {@code state}. */
    public void chunk(String tenant, String session, int position, long seq, long time, long holds, long[] state, Consumer<LtlEvent> out) {
        long[] marked = LtlEvent.NO_MARKS;
        for (int slot = 0; slot < marks.length; slot++) {
            long mark = marks[slot].step(state, 1 + slot * PastTimeMarks.STATE_LONGS, holds, position, time);
            if (mark != 0) {
                if (marked == LtlEvent.NO_MARKS) {
                    marked = new long[words];
                }
                marked[slot / LtlEvent.SLOTS_PER_WORD] |= mark << 2 * (slot % LtlEvent.SLOTS_PER_WORD);
            }
        }
        for (byte kind : CHUNK_KINDS) {
            if (needed.wants(kind, holds, marked)) {
                out.accept(new LtlEvent(tenant, session, kind, position, seq, time, holds, marked));
            }
        }
    }
}
