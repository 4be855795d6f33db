package io.midstream.ltl;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The oracle against the LTLf semantics written out by recursion over positions (De Giacomo and
 * Vardi 2013; the time bounds as the README defines them), on random formulas with every operator
 * and random traces: the verdict on the whole trace is the semantics', and where it says a prefix
 * shorter than the trace decides a violation, no continuation of that prefix that this test tries
 * satisfies the formula.
 */
class LtlOraclePropertyTest {
    private static final String[] ATOMS = {"p", "q", "r"};

    @Property(tries = 300)
    void agreesWithTheSemanticsAndNoContinuationSavesADecidedViolation(@ForAll long seed) {
        Random random = new Random(seed);
        check(formula(random, 4), random, 200, 4);
    }

    /**
     * Time bounds nested in time bounds, as "q after 280 ms, but within 270 ms of a p within 250
     * ms": the search for a continuation has to try the times where a bound anchored there ends on
     * the other side of a pending deadline. Random formulas rarely ask that.
     */
    @Property(tries = 300)
    void nestedTimeBoundsAgreeWithTheSemantics(@ForAll long seed) {
        Random random = new Random(seed);
        String[] shapes = {"!F[<=Ams] x & F[<=Bms](y & F[<=Cms] z)", "G(x -> F[<=Ams] y) & !F[<=Bms] z & F[<=Cms] x",
                "F[<=Ams](x & !F[<=Bms] y) & F[<=Cms] y", "(x U (y & F[<=Ams] z)) & !F[<=Bms] z & F[<=Cms] y",
                "G(!z | F[<=Ams] x) & F[<=Bms](y & F[<=Cms] z)"};
        String text = shapes[random.nextInt(shapes.length)];
        for (String bound : new String[] {"A", "B", "C"}) {
            text = text.replace(bound + "ms", 10 * (1 + random.nextInt(30)) + "ms");
        }
        for (String atom : new String[] {"x", "y", "z"}) {
            text = text.replace(atom, ATOMS[random.nextInt(ATOMS.length)]);
        }
        check(text, random, 10, 30);
    }

    /** Ten random traces whose times step by 0 to {@code units - 1} times {@code unit} ms. */
    private static void check(String text, Random random, long unit, int units) {
        Formula formula = LtlParser.parse(text);
        for (int t = 0; t < 10; t++) {
            List<LtlOracle.Step> trace = steps(random, 1 + random.nextInt(8), 0, unit, units);
            LtlOracle.Verdict verdict = LtlOracle.verdict(formula, trace);
            assertThat(verdict.satisfied()).as("%s on %s", text, trace).isEqualTo(holds(formula, trace, 0));
            if (!verdict.satisfied() && verdict.at() < trace.size() - 1) {
                // decided before the trace ends: by the prefix alone
                List<LtlOracle.Step> prefix = trace.subList(0, verdict.at() + 1);
                for (int c = 0; c < 30; c++) {
                    List<LtlOracle.Step> continued = new ArrayList<>(prefix);
                    continued.addAll(steps(random, random.nextInt(5), prefix.get(prefix.size() - 1).time(), unit, units));
                    assertThat(holds(formula, continued, 0)).as("%s violated at %d of %s, yet satisfied by %s", text, verdict.at(), trace, continued)
                            .isFalse();
                }
            }
        }
    }

    private static List<LtlOracle.Step> steps(Random random, int length, long from, long unit, int units) {
        List<LtlOracle.Step> steps = new ArrayList<>();
        long time = from;
        for (int i = 0; i < length; i++) {
            time += unit * random.nextInt(units);
            Set<String> holds = new TreeSet<>();
            for (String atom : ATOMS) {
                if (random.nextBoolean()) {
                    holds.add(atom);
                }
            }
            steps.add(new LtlOracle.Step(holds, time));
        }
        return steps;
    }

    private static String formula(Random random, int depth) {
        if (depth == 0 || random.nextInt(4) == 0) {
            int k = random.nextInt(5);
            return k < 3 ? ATOMS[k] : k == 3 ? "true" : "!" + ATOMS[random.nextInt(3)];
        }
        String a = "(" + formula(random, depth - 1) + ")";
        String b = "(" + formula(random, depth - 1) + ")";
        return switch (random.nextInt(13)) {
            case 0 -> "!" + a;
            case 1 -> a + " & " + b;
            case 2 -> a + " | " + b;
            case 3 -> a + " -> " + b;
            case 4 -> a + " <-> " + b;
            case 5 -> "X " + a;
            case 6 -> "F " + a;
            case 7 -> "G " + a;
            case 8 -> a + " U " + b;
            case 9 -> a + " R " + b;
            case 10 -> a + " W " + b;
            case 11 -> "F[<=" + random.nextInt(4) + "] " + a;
            default -> "F[<=" + 200 * random.nextInt(6) + "ms] " + a;
        };
    }

    /** Whether the formula holds at position i of the trace, by the definitions. */
    private static boolean holds(Formula f, List<LtlOracle.Step> trace, int i) {
        int n = trace.size();
        if (f instanceof Formula.Constant c) {
            return c.value();
        }
        if (f instanceof Formula.Prop p) {
            return trace.get(i).holds().contains(p.name());
        }
        if (f instanceof Formula.Not x) {
            return !holds(x.operand(), trace, i);
        }
        if (f instanceof Formula.And x) {
            return holds(x.left(), trace, i) && holds(x.right(), trace, i);
        }
        if (f instanceof Formula.Or x) {
            return holds(x.left(), trace, i) || holds(x.right(), trace, i);
        }
        if (f instanceof Formula.Implies x) {
            return !holds(x.left(), trace, i) || holds(x.right(), trace, i);
        }
        if (f instanceof Formula.Iff x) {
            return holds(x.left(), trace, i) == holds(x.right(), trace, i);
        }
        if (f instanceof Formula.Next x) {
            return i + 1 < n && holds(x.operand(), trace, i + 1);
        }
        if (f instanceof Formula.Eventually x) {
            for (int j = i; j < n; j++) {
                if (holds(x.operand(), trace, j)) {
                    return true;
                }
            }
            return false;
        }
        if (f instanceof Formula.Always x) {
            for (int j = i; j < n; j++) {
                if (!holds(x.operand(), trace, j)) {
                    return false;
                }
            }
            return true;
        }
        if (f instanceof Formula.Until x) {
            return until(x.left(), x.right(), trace, i, false);
        }
        if (f instanceof Formula.Release x) {
            for (int j = i; j < n; j++) {
                if (!holds(x.right(), trace, j)) {
                    return false;
                }
                if (holds(x.left(), trace, j)) {
                    return true;
                }
            }
            return true;
        }
        if (f instanceof Formula.WeakUntil x) {
            return until(x.left(), x.right(), trace, i, true);
        }
        Formula.BoundedEventually x = (Formula.BoundedEventually) f;
        for (int j = i; j < n; j++) {
            boolean inBound = x.bound().timed() ? trace.get(j).time() <= trace.get(i).time() + x.bound().time().toMillis()
                    : j <= i + x.bound().chunks();
            if (inBound && holds(x.operand(), trace, j)) {
                return true;
            }
        }
        return false;
    }

    /** a U b, or with {@code weak} a W b: b comes and a holds before it, or (weak) a holds to the end. */
    private static boolean until(Formula a, Formula b, List<LtlOracle.Step> trace, int i, boolean weak) {
        for (int j = i; j < trace.size(); j++) {
            if (holds(b, trace, j)) {
                return true;
            }
            if (!holds(a, trace, j)) {
                return false;
            }
        }
        return weak;
    }
}
