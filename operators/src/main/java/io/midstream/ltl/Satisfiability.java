package io.midstream.ltl;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Whether some non-empty finite trace satisfies an obligation: a search over its progressions,
 * one branch per valuation of its propositions and per distinct choice of the next position's
 * time ({@link #times}; times never go back). Deadlines are kept relative to the current time,
 * so the search visits finitely many obligations.
 */
final class Satisfiability {
    /**
     * Past this many obligations, or this many nodes in all of them, the search gives up and answers
     * "satisfiable", which only delays a verdict. Obligations are kept in {@link Obligation#canonical}
     * form, so the search ends, but their number can be exponential in the formula's size.
     */
    private static final int MAX_STATES = 50_000;
    private static final long MAX_NODES = 200_000;
    private static final int MAX_PROPOSITIONS = 12;

    private Satisfiability() {}

    static boolean satisfiable(Obligation start, long now) {
        Obligation first = Obligation.canonical(shift(start, -now));
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
            Set<Long> times = times(o);
            for (long time : times) {
                for (int valuation = 0; valuation < 1 << atoms.length; valuation++) {
                    Predicate<String> holds = holds(atoms, valuation);
                    if (Progression.last(o, holds, time)) {
                        return true;
                    }
                    Obligation rest = Obligation.canonical(shift(Progression.next(o, holds, time), -time));
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

    /**
     * Times for the next position, now being 0: one of each span of times in which every pending
     * deadline d is met or missed alike and every deadline t + m that a time bound m anchored
     * there would set falls on the same side of each d, the first of the span. So 0, d + 1 and
     * d - m + 1: the first where the position misses d, and where t + m passes it (a bound
     * anchored earlier sets a deadline before d, later one after it: "p before d, then q within
     * m of p but after d" needs p in (d - m, d]). The first time of a span sets a deadline t + m
     * equal to no d unless the span has only that time, so no future time is lost to a tie.
     */
    private static Set<Long> times(Obligation o) {
        Set<Long> deadlines = new TreeSet<>();
        Set<Long> bounds = new TreeSet<>();
        collect(o, deadlines, bounds);
        Set<Long> times = new TreeSet<>();
        times.add(0L);
        for (long d : deadlines) {
            times.add(d + 1);
            for (long m : bounds) {
                if (d - m + 1 > 0) {
                    times.add(d - m + 1);
                }
            }
        }
        return times;
    }

    private static void collect(Obligation o, Set<Long> deadlines, Set<Long> bounds) {
        if (o instanceof Obligation.Deadline d && d.deadline() >= 0) {
            deadlines.add(d.deadline());
        }
        if (o instanceof Obligation.TimeBounded b) {
            bounds.add(b.millis());
        }
        Obligation.children(o).forEach(x -> collect(x, deadlines, bounds));
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
