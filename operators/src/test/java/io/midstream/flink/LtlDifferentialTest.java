package io.midstream.flink;

import io.midstream.avro.Severity;
import io.midstream.ltl.LtlOracle;
import io.midstream.ltl.LtlRule;
import io.midstream.ltl.Proposition;
import io.midstream.ltl.Propositions;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CEP patterns against the oracle: for every supported shape (Dwyer's precedence after q in
 * its own mapping as well as the first-q form, some shapes spelled otherwise, conjunctions), random conditions for p, s, q
 * and r, random bounds, and random traces of 1 to 30 chunks with random times give the same
 * verdict at the same position from a MiniCluster job as from formula progression.
 */
class LtlDifferentialTest {
    private static final String[] ATOMS = {"a", "b", "c", "d"};
    /** The atoms as propositions: the traces say where each holds, so what a proposition would test of a chunk is never asked. */
    private static final Propositions ATOM_PROPOSITIONS = atomPropositions();
    /** Dwyer et al.'s mappings, Konrad and Cheng's bounded response, the next-chunk response, until and other spellings, written out here, not taken from the code under test. */
    private static final String[] SHAPES = {
            "G(!{p})", "F {r} -> (!{p} U {r})", "G({q} -> G(!{p}))", "G(({q} & !{r} & F {r}) -> (!{p} U {r}))", "G(({q} & !{r}) -> (!{p} W {r}))",
            "F({p})", "!{r} W ({p} & !{r})", "G(!{q}) | F({q} & F({p}))", "G(({q} & !{r}) -> (!{r} W ({p} & !{r})))", "G(({q} & !{r}) -> (!{r} U ({p} & !{r})))",
            "G({p})", "F {r} -> ({p} U {r})", "G({q} -> G({p}))", "G(({q} & !{r} & F {r}) -> ({p} U {r}))", "G(({q} & !{r}) -> ({p} W {r}))",
            "!{p} W {s}", "F {r} -> (!{p} U ({s} | {r}))", "G(!{q}) | (!{q} U ({q} & (!{p} W {s})))", "G(({q} & !{r} & F {r}) -> (!{p} U ({s} | {r})))", "G(({q} & !{r}) -> (!{p} W ({s} | {r})))",
            "G(!{q}) | F({q} & (!{p} W {s}))",
            // other spellings of templates: implication as disjunction, negation through F and G
            "G(!{p} | F {s})", "!F({p})", "G({q} -> !F({p}))", "F {q} -> F({q} & (!{p} W {s}))",
            "G({p} -> F {s})", "F {r} -> (({p} -> (!{r} U ({s} & !{r}))) U {r})", "G({q} -> G({p} -> F {s}))",
            "G(({q} & !{r} & F {r}) -> (({p} -> (!{r} U ({s} & !{r}))) U {r}))", "G(({q} & !{r}) -> (({p} -> (!{r} U ({s} & !{r}))) W {r}))",
            "G({p} -> F[<={b}] {s})", "F {r} -> (({p} -> F[<={b}] {s}) U {r})", "G({q} -> G({p} -> F[<={b}] {s}))",
            "G(({q} & !{r} & F {r}) -> (({p} -> F[<={b}] {s}) U {r}))", "G(({q} & !{r}) -> (({p} -> F[<={b}] {s}) W {r}))",
            // scoped forms with q for q & !r
            "G({q} -> (!{p} W {r}))", "G(({q} & F {r}) -> (({p} -> F[<={b}] {s}) U {r}))", "G({q} -> (!{p} W ({s} | {r})))",
            // the response at the next chunk, as written and spelled otherwise; until; weak until as precedence
            "G({p} -> X {s})", "G(!{p} | X {s})", "{p} U {s}", "{p} W {s}",
            // a condition on the first chunk; release; F over |, G over &; weak until spelled out; until after each q
            "{p}", "{p} R {s}", "F {p} | F {s}", "G({p}) & G({q} -> {s})", "({p} U {s}) | G {p}", "G({q} -> ({p} U {r}))", "G(({q} & !{r}) -> ({p} U {r}))",
            // p at the last chunk
            "G(F({p}))", "F(G({p}))",
            // conjunctions of shapes over distinct propositions: {x}, {y} conditions on a and b, {X}, {Y} on c and d
            "G({x} -> F[<={b}] {y}) & G(!{X})", "F({x}) & (!{X} W {Y})", "(F {y} -> ({x} U {y})) & (G(!{X}) | F({X} & F({Y})))",
            "G(({x} & !{y}) -> (!{x} W {y})) & G({X} -> F {Y})", "G({x} -> X {y}) & G(!{X} | F[<={b}] {Y})",
    };

