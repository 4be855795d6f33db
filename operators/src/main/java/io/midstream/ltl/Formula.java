package io.midstream.ltl;

import java.time.Duration;

/**
 * An LTL formula over named propositions, read over finite traces (LTLf, De Giacomo and Vardi,
 * IJCAI 2013): X is the strong next, false at the last position.
 */
public sealed interface Formula extends java.io.Serializable {
    record Constant(boolean value) implements Formula {}
    record Prop(String name) implements Formula {}

    /** An operator on one formula, written before it. */
    sealed interface Unary extends Formula {
        Formula operand();

        String symbol();
    }

    /** An operator between two formulas. */
    sealed interface Binary extends Formula {
        Formula left();

        Formula right();

        String symbol();
    }

    record Not(Formula operand) implements Unary {
        public String symbol() {
            return "!";
        }
    }

    record Next(Formula operand) implements Unary {
        public String symbol() {
            return "X ";
        }
    }

    record Eventually(Formula operand) implements Unary {
        public String symbol() {
            return "F ";
        }
    }

    record Always(Formula operand) implements Unary {
        public String symbol() {
            return "G ";
        }
    }

    /** {@code F[<=bound] operand}: the operand holds within the bound, counted in chunks or in event time. */
    record BoundedEventually(Bound bound, Formula operand) implements Unary {
        public String symbol() {
            return "F[<=" + bound + "] ";
        }
    }

    record And(Formula left, Formula right) implements Binary {
        public String symbol() {
            return "&";
        }
    }

    record Or(Formula left, Formula right) implements Binary {
        public String symbol() {
            return "|";
        }
    }

    record Implies(Formula left, Formula right) implements Binary {
        public String symbol() {
            return "->";
        }
    }

    record Iff(Formula left, Formula right) implements Binary {
        public String symbol() {
            return "<->";
        }
    }

    record Until(Formula left, Formula right) implements Binary {
        public String symbol() {
            return "U";
        }
    }

    record Release(Formula left, Formula right) implements Binary {
        public String symbol() {
            return "R";
        }
    }

    record WeakUntil(Formula left, Formula right) implements Binary {
        public String symbol() {
            return "W";
        }
    }

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
        boolean temporal = this instanceof Next || this instanceof Eventually || this instanceof Always
                || this instanceof BoundedEventually || this instanceof Until || this instanceof Release || this instanceof WeakUntil;
        return !temporal && children(this).stream().allMatch(Formula::propositional);
    }

    /** The direct sub-formulas. */
    static java.util.List<Formula> children(Formula f) {
        if (f instanceof Unary u) {
            return java.util.List.of(u.operand());
        }
        if (f instanceof Binary b) {
            return java.util.List.of(b.left(), b.right());
        }
        return java.util.List.of();
    }

    /** The same operator over its operands each mapped; a constant or proposition itself. */
    static Formula mapOperands(Formula f, java.util.function.UnaryOperator<Formula> map) {
        if (f instanceof Unary u) {
            Formula o = map.apply(u.operand());
            if (u instanceof Not) {
                return new Not(o);
            }
            if (u instanceof Next) {
                return new Next(o);
            }
            if (u instanceof Eventually) {
                return new Eventually(o);
            }
            if (u instanceof Always) {
                return new Always(o);
            }
            return new BoundedEventually(((BoundedEventually) u).bound(), o);
        }
        if (f instanceof Binary b) {
            Formula l = map.apply(b.left());
            Formula r = map.apply(b.right());
            if (b instanceof And) {
                return new And(l, r);
            }
            if (b instanceof Or) {
                return new Or(l, r);
            }
            if (b instanceof Implies) {
                return new Implies(l, r);
            }
            if (b instanceof Iff) {
                return new Iff(l, r);
            }
            if (b instanceof Until) {
                return new Until(l, r);
            }
            return b instanceof Release ? new Release(l, r) : new WeakUntil(l, r);
        }
        return f;
    }

    /** The names of the propositions it uses, in the order they first appear. */
    static java.util.Set<String> propositions(Formula f) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        collect(f, names);
        return names;
    }

    private static void collect(Formula f, java.util.Set<String> into) {
        if (f instanceof Prop p) {
            into.add(p.name());
        }
        children(f).forEach(c -> collect(c, into));
    }

    /** The formula in the parser's syntax, parenthesised so that it reads back the same. */
    static String print(Formula f) {
        if (f instanceof Constant c) {
            return Boolean.toString(c.value());
        }
        if (f instanceof Prop p) {
            return p.name();
        }
        if (f instanceof Unary u) {
            return u.symbol() + operand(u.operand());
        }
        Binary b = (Binary) f;
        return operand(b.left()) + " " + b.symbol() + " " + operand(b.right());
    }

    private static String operand(Formula f) {
        return f instanceof Binary ? "(" + print(f) + ")" : print(f);
    }
}
