package io.midstream.ltl;

import java.io.Serializable;
import java.util.Map;

/** A condition on one chunk, compiled to bit tests over the set of propositions that hold there. */
public sealed interface Guard extends Serializable {
    boolean test(long holds);

    record Constant(boolean value) implements Guard {
        public boolean test(long holds) {
            return value;
        }
    }

    record Bit(long mask) implements Guard {
        public boolean test(long holds) {
            return (holds & mask) != 0;
        }
    }

    record Not(Guard operand) implements Guard {
        public boolean test(long holds) {
            return !operand.test(holds);
        }
    }

    record And(Guard left, Guard right) implements Guard {
        public boolean test(long holds) {
            return left.test(holds) && right.test(holds);
        }
    }

    record Or(Guard left, Guard right) implements Guard {
        public boolean test(long holds) {
            return left.test(holds) || right.test(holds);
        }
    }

    /** The guard of a propositional formula; {@code bits} gives each proposition's bit. */
    static Guard of(Formula f, Map<String, Integer> bits) {
        if (f instanceof Formula.Constant c) {
            return new Constant(c.value());
        }
        if (f instanceof Formula.Prop p) {
            Integer bit = bits.get(p.name());
            if (bit == null) {
                throw new IllegalArgumentException("unknown proposition " + p.name());
            }
            return new Bit(1L << bit);
        }
        if (f instanceof Formula.Not n) {
            return new Not(of(n.operand(), bits));
        }
        if (f instanceof Formula.And a) {
            return new And(of(a.left(), bits), of(a.right(), bits));
        }
        if (f instanceof Formula.Or o) {
            return new Or(of(o.left(), bits), of(o.right(), bits));
        }
        if (f instanceof Formula.Implies i) {
            return new Or(new Not(of(i.left(), bits)), of(i.right(), bits));
        }
        if (f instanceof Formula.Iff i) {
            Guard l = of(i.left(), bits);
            Guard r = of(i.right(), bits);
            return new Or(new And(l, r), new And(new Not(l), new Not(r)));
        }
        throw new IllegalArgumentException("not a condition on one chunk: " + Formula.print(f));
    }

    /** Whether some chunk can meet the condition: tried on every assignment of the propositions it names. */
    static boolean satisfiable(Guard g) {
        long used = bits(g);
        int n = Long.bitCount(used);
        if (n > 20) {
            return true;
        }
        int[] positions = new int[n];
        for (int i = 0, b = 0; b < Long.SIZE; b++) {
            if ((used & 1L << b) != 0) {
                positions[i++] = b;
            }
        }
        for (int assignment = 0; assignment < 1 << n; assignment++) {
            long holds = 0;
            for (int i = 0; i < n; i++) {
                if ((assignment & 1 << i) != 0) {
                    holds |= 1L << positions[i];
                }
            }
            if (g.test(holds)) {
                return true;
            }
        }
        return false;
    }

    private static long bits(Guard g) {
        if (g instanceof Bit b) {
            return b.mask();
        }
        if (g instanceof Not n) {
            return bits(n.operand());
        }
        if (g instanceof And a) {
            return bits(a.left()) | bits(a.right());
        }
        if (g instanceof Or o) {
            return bits(o.left()) | bits(o.right());
        }
        return 0;
    }

    static Guard and(Guard a, Guard b) {
        return new And(a, b);
    }

    static Guard not(Guard a) {
        return new Not(a);
    }
}