    @Property(tries = 3)
    void cepAgreesWithTheOracle(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        List<LtlRule> rules = new ArrayList<>();
        for (int shape = 0; shape < SHAPES.length; shape++) {
            // three of each: more responses than one word of the marks holds (32)
            for (int instance = 0; instance < 3; instance++) {
                String text = SHAPES[shape].replace("{p}", condition(random, ATOMS)).replace("{s}", condition(random, ATOMS))
                        .replace("{q}", condition(random, ATOMS)).replace("{r}", condition(random, ATOMS)).replace("{b}", bound(random))
                        .replace("{x}", condition(random, "a", "b")).replace("{y}", condition(random, "a", "b"))
                        .replace("{X}", condition(random, "c", "d")).replace("{Y}", condition(random, "c", "d"));
                rules.add(LtlRule.parse("shape" + shape + "-" + instance, text, Severity.medium));
            }
        }
        Map<String, List<LtlOracle.Step>> traces = new LinkedHashMap<>();
        for (int t = 0; t < 120; t++) {
            traces.put("t" + t, trace(random));
        }
        Map<String, Map<String, LtlOracle.Verdict>> cep = LtlTraceCheck.run(rules, ATOM_PROPOSITIONS, traces);

        List<String> disagreements = new ArrayList<>();
        for (LtlRule rule : rules) {
            traces.forEach((key, steps) -> {
                LtlOracle.Verdict expected = LtlOracle.verdict(rule.formula(), steps);
                LtlOracle.Verdict actual = cep.get(rule.id()).get(key);
                if (!expected.equals(actual)) {
                    disagreements.add(rule.text() + " on " + steps + ": oracle " + expected + ", cep " + actual);
                }
            });
        }
        assertThat(disagreements).as("seed %d", seed).isEmpty();
    }

    /**
     * Precedence after some q: only the session's end decides a violation, unless no q can meet s
     * before p (here every q is itself p and not s), where the first q does. Rare among random conditions.
     */
    @Test
    void precedenceAfterSomeQIsDecidedAtTheEndOrAtTheFirstQ() throws Exception {
        List<LtlRule> rules = List.of(LtlRule.parse("some", "G(!a) | F(a & (!b W c))", Severity.medium),
                LtlRule.parse("none", "G(!a) | F(a & (!a W (!a & d)))", Severity.medium));
        Map<String, List<LtlOracle.Step>> traces = new LinkedHashMap<>();
        traces.put("every-q-meets-p", List.of(step(), step("a"), step("b"), step("a", "b"), step()));
        traces.put("a-later-q-meets-c", List.of(step("a"), step("b"), step("a"), step("c"), step("b")));
        traces.put("a-q-still-waits", List.of(step("a", "b"), step("a")));
        Map<String, Map<String, LtlOracle.Verdict>> cep = asTheOracle(rules, traces);

        assertThat(cep.get("some")).containsEntry("every-q-meets-p", LtlOracle.Verdict.violatedAt(4))
                .containsEntry("a-later-q-meets-c", LtlOracle.Verdict.holds()).containsEntry("a-q-still-waits", LtlOracle.Verdict.holds());
        assertThat(cep.get("none")).containsEntry("every-q-meets-p", LtlOracle.Verdict.violatedAt(1))
                .containsEntry("a-later-q-meets-c", LtlOracle.Verdict.violatedAt(0));
    }

    /**
     * The response at the next chunk: decided at the chunk after p, or where the session ends right
     * after p (X is strong); where every answer is itself a p, at the first p, since no finite
     * session can end the chain.
     */
    @Test
    void aNextChunkResponseIsDecidedAtTheNextChunkOrAtTheEnd() throws Exception {
        List<LtlRule> rules = List.of(LtlRule.parse("next", "G(a -> X b)", Severity.medium),
                LtlRule.parse("chain", "G(a -> X (a & b))", Severity.medium));
        Map<String, List<LtlOracle.Step>> traces = new LinkedHashMap<>();
        traces.put("answered", List.of(step("a"), step("b", "a"), step("b"), step()));
        traces.put("not-next", List.of(step(), step("a"), step(), step("b")));
        traces.put("ends-after-a", List.of(step("b"), step("a")));
        Map<String, Map<String, LtlOracle.Verdict>> cep = asTheOracle(rules, traces);

        assertThat(cep.get("next")).containsEntry("answered", LtlOracle.Verdict.holds()).containsEntry("not-next", LtlOracle.Verdict.violatedAt(2))
                .containsEntry("ends-after-a", LtlOracle.Verdict.violatedAt(1));
        assertThat(cep.get("chain")).containsEntry("answered", LtlOracle.Verdict.violatedAt(0)).containsEntry("ends-after-a", LtlOracle.Verdict.violatedAt(1));
    }

