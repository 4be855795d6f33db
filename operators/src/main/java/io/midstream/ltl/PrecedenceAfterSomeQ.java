package io.midstream.ltl;

import java.util.Objects;

/**
 * Precedence after q as Dwyer, Avrunin and Corbett map it, {@code G(!q) | F(q & (!p W s))}: some
 * q from which no p comes before s. {@code !p W s} fails from a q exactly where the first chunk
 * from it on with p or s has p and not s, so the formula is violated iff q came and every q's
 * first such chunk has come with p and not s. A later q can still satisfy it (where none can, the
 * compiler checks it as absence of q), so only the end of the session decides a violation; this
 * state says whether the session, ended here, would violate.
 * {@link #VIOLATING} marks the chunk from which it would, {@link #RELEASED} the one from which it
 * no longer would (a q waits for its first p or s, or one was answered by s, for good).
 */
public final class PrecedenceAfterSomeQ implements PastTimeMarks {
    public static final int VIOLATING = 1;
    public static final int RELEASED = 2;

    /** No q yet; a q waits for its first chunk with p or s; every q met p first; some q met s first (for good). */
    private static final long NO_Q = 0;
    private static final long WAITING = 1;
    private static final long EVERY_Q_MET_P = 2;
    private static final long SATISFIED = 3;

    private final Guard p;
    private final Guard s;
    private final Guard q;

    public PrecedenceAfterSomeQ(Guard p, Guard s, Guard q) {
        this.p = p;
        this.s = s;
        this.q = q;
    }

    @Override
    public int step(long[] state, int offset, long holds, int position, long time) {
        long before = state[offset];
        long after = before;
        if (after != SATISFIED && q.test(holds)) {
            after = WAITING;
        }
        if (after == WAITING && s.test(holds)) {
            after = SATISFIED;
        } else if (after == WAITING && p.test(holds)) {
            after = EVERY_Q_MET_P;
        }
        state[offset] = after;
        if (after == before) {
            return 0;
        }
        // released also where no violation was pending, so that a state restored with other rules
        // (which starts at no q) cannot leave a violation of the session before it pending
        return after == EVERY_Q_MET_P ? VIOLATING : RELEASED;
    }

    @Override
    public int fingerprint() {
        return Objects.hash(PrecedenceAfterSomeQ.class.getSimpleName(), p, s, q);
    }
}
