package io.midstream.ltl;

import java.time.Duration;

/**
 * An LTL formula over named propositions, read over finite traces (LTLf, De Giacomo and Vardi,
 * IJCAI 2013): X is the strong next, false at the last position.
 */
public sealed interface Formula extends java.io.Serializable {
    record Constant(boolean value) implements Formula {}
    record Prop(String name) implements Formula {}
    record Not(Formula operand) implements Formula {}
    record And(Formula left, Formula right) implements Formula {}
    record Or(Formula left, Formula right) implements Formula {}
    record Implies(Formula left, Formula right) implements Formula {}
    record Iff(Formula left, Formula right) implements Formula {}
    record Next(Formula operand) implements Formula {}
    record Eventually(Formula operand) implements Formula {}
    record Always(Formula operand) implements Formula {}
    record Until(Formula left, Formula right) implements Formula {}
    record Release(Formula left, Formula right) implements Formula {}
    record WeakUntil(Formula left, Formula right) implements Formula {}
    /** {@code F[<=bound] operand}: the operand holds within the bound, counted in chunks or in event time. */
    record BoundedEventually(Bound bound, Formula operand) implements Formula {}

    /** A bound of {@code F[<=...]}: a number of chunks, or a span of event time. */
    record Bound(long chunks, Duration time) implements java.io.Serializable {
        public static Bound ofChunks(long chunks) {
            return new Bound(chunks, null);
        }

        public static Bound ofTime(Duration time) {
            return new Bound(-1, time);
        }

        public boolean timed() {
            return time != null;
        }

        @Override
        public String toString() {
            if (!timed()) {
                return Long.toString(chunks);
            }
            long ms = time.toMillis();
            return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
        }
    }

    /** True when no temporal operator occurs: a condition on one chunk. */
    default boolean propositional() {
        if (this instanceof Constant || this instanceof Prop) {
            return true;
        }
        if (this instanceof Not n) {
            return n.operand().propositional();
        }
        if (this instanceof And a) {
            return a.left().propositional() && a.right().propositional();
        }
        if (this instanceof Or o) {
            return o.left().propositional() && o.right().propositional();
        }
        if (this instanceof Implies i) {
            return i.left().propositional() && i.right().propositional();
        }
        return this instanceof Iff i && i.left().propositional() && i.right().propositional();
    }

    /** The direct sub-formulas. */
    static java.util.List<Formula> children(Formula f) {
        if (f instanceof Not n) {
            return java.util.List.of(n.operand());
        }
        if (f instanceof Next n) {
            return java.util.List.of(n.operand());
        }
        if (f instanceof Eventually e) {
            return java.util.List.of(e.operand());
        }
        if (f instanceof Always a) {
            return java.util.List.of(a.operand());
        }
        if (f instanceof BoundedEventually b) {
            return java.util.List.of(b.operand());
        }
        if (f instanceof And a) {
            return java.util.List.of(a.left(), a.right());
        }
        if (f instanceof Or o) {
            return java.util.List.of(o.left(), o.right());
        }
        if (f instanceof Implies i) {
            return java.util.List.of(i.left(), i.right());
        }
        if (f instanceof Iff i) {
            return java.util.List.of(i.left(), i.right());
        }
        if (f instanceof Until u) {
            return java.util.List.of(u.left(), u.right());
        }
        if (f instanceof Release r) {
            return java.util.List.of(r.left(), r.right());
        }
        if (f instanceof WeakUntil w) {
            return java.util.List.of(w.left(), w.right());
        }
        return java.util.List.of();
    }

    /** The formula in the parser's syntax, parenthesised so that it reads back the same. */
    static String print(Formula f) {
        if (f instanceof Constant c) {
            return Boolean.toString(c.value());
        }
        if (f instanceof Prop p) {
            return p.name();
        }
        if (f instanceof Not n) {
            return "!" + operand(n.operand());
        }
        if (f instanceof And a) {
            return operand(a.left()) + " & " + operand(a.right());
        }
        if (f instanceof Or o) {
            return operand(o.left()) + " | " + operand(o.right());
        }
        if (f instanceof Implies i) {
            return operand(i.left()) + " -> " + operand(i.right());
        }
        if (f instanceof Iff i) {
            return operand(i.left()) + " <-> " + operand(i.right());
        }
        if (f instanceof Next n) {
            return "X " + operand(n.operand());
        }
        if (f instanceof Eventually e) {
            return "F " + operand(e.operand());
        }
        if (f instanceof Always a) {
            return "G " + operand(a.operand());
        }
        if (f instanceof Until u) {
            return operand(u.left()) + " U " + operand(u.right());
        }
        if (f instanceof Release r) {
            return operand(r.left()) + " R " + operand(r.right());
        }
        if (f instanceof WeakUntil w) {
            return operand(w.left()) + " W " + operand(w.right());
        }
        BoundedEventually b = (BoundedEventually) f;
        return "F[<=" + b.bound() + "] " + operand(b.operand());
    }

    private static String operand(Formula f) {
        boolean tight = f instanceof Constant || f instanceof Prop || f instanceof Not || f instanceof Next
                || f instanceof Eventually || f instanceof Always || f instanceof BoundedEventually;
        return tight ? print(f) : "(" + print(f) + ")";
    }
}
