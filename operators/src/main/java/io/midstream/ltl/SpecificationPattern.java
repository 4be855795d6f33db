package io.midstream.ltl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The property specification patterns of Dwyer, Avrunin and Corbett (ICSE 1999) in their LTL
 * mappings, with bounded response after Konrad and Cheng (ICSE 2005), a response at the next
 * chunk (globally: {@code G(p -> X s)}, X strong as in LTLf), until ({@code p U s}, and after
 * each q until r, {@code G(q -> (p U r))}) and p at the
 * last chunk ({@code G F p} and {@code F G p}, which LTLf makes the same): which
 * pattern and scope a formula is, and its propositional parts p, s (the pattern's), q, r (the
 * scope's) and bound b.
 * A formula fits when it is one of the templates below with any condition on one chunk put for
 * p, s, q and r; conjunctions and disjunctions may be written in any order; a condition alone is
 * one on the first chunk. A conjunction of such formulas over distinct propositions is its
 * conjuncts' shapes ({@link #shapes}).
 */
public final class SpecificationPattern {
    public enum Kind {
        ABSENCE, EXISTENCE, UNIVERSALITY, PRECEDENCE, RESPONSE, BOUNDED_RESPONSE, NEXT_RESPONSE, UNTIL, AT_END;

        /** Whether a trigger waits for s: only its oldest unanswered trigger can decide ({@link PendingTrigger}). */
        public boolean waitsForAnswer() {
            return this == RESPONSE || this == BOUNDED_RESPONSE;
        }
    }

    public enum Scope {
        GLOBALLY, BEFORE, AFTER, BETWEEN, AFTER_UNTIL;

        /** Before r and between q and r, a scope counts only if r comes. */
        public boolean closeRequired() {
            return this == BEFORE || this == BETWEEN;
        }
    }

    /**
     * A formula as a pattern in a scope; the parts that a scope or pattern does not have are null.
     * {@code someQ}: precedence after q as Dwyer et al. map it, which asks it of some q, not of the first.
     */
    public record Shape(Kind kind, Scope scope, Formula p, Formula s, Formula q, Formula r, Formula.Bound bound, boolean someQ) {}

    /** {@code normal}: the formula in {@link #normal} form; {@code listed}: in {@link #supported}, not another spelling of one that is. */
    private record Template(Kind kind, Scope scope, Formula formula, Formula normal, boolean someQ, boolean listed) {
        Template(Kind kind, Scope scope, String formula, boolean someQ, boolean listed) {
            this(kind, scope, LtlParser.parse(formula), SpecificationPattern.normal(LtlParser.parse(formula)), someQ, listed);
        }
    }

    private static final List<Template> TEMPLATES = new ArrayList<>();

    static {
        add(Kind.ABSENCE, Scope.GLOBALLY, "G(!p)");
        add(Kind.ABSENCE, Scope.BEFORE, "F r -> (!p U r)");
        add(Kind.ABSENCE, Scope.AFTER, "G(q -> G(!p))");
        add(Kind.ABSENCE, Scope.BETWEEN, "G((q & !r & F r) -> (!p U r))");
        add(Kind.ABSENCE, Scope.AFTER_UNTIL, "G((q & !r) -> (!p W r))");
        add(Kind.EXISTENCE, Scope.GLOBALLY, "F(p)");
        add(Kind.EXISTENCE, Scope.BEFORE, "!r W (p & !r)");
        add(Kind.EXISTENCE, Scope.AFTER, "G(!q) | F(q & F(p))");
        add(Kind.EXISTENCE, Scope.BETWEEN, "G((q & !r) -> (!r W (p & !r)))");
        add(Kind.EXISTENCE, Scope.AFTER_UNTIL, "G((q & !r) -> (!r U (p & !r)))");
        add(Kind.UNIVERSALITY, Scope.GLOBALLY, "G(p)");
        add(Kind.UNIVERSALITY, Scope.BEFORE, "F r -> (p U r)");
        add(Kind.UNIVERSALITY, Scope.AFTER, "G(q -> G(p))");
        add(Kind.UNIVERSALITY, Scope.BETWEEN, "G((q & !r & F r) -> (p U r))");
        add(Kind.UNIVERSALITY, Scope.AFTER_UNTIL, "G((q & !r) -> (p W r))");
        add(Kind.PRECEDENCE, Scope.GLOBALLY, "!p W s");
        add(Kind.PRECEDENCE, Scope.BEFORE, "F r -> (!p U (s | r))");
        add(Kind.PRECEDENCE, Scope.AFTER, "G(!q) | (!q U (q & (!p W s)))");
        add(Kind.PRECEDENCE, Scope.BETWEEN, "G((q & !r & F r) -> (!p U (s | r)))");
        add(Kind.PRECEDENCE, Scope.AFTER_UNTIL, "G((q & !r) -> (!p W (s | r)))");
        add(Kind.RESPONSE, Scope.GLOBALLY, "G(p -> F s)");
        add(Kind.RESPONSE, Scope.BEFORE, "F r -> ((p -> (!r U (s & !r))) U r)");
        add(Kind.RESPONSE, Scope.AFTER, "G(q -> G(p -> F s))");
        add(Kind.RESPONSE, Scope.BETWEEN, "G((q & !r & F r) -> ((p -> (!r U (s & !r))) U r))");
        add(Kind.RESPONSE, Scope.AFTER_UNTIL, "G((q & !r) -> ((p -> (!r U (s & !r))) W r))");
        add(Kind.BOUNDED_RESPONSE, Scope.GLOBALLY, "G(p -> F[<=1] s)");
        add(Kind.BOUNDED_RESPONSE, Scope.BEFORE, "F r -> ((p -> F[<=1] s) U r)");
        add(Kind.BOUNDED_RESPONSE, Scope.AFTER, "G(q -> G(p -> F[<=1] s))");
        add(Kind.BOUNDED_RESPONSE, Scope.BETWEEN, "G((q & !r & F r) -> ((p -> F[<=1] s) U r))");
        add(Kind.BOUNDED_RESPONSE, Scope.AFTER_UNTIL, "G((q & !r) -> ((p -> F[<=1] s) W r))");
        TEMPLATES.add(new Template(Kind.PRECEDENCE, Scope.AFTER, "G(!q) | F(q & (!p W s))", true, true));
        add(Kind.NEXT_RESPONSE, Scope.GLOBALLY, "G(p -> X s)");
        add(Kind.UNTIL, Scope.GLOBALLY, "p U s");
        // r comes after each q, and p holds until it: universality after q until r that r must close
        add(Kind.UNTIL, Scope.AFTER_UNTIL, "G((q & !r) -> (p U r))");
        // on a finite trace both say that p holds at the last chunk
        add(Kind.AT_END, Scope.GLOBALLY, "G(F(p))");
        add(Kind.AT_END, Scope.GLOBALLY, "F(G(p))");
    }

    private static void add(Kind kind, Scope scope, String template) {
        TEMPLATES.add(new Template(kind, scope, template, false, true));
        if ((scope == Scope.BETWEEN || scope == Scope.AFTER_UNTIL) && kind != Kind.EXISTENCE) {
            // between q and r and after q until r, where r holds the consequent holds at once, so q
            // alone asks what q & !r does; not for existence, whose consequent asks for p before r
            TEMPLATES.add(new Template(kind, scope, template.replace("q & !r", "q"), false, false));
        }
    }

    private SpecificationPattern() {}

    /**
     * The shape of the formula, or a refusal that names the sub-formula that fits no template. A
     * formula that fits none as written may fit in {@link #normal} form (as {@code G(!p | F s)}
     * fits {@code G(p -> F s)}), and then where a template's {@code !p} is let take a condition that
     * is no negation (as {@code a W b} fits {@code !p W s} with p = !a; tried last, so that
     * {@code G(a)} stays universality rather than absence of !a, the same verdicts); the refusal
     * names a sub-formula as written.
     */
    public static Shape of(Formula f) {
        Formula closest = f;
        int closestDepth = -1;
        for (Template t : TEMPLATES) {
            Matcher m = new Matcher();
            List<Bindings> found = m.match(t.formula(), f, 0, Bindings.NONE);
            if (!found.isEmpty()) {
                return shape(t, found.get(0));
            }
            if (m.failDepth > closestDepth) {
                closestDepth = m.failDepth;
                closest = m.failedAt;
            }
        }
        Map.Entry<Template, Bindings> fit = fitInNormalForm(normal(f));
        if (fit != null) {
            return shape(fit.getKey(), fit.getValue());
        }
        if (f.propositional()) {
            // a condition on the first chunk: false U s
            return new Shape(Kind.UNTIL, Scope.GLOBALLY, new Formula.Constant(false), f, null, null, null, false);
        }
        throw new UnsupportedFormulaException(Formula.print(f), "the sub-formula " + Formula.print(closest)
                + " fits none of the supported shapes");
    }

    /**
     * The shapes whose conjunction the formula is: its own where it fits a template, else, for a
     * conjunction, its conjuncts' (a refusal names the first conjunct that fits none). Conjuncts
     * must share no proposition: then the conjunction is violated exactly where the first of them
     * is, since each shape's satisfying continuations can be stretched by repeating their last
     * chunk at its time and so merged into one for all. Shared, they can decide it sooner than
     * either does alone ({@code G(c -> F[<=1] a) & G(!a)} is violated at the first c).
     */
    public static List<Shape> shapes(Formula f) {
        List<Shape> shapes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        conjuncts(f, f, shapes, seen);
        return shapes;
    }

    private static void conjuncts(Formula whole, Formula f, List<Shape> shapes, Set<String> seen) {
        try {
            shapes.add(of(f));
        } catch (UnsupportedFormulaException e) {
            if (!(f instanceof Formula.And)) {
                throw e;
            }
            Formula.children(f).forEach(conjunct -> conjuncts(whole, conjunct, shapes, seen));
            return;
        }
        for (String name : Formula.propositions(f)) {
            if (!seen.add(name)) {
                throw new UnsupportedFormulaException(Formula.print(whole), "its conjuncts share the proposition " + name
                        + ", which could decide the conjunction before any conjunct alone (write them as rules of their own)");
            }
        }
    }

    /**
     * The first template (in normal form) that a formula in normal form fits, with its bindings,
     * or null; a template's {@code !p} takes a condition that is no negation only in a second pass
     * over all of them.
     */
    private static Map.Entry<Template, Bindings> fitInNormalForm(Formula normal) {
        for (boolean negating : new boolean[] {false, true}) {
            for (Template t : TEMPLATES) {
                List<Bindings> found = new Matcher(negating).match(t.normal(), normal, 0, Bindings.NONE);
                if (!found.isEmpty()) {
                    return Map.entry(t, found.get(0));
                }
            }
        }
        return null;
    }

    private static Shape shape(Template t, Bindings b) {
        return new Shape(t.kind(), t.scope(), b.vars.get("p"), b.vars.get("s"), b.vars.get("q"), b.vars.get("r"), b.bound, t.someQ());
    }

    /**
     * Other spellings of the same formula made one: an implication as a disjunction ({@code a -> b}
     * as {@code !a | b}), and a negation moved inside F and G ({@code !F a} as {@code G !a}, {@code
     * !G a} as {@code F !a}), release as weak until ({@code a R b} as {@code b W (a & b)}), F over a
     * disjunction, G over a conjunction and {@code (a U b) | G a} as {@code a W b} ({@link #merged}). Each step keeps the meaning, so a
     * formula that fits a template in this form is an instance of it. Double negations stay: a
     * template's {@code !p} takes {@code !!a}.
     */
    static Formula normal(Formula f) {
        if (f instanceof Formula.Implies i) {
            return merged(new Formula.Or(normal(new Formula.Not(i.left())), normal(i.right())));
        }
        if (f instanceof Formula.Not n && n.operand() instanceof Formula.Eventually e) {
            return new Formula.Always(normal(new Formula.Not(e.operand())));
        }
        if (f instanceof Formula.Not n && n.operand() instanceof Formula.Always a) {
            return new Formula.Eventually(normal(new Formula.Not(a.operand())));
        }
        if (f instanceof Formula.Release r) {
            // a R b: b holds up to and with the first a, or to the end
            return normal(new Formula.WeakUntil(r.right(), new Formula.And(r.left(), r.right())));
        }
        return merged(Formula.mapOperands(f, SpecificationPattern::normal));
    }

    /** F distributes over |, G over &: {@code F a | F b} as {@code F(a | b)}, {@code G a & G b} as {@code G(a & b)}; and weak until spelled out. */
    private static Formula merged(Formula f) {
        if (f instanceof Formula.Or o && o.left() instanceof Formula.Eventually a && o.right() instanceof Formula.Eventually b) {
            return new Formula.Eventually(new Formula.Or(a.operand(), b.operand()));
        }
        if (f instanceof Formula.And o && o.left() instanceof Formula.Always a && o.right() instanceof Formula.Always b) {
            return new Formula.Always(new Formula.And(a.operand(), b.operand()));
        }
        if (f instanceof Formula.Or o) {
            // (a U b) | G a, either way round, is a W b
            for (Formula[] pair : new Formula[][] {{o.left(), o.right()}, {o.right(), o.left()}}) {
                if (pair[0] instanceof Formula.Until u && pair[1] instanceof Formula.Always g && g.operand().equals(u.left())) {
                    return new Formula.WeakUntil(u.left(), u.right());
                }
            }
        }
        return f;
    }

    /** The supported shapes, one a line, for messages and the README. */
    public static String supported() {
        StringBuilder out = new StringBuilder();
        for (Template t : TEMPLATES) {
            if (t.listed()) {
                out.append(String.format("  %-16s %-11s %s%n", t.kind().name().toLowerCase(), t.someQ() ? "after some" : t.scope().name().toLowerCase(),
                        Formula.print(t.formula()).replace("F[<=1]", "F[<=b]")));
            }
        }
        out.append("  (between and after_until also take q for q & !r, but for existence)\n");
        out.append(String.format("  %-16s %-11s %s%n", "condition", "first chunk", "p, a condition alone: it holds at the first chunk"));
        out.append(String.format("  %-16s %-11s %s%n", "conjunction", "of shapes", "A & B, A and B shapes above that share no proposition"));
        return out.toString();
    }

    /** A formula outside the fragment that compiles to CEP. */
    public static final class UnsupportedFormulaException extends IllegalArgumentException {
        public UnsupportedFormulaException(String formula, String why) {
            super("cannot compile " + formula + " to a CEP pattern: " + why
                    + "; with p, s, q, r conditions on one chunk and b a bound (N chunks or a duration), the supported shapes are:\n" + supported());
        }
    }

    /** What a match has bound so far: p, s, q, r to conditions, and the bound. Immutable. */
    private record Bindings(Map<String, Formula> vars, Formula.Bound bound) {
        static final Bindings NONE = new Bindings(Map.of(), null);

        Bindings with(String var, Formula f) {
            Map<String, Formula> more = new HashMap<>(vars);
            more.put(var, f);
            return new Bindings(Map.copyOf(more), bound);
        }
    }

    /**
     * Matches a template against a formula: every consistent way to bind p, s, q, r to
     * propositional parts (there can be several where operands may go in any order). Remembers
     * the deepest sub-formula where matching failed, for the refusal message.
     */
    private static final class Matcher {
        /** Whether a template's {@code !p} takes a condition that is no negation, binding p to its negation ({@code a W b} as {@code !p W s}). */
        private final boolean negating;
        Formula failedAt;
        int failDepth = -1;

        Matcher() {
            this(false);
        }

        Matcher(boolean negating) {
            this.negating = negating;
        }

        List<Bindings> match(Formula t, Formula f, int depth, Bindings in) {
            List<Bindings> out = matchNode(t, f, depth, in);
            if (out.isEmpty() && depth > failDepth) {
                failDepth = depth;
                failedAt = f;
            }
            return out;
        }

        private List<Bindings> matchNode(Formula t, Formula f, int depth, Bindings in) {
            if (t instanceof Formula.Prop var) {
                return bind(var.name(), f, in);
            }
            if (negating && t instanceof Formula.Not n && n.operand() instanceof Formula.Prop var && !(f instanceof Formula.Not)) {
                return bind(var.name(), new Formula.Not(f), in);
            }
            if (t instanceof Formula.And || t instanceof Formula.Or) {
                boolean conjunction = t instanceof Formula.And;
                if (conjunction ? !(f instanceof Formula.And) : !(f instanceof Formula.Or)) {
                    return List.of();
                }
                // as written (either order), or flattened with a variable taking the rest
                List<Formula> tt = Formula.children(t);
                List<Formula> ff = Formula.children(f);
                List<Bindings> out = new ArrayList<>(sequence(tt, ff, depth, in));
                out.addAll(sequence(tt, List.of(ff.get(1), ff.get(0)), depth, in));
                out.addAll(matchJunction(t, f, depth, conjunction, in));
                return out;
            }
            if (t instanceof Formula.BoundedEventually b) {
                if (!(f instanceof Formula.BoundedEventually g) || (in.bound() != null && !in.bound().equals(g.bound()))) {
                    return List.of();
                }
                return match(b.operand(), g.operand(), depth + 1, new Bindings(in.vars(), g.bound()));
            }
            if (t.getClass() != f.getClass()) {
                return List.of();
            }
            List<Formula> ts = Formula.children(t);
            List<Formula> fs = Formula.children(f);
            if (ts.isEmpty()) {
                return t.equals(f) ? List.of(in) : List.of();
            }
            return sequence(ts, fs, depth, in);
        }

        /** Every way to match each template part with the formula part at the same place. */
        private List<Bindings> sequence(List<Formula> ts, List<Formula> fs, int depth, Bindings in) {
            List<Bindings> states = List.of(in);
            for (int i = 0; i < ts.size(); i++) {
                List<Bindings> next = new ArrayList<>();
                for (Bindings b : states) {
                    next.addAll(match(ts.get(i), fs.get(i), depth + 1, b));
                }
                states = next;
            }
            return states;
        }

        private static List<Bindings> bind(String var, Formula f, Bindings in) {
            if (!f.propositional()) {
                return List.of();
            }
            Formula bound = in.vars().get(var);
            if (bound == null) {
                return List.of(in.with(var, f));
            }
            return bound.equals(f) ? List.of(in) : List.of();
        }

        /** Operands in any order; a bare variable among them takes the operands that are left. */
        private List<Bindings> matchJunction(Formula t, Formula f, int depth, boolean conjunction, Bindings in) {
            List<Formula> templateItems = flatten(t, conjunction);
            List<Formula> items = flatten(f, conjunction);
            List<Formula> fixed = new ArrayList<>();
            String rest = null;
            for (Formula item : templateItems) {
                if (item instanceof Formula.Prop var && rest == null) {
                    rest = var.name();
                } else {
                    fixed.add(item);
                }
            }
            List<Bindings> out = new ArrayList<>();
            assign(fixed, 0, items, new boolean[items.size()], rest, depth, conjunction, in, out);
            return out;
        }

        private void assign(List<Formula> fixed, int next, List<Formula> items, boolean[] used, String rest, int depth,
                            boolean conjunction, Bindings in, List<Bindings> out) {
            if (next == fixed.size()) {
                List<Formula> left = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    if (!used[i]) {
                        left.add(items.get(i));
                    }
                }
                if (rest == null) {
                    if (left.isEmpty()) {
                        out.add(in);
                    }
                } else if (!left.isEmpty()) {
                    out.addAll(bind(rest, left.stream().reduce((a, b) -> conjunction ? new Formula.And(a, b) : new Formula.Or(a, b)).orElseThrow(), in));
                }
                return;
            }
            for (int i = 0; i < items.size(); i++) {
                if (!used[i]) {
                    used[i] = true;
                    for (Bindings b : match(fixed.get(next), items.get(i), depth + 1, in)) {
                        assign(fixed, next + 1, items, used, rest, depth, conjunction, b, out);
                    }
                    used[i] = false;
                }
            }
        }

        private static List<Formula> flatten(Formula f, boolean conjunction) {
            List<Formula> out = new ArrayList<>();
            if (conjunction && f instanceof Formula.And a) {
                out.addAll(flatten(a.left(), true));
                out.addAll(flatten(a.right(), true));
            } else if (!conjunction && f instanceof Formula.Or o) {
                out.addAll(flatten(o.left(), false));
                out.addAll(flatten(o.right(), false));
            } else {
                out.add(f);
            }
            return out;
        }
    }
}
