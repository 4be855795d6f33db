package io.midstream.ltl;

import java.util.function.Predicate;

/**
 * One step of formula progression over a finite trace: what an obligation leaves for the next
 * position, and whether it holds when this position is the last one (LTLf: strong next fails
 * there, weak next holds; eventualities must be met by then).
 */
final class Progression {
    private Progression() {}

    /** The obligation on the rest of the trace after a position where {@code holds} and time {@code time}. */
    static Obligation next(Obligation o, Predicate<String> holds, long time) {
        if (o instanceof Obligation.Const) {
            return o;
        }
        if (o instanceof Obligation.Lit l) {
            return holds.test(l.name()) == l.positive() ? Obligation.TRUE : Obligation.FALSE;
        }
        if (o instanceof Obligation.And a) {
            Obligation r = Obligation.TRUE;
            for (Obligation x : a.operands()) {
                r = Obligation.and(r, next(x, holds, time));
                if (r.equals(Obligation.FALSE)) {
                    break;
                }
            }
            return r;
        }
        if (o instanceof Obligation.Or a) {
            Obligation r = Obligation.FALSE;
            for (Obligation x : a.operands()) {
                r = Obligation.or(r, next(x, holds, time));
                if (r.equals(Obligation.TRUE)) {
                    break;
                }
            }
            return r;
        }
        if (o instanceof Obligation.Next n) {
            return n.operand();
        }
        if (o instanceof Obligation.Until u) {
            return Obligation.or(next(u.right(), holds, time), Obligation.and(next(u.left(), holds, time), u));
        }
        if (o instanceof Obligation.Release r) {
            return Obligation.and(next(r.right(), holds, time), Obligation.or(next(r.left(), holds, time), r));
        }
        if (o instanceof Obligation.StepBounded b) {
            Obligation now = next(b.operand(), holds, time);
            Obligation later = b.chunks() > 0 ? new Obligation.StepBounded(b.chunks() - 1, b.operand(), b.eventually())
                    : b.eventually() ? Obligation.FALSE : Obligation.TRUE;
            return b.eventually() ? Obligation.or(now, later) : Obligation.and(now, later);
        }
        if (o instanceof Obligation.TimeBounded b) {
            return next(new Obligation.Deadline(time + b.millis(), b.operand(), b.eventually()), holds, time);
        }
        Obligation.Deadline d = (Obligation.Deadline) o;
        if (time > d.deadline()) {
            return d.eventually() ? Obligation.FALSE : Obligation.TRUE;
        }
        Obligation now = next(d.operand(), holds, time);
        return d.eventually() ? Obligation.or(now, d) : Obligation.and(now, d);
    }

    /** Whether the obligation holds on a trace that ends at this position. */
    static boolean last(Obligation o, Predicate<String> holds, long time) {
        if (o instanceof Obligation.Const c) {
            return c.value();
        }
        if (o instanceof Obligation.Lit l) {
            return holds.test(l.name()) == l.positive();
        }
        if (o instanceof Obligation.And a) {
            return a.operands().stream().allMatch(x -> last(x, holds, time));
        }
        if (o instanceof Obligation.Or a) {
            return a.operands().stream().anyMatch(x -> last(x, holds, time));
        }
        if (o instanceof Obligation.Next n) {
            return !n.strong();
        }
        if (o instanceof Obligation.Until u) {
            return last(u.right(), holds, time);
        }
        if (o instanceof Obligation.Release r) {
            return last(r.right(), holds, time);
        }
        if (o instanceof Obligation.StepBounded b) {
            return last(b.operand(), holds, time);
        }
        if (o instanceof Obligation.TimeBounded b) {
            return last(b.operand(), holds, time);
        }
        Obligation.Deadline d = (Obligation.Deadline) o;
        return time > d.deadline() ? !d.eventually() : last(d.operand(), holds, time);
    }
}
