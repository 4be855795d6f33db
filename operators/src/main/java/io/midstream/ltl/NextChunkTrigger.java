package io.midstream.ltl;

import java.util.Objects;

/**
 * The response at the next chunk, {@code G(p -> X s)}, X strong as in LTLf (De Giacomo and Vardi,
 * IJCAI 2013): {@link #TRIGGER} marks a chunk with p and {@link #NEXT} the chunk right after one,
 * which answers it where s holds and violates it where not; a session that ends at a trigger
 * violates it. With these marks the pattern reads the triggers and the chunks after them, not every
 * chunk to find the next one. A state that starts anew (a new session, or one restored with
 * other rules) marks its first chunk {@link #NEXT} too, so that a trigger pending in CEP across
 * a restore is decided at the chunk after it, as without the restore.
 */
public final class NextChunkTrigger implements PastTimeMarks {
    public static final int TRIGGER = 1;
    public static final int NEXT = 2;

    /** Nothing seen yet (0), the last chunk had p, the last chunk had no p. */
    private static final long AFTER_P = 1;
    private static final long AFTER_OTHER = 2;

    private final Guard p;

    public NextChunkTrigger(Guard p) {
        this.p = p;
    }

    @Override
    public int step(long[] state, int offset, long holds, int position, long time) {
        boolean next = state[offset] != AFTER_OTHER;
        boolean trigger = p.test(holds);
        state[offset] = trigger ? AFTER_P : AFTER_OTHER;
        return (trigger ? TRIGGER : 0) | (next ? NEXT : 0);
    }

    @Override
    public int fingerprint() {
        return Objects.hash(NextChunkTrigger.class.getSimpleName(), p);
    }
}
