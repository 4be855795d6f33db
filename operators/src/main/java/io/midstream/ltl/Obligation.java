package io.midstream.ltl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

    /**
     * The same obligation as a disjunction of conjunctions of its parts that are neither (literals
     * and temporal nodes), with no conjunction that implies another and no part that another of
     * its conjunction implies ({@link #implies}): equivalent obligations
     * that progression spells with other nestings of {@code &} and {@code |} come out equal, and
     * since a formula's progressions are built from finitely many such parts, a search over them
     * visits finitely many. Left as it is where that form would exceed {@link #MAX_CLAUSES}.
     */
    static Obligation canonical(Obligation o) {
        List<Set<Obligation>> clauses = clauses(o);
        if (clauses == null) {
            return o;
        }
        Obligation out = FALSE;
        for (Set<Obligation> clause : clauses) {
            Obligation conjunction = TRUE;
            for (Obligation part : clause) {
                conjunction = and(conjunction, part);
            }
            out = or(out, conjunction);
        }
        return out;
    }

    /** The most conjunctions that {@link #canonical} spells out. */
    int MAX_CLAUSES = 4096;

    /** The conjunctions, none containing another, or null past {@link #MAX_CLAUSES}. */
    private static List<Set<Obligation>> clauses(Obligation o) {
        if (o instanceof Const c) {
            return c.value() ? List.of(Set.of()) : List.of();
        }
        if (o instanceof Or or) {
            List<Set<Obligation>> out = new ArrayList<>();
            for (Obligation x : or.operands()) {
                List<Set<Obligation>> more = clauses(x);
                if (more == null) {
                    return null;
                }
                out.addAll(more);
            }
            return minimal(out);
        }
        if (o instanceof And and) {
            List<Set<Obligation>> out = List.of(Set.of());
            for (Obligation x : and.operands()) {
                List<Set<Obligation>> right = clauses(x);
                if (right == null || (long) out.size() * right.size() > MAX_CLAUSES) {
                    return null;
                }
                List<Set<Obligation>> product = new ArrayList<>();
                for (Set<Obligation> a : out) {
                    for (Set<Obligation> b : right) {
                        Set<Obligation> both = new HashSet<>(a);
                        both.addAll(b);
                        if (!contradictory(both)) {
                            product.add(strongest(both));
                        }
                    }
                }
                out = minimal(product);
            }
            return out;
        }
        return List.of(Set.of(o));
    }

    /**
     * Whether a implies b, as far as their forms tell: the same, or the same bounded obligation
     * with a tighter bound (eventually within 3 chunks implies within 5; always for 5 implies for 3).
     * So a trigger's deadline makes a later one of the same answer redundant, as in {@link PendingTrigger}.
     */
    private static boolean implies(Obligation a, Obligation b) {
        if (a.equals(b)) {
            return true;
        }
        if (a instanceof Deadline x && b instanceof Deadline y && x.eventually() == y.eventually() && x.operand().equals(y.operand())) {
            return x.eventually() ? x.deadline() <= y.deadline() : x.deadline() >= y.deadline();
        }
        if (a instanceof StepBounded x && b instanceof StepBounded y && x.eventually() == y.eventually() && x.operand().equals(y.operand())) {
            return x.eventually() ? x.chunks() <= y.chunks() : x.chunks() >= y.chunks();
        }
        return false;
    }

    /** A conjunction without the parts that another of its parts implies. */
    private static Set<Obligation> strongest(Set<Obligation> clause) {
        Set<Obligation> kept = new HashSet<>();
        for (Obligation part : clause) {
            if (clause.stream().noneMatch(other -> !other.equals(part) && implies(other, part))) {
                kept.add(part);
            }
        }
        return kept;
    }

    /** Whether conjunction a implies conjunction b: each part of b is implied by one of a. */
    private static boolean implies(Set<Obligation> a, Set<Obligation> b) {
        return b.stream().allMatch(y -> a.stream().anyMatch(x -> implies(x, y)));
    }

    private static boolean contradictory(Set<Obligation> clause) {
        for (Obligation o : clause) {
            if (o instanceof Lit lit && clause.contains(new Lit(lit.name(), !lit.positive()))) {
                return true;
            }
        }
        return false;
    }

    /** Without the conjunctions that imply another (a | (a & b) is a), and of equal ones one. */
    private static List<Set<Obligation>> minimal(List<Set<Obligation>> clauses) {
        List<Set<Obligation>> sorted = new ArrayList<>(clauses);
        sorted.sort(java.util.Comparator.comparingInt(Set::size));
        List<Set<Obligation>> kept = new ArrayList<>();
        for (Set<Obligation> c : sorted) {
            if (kept.stream().noneMatch(k -> implies(c, k))) {
                kept.removeIf(k -> implies(k, c));
                kept.add(c);
            }
        }
        return kept;
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
