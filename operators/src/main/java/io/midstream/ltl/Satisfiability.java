package io.midstream.ltl;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Whether some non-empty finite trace satisfies an obligation: a search over its progressions,
 * one branch per valuation of its propositions and per distinct choice of the next position's
 * time (now, or just past one of the pending deadlines; times never go back). Deadlines are kept
 * relative to the current time, so the search visits finitely many obligations.
 */
final class Satisfiability {
    /**
     * Past this many obligations, or this many nodes in all of them, the search gives up and answers
     * "satisfiable", which only delays a verdict: obligations are not kept in a normal form, and
     * nested temporal operators can make them grow with each step (hashing each new one reads it all).
     */
    private static final int MAX_STATES = 50_000;
    private static final long MAX_NODES = 200_000;
    private static final int MAX_PROPOSITIONS = 12;

    private Satisfiability() {}

    static boolean satisfiable(Obligation start, long now) {
        Obligation first = shift(start, -now);
        Set<String> names = new TreeSet<>();
        propositions(first, names);
        if (names.size() > MAX_PROPOSITIONS) {
            return true;
        }
        String[] atoms = names.toArray(String[]::new);
        Set<Obligation> seen = new HashSet<>();
        ArrayDeque<Obligation> queue = new ArrayDeque<>();
        seen.add(first);
        queue.add(first);
        long nodes = 0;
        while (!queue.isEmpty()) {
            Obligation o = queue.poll();
            Set<Long> times = new TreeSet<>();
            times.add(0L);
            deadlines(o, times);
            for (long time : times) {
                for (int valuation = 0; valuation < 1 << atoms.length; valuation++) {
                    Predicate<String> holds = holds(atoms, valuation);
                    if (Progression.last(o, holds, time)) {
                        return true;
                    }
                    Obligation rest = shift(Progression.next(o, holds, time), -time);
                    nodes += size(rest);
                    if (nodes > MAX_NODES) {
                        return true;
                    }
                    if (!rest.equals(Obligation.FALSE) && seen.add(rest)) {
                        if (seen.size() > MAX_STATES) {
                            return true;
                        }
                        queue.add(rest);
                    }
                }
            }
        }
        return false;
    }

    private static long size(Obligation o) {
        long n = 1;
        for (Obligation child : Obligation.children(o)) {
            n += size(child);
        }
        return n;
    }

    private static Predicate<String> holds(String[] atoms, int valuation) {
        return name -> {
            for (int i = 0; i < atoms.length; i++) {
                if (atoms[i].equals(name)) {
                    return (valuation & 1 << i) != 0;
                }
            }
            return false;
        };
    }

    private static void propositions(Obligation o, Set<String> into) {
        if (o instanceof Obligation.Lit l) {
            into.add(l.name());
        }
        Obligation.children(o).forEach(x -> propositions(x, into));
    }

    /** The times just past each pending deadline: the only times at which the next position's answer can change. */
    private static void deadlines(Obligation o, Set<Long> into) {
        if (o instanceof Obligation.Deadline d && d.deadline() >= 0) {
            into.add(d.deadline() + 1);
        }
        Obligation.children(o).forEach(x -> deadlines(x, into));
    }

    private static Obligation shift(Obligation o, long delta) {
        if (o instanceof Obligation.And a) {
            return a.operands().stream().map(x -> shift(x, delta)).reduce(Obligation.TRUE, Obligation::and);
        }
        if (o instanceof Obligation.Or a) {
            return a.operands().stream().map(x -> shift(x, delta)).reduce(Obligation.FALSE, Obligation::or);
        }
        if (o instanceof Obligation.Next n) {
            return new Obligation.Next(shift(n.operand(), delta), n.strong());
        }
        if (o instanceof Obligation.Until u) {
            return new Obligation.Until(shift(u.left(), delta), shift(u.right(), delta));
        }
        if (o instanceof Obligation.Release r) {
            return new Obligation.Release(shift(r.left(), delta), shift(r.right(), delta));
        }
        if (o instanceof Obligation.StepBounded b) {
            return new Obligation.StepBounded(b.chunks(), shift(b.operand(), delta), b.eventually());
        }
        if (o instanceof Obligation.Deadline d) {
            // an expired deadline decides the same at every later time: keep it at -1, one state for all of them
            return new Obligation.Deadline(Math.max(-1, d.deadline() + delta), shift(d.operand(), delta), d.eventually());
        }
        return o;
    }
}