    /**
     * Until after each q: violated at a chunk without p before r, or at the end while r is still
     * due; where no chunk can be r, at the first q. Unsatisfiable r is rare among random conditions.
     */
    @Test
    void untilAfterEachQIsDecidedWithoutPBeforeRAtTheEndOrAtTheFirstQ() throws Exception {
        List<LtlRule> rules = List.of(LtlRule.parse("until", "G(a -> (b U c))", Severity.medium),
                LtlRule.parse("never", "G(a -> (b U (c & !c)))", Severity.medium));
        Map<String, List<LtlOracle.Step>> traces = new LinkedHashMap<>();
        traces.put("closed", List.of(step(), step("a", "b"), step("b"), step("c"), step("a", "c"), step()));
        traces.put("no-p", List.of(step("b"), step("a", "b"), step("b"), step(), step("c")));
        traces.put("ends-open", List.of(step("a", "b"), step("c"), step("a", "b"), step("b")));
        Map<String, Map<String, LtlOracle.Verdict>> cep = asTheOracle(rules, traces);

        assertThat(cep.get("until")).containsEntry("closed", LtlOracle.Verdict.holds()).containsEntry("no-p", LtlOracle.Verdict.violatedAt(3))
                .containsEntry("ends-open", LtlOracle.Verdict.violatedAt(3));
        assertThat(cep.get("never")).containsEntry("closed", LtlOracle.Verdict.violatedAt(1)).containsEntry("no-p", LtlOracle.Verdict.violatedAt(1));
    }

    /** The cep engine's verdicts on the traces, after checking that they are the oracle's. */
    private static Map<String, Map<String, LtlOracle.Verdict>> asTheOracle(List<LtlRule> rules, Map<String, List<LtlOracle.Step>> traces) throws Exception {
        Map<String, Map<String, LtlOracle.Verdict>> cep = LtlTraceCheck.run(rules, ATOM_PROPOSITIONS, traces);
        for (LtlRule rule : rules) {
            traces.forEach((key, steps) -> assertThat(cep.get(rule.id()).get(key)).as(rule.id() + " " + key).isEqualTo(LtlOracle.verdict(rule.formula(), steps)));
        }
        return cep;
    }

    private static Propositions atomPropositions() {
        Map<String, Proposition> names = new LinkedHashMap<>();
        for (String atom : ATOMS) {
            names.put(atom, view -> false);
        }
        return new Propositions(names);
    }

    private static LtlOracle.Step step(String... holds) {
        return new LtlOracle.Step(new TreeSet<>(List.of(holds)), 0);
    }

    private static String condition(Random random, String... atoms) {
        return switch (random.nextInt(6)) {
            case 0, 1, 2 -> atoms[random.nextInt(atoms.length)];
            case 3 -> "!" + atoms[random.nextInt(atoms.length)];
            case 4 -> "(" + atoms[random.nextInt(atoms.length)] + " & " + atoms[random.nextInt(atoms.length)] + ")";
            default -> "(" + atoms[random.nextInt(atoms.length)] + " | !" + atoms[random.nextInt(atoms.length)] + ")";
        };
    }

    private static String bound(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> Integer.toString(random.nextInt(5));
            case 1 -> (1 + random.nextInt(3)) + "s";
            default -> (100 * random.nextInt(20)) + "ms";
        };
    }

    private static List<LtlOracle.Step> trace(Random random) {
        int length = 1 + random.nextInt(30);
        double density = 0.1 + 0.5 * random.nextDouble();
        long[] gaps = {0, 100, 400, 1000, 2500};
        List<LtlOracle.Step> steps = new ArrayList<>();
        long time = random.nextInt(10_000);
        for (int i = 0; i < length; i++) {
            Set<String> holds = new TreeSet<>();
            for (String atom : ATOMS) {
                if (random.nextDouble() < density) {
                    holds.add(atom);
                }
            }
            steps.add(new LtlOracle.Step(holds, time));
            time += gaps[random.nextInt(gaps.length)];
        }
        return steps;
    }
}
