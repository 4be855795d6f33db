package io.midstream.ltl;

import java.util.HashSet;
import java.util.Set;

/**
 * What is left to satisfy of a formula on the rest of a trace, in negation normal form: the
 * states of formula progression (Bacchus and Kabanza, AMAI 1998). Conjunctions and disjunctions
 * are sets, so that progressing a formula visits finitely many distinct obligations.
 */
sealed interface Obligation {
    Obligation TRUE = new Const(true);
    Obligation FALSE = new Const(false);

    record Const(boolean value) implements Obligation {}
    record Lit(String name, boolean positive) implements Obligation {}
    record And(Set<Obligation> operands) implements Obligation {}
    record Or(Set<Obligation> operands) implements Obligation {}
    /** Strong next (false at the last position) or weak next (true there). */
    record Next(Obligation operand, boolean strong) implements Obligation {}
    record Until(Obligation left, Obligation right) implements Obligation {}
    record Release(Obligation left, Obligation right) implements Obligation {}
    /** Within {@code chunks} more positions: eventually (strong) or always (weak). */
    record StepBounded(long chunks, Obligation operand, boolean eventually) implements Obligation {}
    /** Within {@code millis} of the position where it is first met; anchored there to a deadline. */
    record TimeBounded(long millis, Obligation operand, boolean eventually) implements Obligation {}
    record Deadline(long deadline, Obligation operand, boolean eventually) implements Obligation {}

    static Obligation of(Formula f) {
        return nnf(f, true);
    }

    private static Obligation nnf(Formula f, boolean positive) {
        if (f instanceof Formula.Constant c) {
            return c.value() == positive ? TRUE : FALSE;
        }
        if (f instanceof Formula.Prop p) {
            return new Lit(p.name(), positive);
        }
        if (f instanceof Formula.Not n) {
            return nnf(n.operand(), !positive);
        }
        if (f instanceof Formula.And a) {
            return positive ? and(nnf(a.left(), true), nnf(a.right(), true)) : or(nnf(a.left(), false), nnf(a.right(), false));
        }
        if (f instanceof Formula.Or o) {
            return positive ? or(nnf(o.left(), true), nnf(o.right(), true)) : and(nnf(o.left(), false), nnf(o.right(), false));
        }
        if (f instanceof Formula.Implies i) {
            return nnf(new Formula.Or(new Formula.Not(i.left()), i.right()), positive);
        }
        if (f instanceof Formula.Iff i) {
            return nnf(new Formula.Or(new Formula.And(i.left(), i.right()),
                    new Formula.And(new Formula.Not(i.left()), new Formula.Not(i.right()))), positive);
        }
        if (f instanceof Formula.Next n) {
            return new Next(nnf(n.operand(), positive), positive);
        }
        if (f instanceof Formula.Eventually e) {
            return positive ? new Until(TRUE, nnf(e.operand(), true)) : new Release(FALSE, nnf(e.operand(), false));
        }
        if (f instanceof Formula.Always a) {
            return positive ? new Release(FALSE, nnf(a.operand(), true)) : new Until(TRUE, nnf(a.operand(), false));
        }
        if (f instanceof Formula.Until u) {
            return positive ? new Until(nnf(u.left(), true), nnf(u.right(), true)) : new Release(nnf(u.left(), false), nnf(u.right(), false));
        }
        if (f instanceof Formula.Release r) {
            return positive ? new Release(nnf(r.left(), true), nnf(r.right(), true)) : new Until(nnf(r.left(), false), nnf(r.right(), false));
        }
        if (f instanceof Formula.WeakUntil w) {
            // a W b = b R (a | b)
            return nnf(new Formula.Release(w.right(), new Formula.Or(w.left(), w.right())), positive);
        }
        Formula.BoundedEventually b = (Formula.BoundedEventually) f;
        return b.bound().timed()
                ? new TimeBounded(b.bound().time().toMillis(), nnf(b.operand(), positive), positive)
                : new StepBounded(b.bound().chunks(), nnf(b.operand(), positive), positive);
    }

    /** The operands of a node, for walks that treat every kind alike. */
    static java.util.List<Obligation> children(Obligation o) {
        if (o instanceof And a) {
            return java.util.List.copyOf(a.operands());
        }
        if (o instanceof Or a) {
            return java.util.List.copyOf(a.operands());
        }
        if (o instanceof Next n) {
            return java.util.List.of(n.operand());
        }
        if (o instanceof Until u) {
            return java.util.List.of(u.left(), u.right());
        }
        if (o instanceof Release r) {
            return java.util.List.of(r.left(), r.right());
        }
        if (o instanceof StepBounded b) {
            return java.util.List.of(b.operand());
        }
        if (o instanceof TimeBounded b) {
            return java.util.List.of(b.operand());
        }
        if (o instanceof Deadline d) {
            return java.util.List.of(d.operand());
        }
        return java.util.List.of();
    }

    static Obligation and(Obligation a, Obligation b) {
        return join(a, b, true);
    }

    static Obligation or(Obligation a, Obligation b) {
        return join(a, b, false);
    }

    /** A conjunction (or disjunction) flattened, without duplicates, with constants folded. */
    private static Obligation join(Obligation a, Obligation b, boolean conjunction) {
        Obligation unit = conjunction ? TRUE : FALSE;
        Obligation zero = conjunction ? FALSE : TRUE;
        if (a.equals(zero) || b.equals(zero)) {
            return zero;
        }
        if (a.equals(unit)) {
            return b;
        }
        if (b.equals(unit)) {
            return a;
        }
        Set<Obligation> operands = new HashSet<>();
        for (Obligation o : new Obligation[] {a, b}) {
            if (conjunction && o instanceof And and) {
                operands.addAll(and.operands());
            } else if (!conjunction && o instanceof Or or) {
                operands.addAll(or.operands());
            } else {
                operands.add(o);
            }
        }
        for (Obligation o : operands) {
            if (o instanceof Lit lit && operands.contains(new Lit(lit.name(), !lit.positive()))) {
                return zero;
            }
        }
        if (operands.size() == 1) {
            return operands.iterator().next();
        }
        return conjunction ? new And(Set.copyOf(operands)) : new Or(Set.copyOf(operands));
    }
}
