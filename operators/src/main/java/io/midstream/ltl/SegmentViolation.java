package io.midstream.ltl;

import io.midstream.ltl.SpecificationPattern.Scope;

import java.util.Objects;

/**
 * Absence of a bad chunk between q and r, or after q until r (Dwyer, Avrunin and Corbett, ICSE
 * 1999), kept chunk by chunk as past-time state (as Havelund and Roşu, TACAS 2002, monitor
 * past-time LTL): {@link #OPENED} marks the chunk that opens a segment of the scope, a q while
 * none is open that is not also an r, and {@link #VIOLATED} the chunk that decides the segment's
 * violation: after q until r its first bad chunk (the opening one included), between q and r the
 * r that closes a segment that had one. Universality of p is absence of !p. A chunk where
 * {@code releases} holds ends a segment too, unless between q and r it has had a bad chunk, whose
 * violation waits for r itself (precedence: s releases the q that waits for it, and a q where s
 * holds opens nothing). Where r must come ({@code strong}, after q until r: {@code G(q -> (p U r))}),
 * a segment still open at the session's end is violated there, and the r that closes a segment
 * not violated is marked {@link #CLOSED}, so that the end can tell. With these marks CEP holds one partial match per segment and reads its
 * opening and its verdict, instead of starting at every r a partial match that waits for the next q.
 */
public final class SegmentViolation implements PastTimeMarks {
    public static final int OPENED = 1;
    public static final int VIOLATED = 2;
    /** The same bit as {@link #VIOLATED}, on a chunk with r, which a violation after q until r never is. */
    public static final int CLOSED = VIOLATED;

    private static final long OPEN = 1;
    /** A bad chunk in the open segment: decided after q until r, waiting for r between q and r. */
    private static final long BAD = 2;

    private final Scope scope;
    private final Guard bad;
    private final Guard q;
    private final Guard r;
    private final Guard releases;
    private final boolean strong;

    public SegmentViolation(Scope scope, Guard bad, Guard q, Guard r, Guard releases, boolean strong) {
        if (scope != Scope.AFTER_UNTIL && (scope != Scope.BETWEEN || strong)) {
            throw new IllegalArgumentException("segments are of scopes between q and r or after q until r, r must come only after q until r, not "
                    + scope + (strong ? " (strong)" : ""));
        }
        if (strong && Guard.satisfiable(releases)) {
            // CLOSED is told from VIOLATED by r
            throw new IllegalArgumentException("a segment that r must close is released by nothing else");
        }
        this.scope = scope;
        this.bad = bad;
        this.q = q;
        this.r = r;
        this.releases = releases;
        this.strong = strong;
    }

    @Override
    public int step(long[] state, int offset, long holds, int position, long time) {
        long flags = state[offset];
        boolean waitsForR = (flags & BAD) != 0 && scope == Scope.BETWEEN;
        int marks = 0;
        if ((flags & OPEN) != 0 && (r.test(holds) || !waitsForR && releases.test(holds))) {
            // the closing chunk is not in the segment
            if (waitsForR) {
                marks = VIOLATED;
            } else if ((flags & BAD) == 0 && strong) {
                marks = CLOSED;
            }
            flags = 0;
        } else {
            if ((flags & OPEN) == 0 && q.test(holds) && !r.test(holds) && !releases.test(holds)) {
                flags = OPEN;
                marks = OPENED;
            }
            if ((flags & (OPEN | BAD)) == OPEN && bad.test(holds)) {
                flags |= BAD;
                marks |= scope == Scope.AFTER_UNTIL ? VIOLATED : 0;
            }
        }
        state[offset] = flags;
        return marks;
    }

    /** By the scope's ordinal: an enum's hash code differs from JVM to JVM. */
    @Override
    public int fingerprint() {
        return Objects.hash(SegmentViolation.class.getSimpleName(), scope.ordinal(), bad, q, r, releases, strong);
    }
}
