package io.midstream.ltl;

import io.midstream.ltl.SpecificationPattern.Scope;

import java.util.Objects;

/**
 * The oldest unanswered trigger of a response {@code p -> F s} or bounded response
 * {@code p -> F[<=b] s} in its scope, kept chunk by chunk as past-time state (as Havelund and
 * Roşu, TACAS 2002, monitor past-time LTL): which triggers can decide the first violation, and at
 * which chunk a bound runs out.
 *
 * <p>While a trigger waits for its answer, a later one is dominated: an s within the earlier
 * bound answers both, and without it the earlier trigger is violated no later than the later one
 * could be. Before r and between q and r the violation also waits for r, so once a trigger's
 * bound has run out in an open scope, no later trigger of that scope can decide earlier. Only the
 * triggers that no earlier one dominates are marked {@link #TRIGGER}; the first violation is one
 * of theirs. {@link #DEADLINE} marks the chunk at which the marked trigger's bound runs out without
 * an answer, and the r that closes a scope whose trigger ran out, the chunks where a violation can
 * be decided besides s. A response has no bound: its trigger waits until s, or until the scope's
 * end decides it (an s at r or later does not answer it), and nothing is marked DEADLINE.
 */
public final class PendingTrigger implements PastTimeMarks {
    public static final int TRIGGER = 1;
    public static final int DEADLINE = 2;

    private static final long OPEN = 1;
    private static final long ENDED = 2;
    private static final long PENDING = 4;
    private static final long RAN_OUT = 8;
    private static final long CROSSED = 16;
    private static final long STARTED = 32;

    private final Scope scope;
    private final Guard p;
    private final Guard s;
    private final Guard q;
    private final Guard r;
    /** Null for a response. */
    private final Formula.Bound bound;

    public PendingTrigger(Scope scope, Guard p, Guard s, Guard q, Guard r, Formula.Bound bound) {
        this.scope = scope;
        this.p = p;
        this.s = s;
        this.q = q;
        this.r = r;
        this.bound = bound;
    }

    @Override
    public int step(long[] state, int offset, long holds, int position, long time) {
        long flags = state[offset];
        if ((flags & STARTED) == 0) {
            flags = STARTED | (scope == Scope.GLOBALLY || scope == Scope.BEFORE ? OPEN : 0);
        }
        long deadline = state[offset + 1];
        boolean timed = bound != null && bound.timed();
        long at = timed ? time : position;
        boolean answer = s.test(holds);
        int marks = 0;
        if ((flags & PENDING) != 0) {
            if (answer && at <= deadline) {
                flags &= ~PENDING;
            } else if (timed ? at > deadline : at >= deadline) {
                // a bound in chunks runs out at its last chunk, a time bound at the first chunk past it
                flags &= ~PENDING;
                marks |= DEADLINE;
                if (scope.closeRequired() && (flags & CROSSED) == 0) {
                    flags |= RAN_OUT;
                }
            }
        }
        if ((flags & OPEN) != 0 && closes(holds)) {
            flags &= ~OPEN;
            if ((flags & RAN_OUT) != 0) {
                marks |= DEADLINE;
            }
            flags &= ~RAN_OUT;
            if ((flags & PENDING) != 0) {
                // a bounded response's s may still come after r; a response's end of scope decided it
                flags = bound != null ? flags | CROSSED : flags & ~PENDING;
            }
            if (scope == Scope.BEFORE) {
                flags |= ENDED;
            }
        } else if ((flags & (OPEN | ENDED)) == 0 && opens(holds)) {
            flags |= OPEN;
            if (scope == Scope.AFTER) {
                flags |= ENDED;
            }
        }
        if ((flags & (OPEN | PENDING | RAN_OUT)) == OPEN && p.test(holds) && !answer) {
            flags = (flags | PENDING) & ~CROSSED;
            deadline = bound == null ? Long.MAX_VALUE : at + (timed ? bound.time().toMillis() : bound.chunks());
            marks |= TRIGGER;
        }
        state[offset] = flags;
        state[offset + 1] = deadline;
        return marks;
    }

    /** By the scope's ordinal: an enum's hash code differs from JVM to JVM. */
    @Override
    public int fingerprint() {
        return Objects.hash(scope.ordinal(), p, s, q, r, bound);
    }

    private boolean closes(long holds) {
        return (scope == Scope.BEFORE || scope == Scope.BETWEEN || scope == Scope.AFTER_UNTIL) && r.test(holds);
    }

    private boolean opens(long holds) {
        return switch (scope) {
            case AFTER -> q.test(holds);
            case BETWEEN, AFTER_UNTIL -> q.test(holds) && !r.test(holds);
            case GLOBALLY, BEFORE -> false;
        };
    }
}
