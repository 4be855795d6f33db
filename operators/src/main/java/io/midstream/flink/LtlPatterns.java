package io.midstream.flink;

import io.midstream.ltl.Formula;
import io.midstream.ltl.Guard;
import io.midstream.ltl.NextChunkTrigger;
import io.midstream.ltl.PastTimeMarks;
import io.midstream.ltl.PendingTrigger;
import io.midstream.ltl.PrecedenceAfterSomeQ;
import io.midstream.ltl.SegmentViolation;
import io.midstream.ltl.SpecificationPattern.Kind;
import io.midstream.ltl.SpecificationPattern.Scope;
import io.midstream.ltl.SpecificationPattern.Shape;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.WithinType;
import org.apache.flink.cep.pattern.conditions.IterativeCondition;
import org.apache.flink.cep.pattern.conditions.RichCompositeIterativeCondition;
import org.apache.flink.cep.pattern.conditions.RichOrCondition;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;

/**
 * Compiles an LTL rule to one Flink CEP pattern over {@link LtlEvent}s, which matches a
 * prefix of the session that violates the rule, and ends at the event that decides it (a safety
 * violation at the offending chunk, a response at its bound or at the scope's end). A scope opens
 * and closes on BOUNDARY events, the other stages test CHUNK events, START and END frame the session.
 * Every stage that waits is also ended by END, so nothing of a session stays in state after it.
 * Response with a time bound maps to {@code within}, whose timeouts are the violations. A response
 * takes as triggers only the chunks that its {@link PendingTrigger} marks, so that a partial match
 * waits for the one trigger that can decide; a bounded response also looks for the bound's end only
 * where it marks one, so that CEP is not sent every chunk to count the bound. Precedence after
 * some q waits for END from the chunk its {@link PrecedenceAfterSomeQ} marks violating, a response
 * at the next chunk reads the triggers and next chunks its {@link NextChunkTrigger} marks.
 * Absence and universality between q and r and after q until r, precedence after q until r and
 * until after each q read the openings of the scope's segments and the chunks that decide them,
 * which their {@link SegmentViolation} marks.
 */
public final class LtlPatterns {
    private LtlPatterns() {}

    /**
     * Which events some stage or negation of a pattern can take: START or not, BOUNDARY and CHUNK
     * events by their propositions or by their marks, and always END, which ends the session's
     * partial matches. The others are ignored by the pattern (all stages skip what they do not
     * take), so they are not sent to CEP at all. Most chunks open no scope and trigger nothing,
     * and most patterns begin at a chunk.
     */
    public record Needed(boolean start, Wanted boundary, Wanted chunk) implements Serializable {
        public static final Needed NOTHING = new Needed(false, Wanted.NONE, Wanted.NONE);

        public boolean wants(byte kind, long holds, long[] marks) {
            return switch (kind) {
                case LtlEvent.START -> start;
                case LtlEvent.BOUNDARY -> boundary.wants(holds, marks);
                case LtlEvent.CHUNK -> chunk.wants(holds, marks);
                default -> true;
            };
        }

        public Needed or(Needed other) {
            return new Needed(start || other.start, boundary.or(other.boundary), chunk.or(other.chunk));
        }

        /** What the stages of this pattern can take, read from their conditions. */
        public static Needed of(Pattern<LtlEvent, LtlEvent> pattern) {
            Needed needed = NOTHING;
            for (Pattern<LtlEvent, ?> stage = pattern; stage != null; stage = stage.getPrevious()) {
                needed = needed.or(of(stage.getCondition()));
            }
            return needed;
        }

        private static Needed of(IterativeCondition<?> condition) {
            if (condition instanceof RichCompositeIterativeCondition<?> composite) {
                Needed needed = NOTHING;
                for (IterativeCondition<?> nested : composite.getNestedConditions()) {
                    needed = needed.or(of(nested));
                }
                return needed;
            }
            if (condition instanceof On on) {
                return of(on.kind, new Wanted(on.guard == null ? new Guard.Constant(true) : on.guard, LtlEvent.NO_MARKS));
            }
            if (condition instanceof Marked marked) {
                return of(marked.kind, new Wanted(Wanted.NONE.where, marked.mark.words()));
            }
            if (condition instanceof Answered answered) {
                return of(LtlEvent.CHUNK, new Wanted(answered.s, LtlEvent.NO_MARKS));
            }
            return of(LtlEvent.CHUNK, new Wanted(Wanted.NONE.where, ((Expired) condition).deadline.words()));
        }

        private static Needed of(byte kind, Wanted wanted) {
            return switch (kind) {
                case LtlEvent.START -> new Needed(true, Wanted.NONE, Wanted.NONE);
                case LtlEvent.BOUNDARY -> new Needed(false, wanted, Wanted.NONE);
                case LtlEvent.CHUNK -> new Needed(false, Wanted.NONE, wanted);
                default -> NOTHING;
            };
        }
    }

    /** The events of one kind that a pattern can take: where a guard holds, or with one of some marks. */
    public record Wanted(Guard where, long[] marks) implements Serializable {
        public static final Wanted NONE = new Wanted(new Guard.Constant(false), LtlEvent.NO_MARKS);

        boolean wants(long holds, long[] eventMarks) {
            for (int w = Math.min(eventMarks.length, marks.length) - 1; w >= 0; w--) {
                if ((eventMarks[w] & marks[w]) != 0) {
                    return true;
                }
            }
            return where.test(holds);
        }

        Wanted or(Wanted other) {
            long[] both = Arrays.copyOf(marks, Math.max(marks.length, other.marks.length));
            for (int w = 0; w < other.marks.length; w++) {
                both[w] |= other.marks[w];
            }
            return new Wanted(new Guard.Or(where, other.where), both);
        }
    }

    /** A rule compiled: its pattern and, for a rule that reads marks, what marks its chunks (else null). */
    public record Compiled(Pattern<LtlEvent, LtlEvent> pattern, PastTimeMarks marks) {}

    /** The pattern of a shape of a rule; one that reads marks uses those of {@code slot}, its place among such patterns. */
    public static Compiled compile(Shape written, Map<String, Integer> bits, int slot) {
        Shape shape = existenceAsResponse(written);
        Guard p = guard(shape.p(), bits);
        Guard s = guard(shape.s(), bits);
        Guard q = guard(shape.q(), bits);
        Guard r = guard(shape.r(), bits);
        Checked checked = checked(shape, p, s, q, r);
        if (checked.someQ()) {
            // only the session's end decides: a violation pending since its mark, unless released
            return new Compiled(Stages.begin("violating", Marked.chunk(Mark.of(PrecedenceAfterSomeQ.VIOLATING, slot), null))
                    .then("end", Marked.chunk(Mark.of(PrecedenceAfterSomeQ.RELEASED, slot), null), On.end(), false).pattern,
                    new PrecedenceAfterSomeQ(p, s, q));
        }
        Scope scope = shape.scope();
        IterativeCondition<LtlEvent> end = On.end();
        IterativeCondition<LtlEvent> close = switch (scope) {
            case GLOBALLY, AFTER -> end;
            case BEFORE, BETWEEN -> On.boundary(r);
            case AFTER_UNTIL -> or(On.boundary(r), end);
        };
        Kind kind = checked.kind();
        p = checked.p();
        if (kind == Kind.EXISTENCE && !scope.closeRequired() && !Guard.satisfiable(p)) {
            // nothing can exist: the violation is the scope's opening (a chunk, after START)
            Stages opened = scope == Scope.GLOBALLY ? open(scope, q).then("violation", end, On.chunk(new Guard.Constant(true)), false)
                    : open(scope, q);
            return new Compiled(opened.pattern, null);
        }
        if (kind == Kind.NEXT_RESPONSE) {
            // the chunk after a trigger is the first marked next after it: s there answers, anything else, or END, violates
            Mark next = Mark.of(NextChunkTrigger.NEXT, slot);
            return new Compiled(Stages.begin("trigger", Marked.chunk(Mark.of(NextChunkTrigger.TRIGGER, slot), null))
                    .then("violation", Marked.chunk(next, s), or(Marked.chunk(next, Guard.not(s)), end), false).pattern, new NextChunkTrigger(p));
        }
        SegmentViolation segments = segments(kind, scope, p, s, q, r);
        if (segments != null) {
            // the segment's opening is evidence; a later opening or END ends a segment that was not
            // violated, unless r must come: then its r does, and END violates
            Mark opened = Mark.of(SegmentViolation.OPENED, slot);
            Mark decided = Mark.of(SegmentViolation.VIOLATED, slot);
            boolean strong = kind == Kind.UNTIL;
            IterativeCondition<LtlEvent> ended = or(Marked.boundary(opened), strong ? Marked.chunk(decided, r) : end);
            IterativeCondition<LtlEvent> violation = strong ? or(Marked.chunk(decided, Guard.not(r)), end) : Marked.chunk(decided, null);
            return new Compiled(Stages.begin("open", Marked.boundary(opened)).then("violation", ended, violation, false).pattern, segments);
        }
        if (!kind.waitsForAnswer()) {
            return new Compiled(pattern(kind, scope, p, s, q, close), null);
        }
        // p & !s in the scope, where no earlier trigger dominates it
        IterativeCondition<LtlEvent> trigger = Marked.chunk(Mark.of(PendingTrigger.TRIGGER, slot), null);
        return kind == Kind.RESPONSE
                ? new Compiled(response(scope, s, close, trigger), new PendingTrigger(scope, p, s, q, r, null))
                : new Compiled(boundedResponse(scope, s, r, shape.bound(), trigger, slot), new PendingTrigger(scope, p, s, q, r, shape.bound()));
    }

    /**
     * Existence between q and r and after q until r asks of each q a p before r: a response to q
     * that p answers, in a scope that every chunk but r opens ({@code (q -> (!r U (p & !r))) U r}
     * between true and r, {@code ... W r} after true until r), so that only the oldest q still
     * waiting is a trigger, instead of a partial match for every q.
     */
    private static Shape existenceAsResponse(Shape shape) {
        boolean segmented = shape.scope() == Scope.BETWEEN || shape.scope() == Scope.AFTER_UNTIL;
        return shape.kind() == Kind.EXISTENCE && segmented
                ? new Shape(Kind.RESPONSE, shape.scope(), shape.q(), shape.p(), new Formula.Constant(true), shape.r(), null, false)
                : shape;
    }

    /** A rule's mark at its slot: bits of one word of {@link LtlEvent#marks}. */
    record Mark(int word, long bits) implements Serializable {
        static Mark of(int mark, int slot) {
            return new Mark(slot / LtlEvent.SLOTS_PER_WORD, (long) mark << 2 * (slot % LtlEvent.SLOTS_PER_WORD));
        }

        boolean on(LtlEvent e) {
            return (e.marks(word) & bits) != 0;
        }

        /** The marks of an event with only this one. */
        long[] words() {
            long[] words = new long[word + 1];
            words[word] = bits;
            return words;
        }
    }

    /**
     * The kind a rule is checked as, and its p, after the rewrites of rules that decide at one
     * chunk; {@code someQ}: precedence after some q, which its marks decide.
     */
    private record Checked(Kind kind, Guard p, boolean someQ) {}

    private static Checked checked(Shape shape, Guard p, Guard s, Guard q, Guard r) {
        Kind kind = shape.kind();
        Scope scope = shape.scope();
        if (shape.someQ()) {
            // where no q can be followed by s before p, the first q violates it: absence of q after q
            return Guard.satisfiable(Guard.and(q, new Guard.Or(s, Guard.not(p)))) ? new Checked(kind, p, true) : new Checked(Kind.ABSENCE, q, false);
        }
        Guard mustCome = kind == Kind.UNTIL ? (scope == Scope.AFTER_UNTIL ? r : s) : kind == Kind.AT_END ? p : null;
        if (mustCome != null && !Guard.satisfiable(mustCome)) {
            // what must come never does: as existence of it, violated at the first chunk; after
            // each q, as absence of q, violated at the first q
            return scope == Scope.AFTER_UNTIL ? new Checked(Kind.ABSENCE, q, false) : new Checked(Kind.EXISTENCE, mustCome, false);
        }
        if (kind == Kind.NEXT_RESPONSE && !Guard.satisfiable(Guard.and(s, Guard.not(p)))) {
            // every answer is itself a trigger: a p starts a chain that no finite session ends, so p itself violates
            return new Checked(Kind.ABSENCE, p, false);
        }
        boolean responseNeverComes = (kind == Kind.RESPONSE || kind == Kind.BOUNDED_RESPONSE)
                && !Guard.satisfiable(scope == Scope.GLOBALLY || scope == Scope.AFTER || kind == Kind.BOUNDED_RESPONSE ? s : Guard.and(s, Guard.not(r)));
        if (kind == Kind.BOUNDED_RESPONSE && !shape.bound().timed() && shape.bound().chunks() == 0
                || responseNeverComes && !scope.closeRequired()) {
            // p -> F[<=0] s is p -> s, and a response that no chunk can give fails where it is asked
            // for: either way the violation is a chunk with p & !s in the scope
            return new Checked(Kind.ABSENCE, Guard.and(p, Guard.not(s)), false);
        }
        // before r and between q and r, a response that never comes is decided by whether r comes: as for response
        return new Checked(responseNeverComes ? Kind.RESPONSE : kind, p, false);
    }

    /**
     * Absence and universality between q and r and after q until r, as segments of the scope with
     * a bad chunk; so too precedence there, {@code G((q & !r) -> (!p W (s | r)))} after q until r:
     * absence of p & !s in the segments that q opens and s releases, since a q inside one asks
     * what its first q asked (between q and r, a p before s waits for r, which may come after s);
     * and until after q, {@code G(q -> (p U r))}, universality after q until r that r must close.
     * Null for the others.
     */
    private static SegmentViolation segments(Kind kind, Scope scope, Guard p, Guard s, Guard q, Guard r) {
        boolean segmented = scope == Scope.BETWEEN || scope == Scope.AFTER_UNTIL;
        Guard nothing = new Guard.Constant(false);
        return switch (kind) {
            case ABSENCE, UNIVERSALITY -> segmented ? new SegmentViolation(scope, bad(kind, p), q, r, nothing, false) : null;
            case PRECEDENCE -> segmented ? new SegmentViolation(scope, Guard.and(p, Guard.not(s)), q, r, s, false) : null;
            case UNTIL -> scope == Scope.AFTER_UNTIL ? new SegmentViolation(scope, Guard.not(p), q, r, nothing, true) : null;
            default -> null;
        };
    }

    /** The chunk that absence or universality of p forbids. */
    private static Guard bad(Kind kind, Guard p) {
        return kind == Kind.ABSENCE ? p : Guard.not(p);
    }

    /** The patterns without marks: in scopes globally, before r and after q. */
    private static Pattern<LtlEvent, LtlEvent> pattern(Kind kind, Scope scope, Guard p, Guard s, Guard q,
                                                       IterativeCondition<LtlEvent> close) {
        boolean closeRequired = scope.closeRequired();
        IterativeCondition<LtlEvent> end = On.end();
        IterativeCondition<LtlEvent> segmentEnd = closeRequired ? or(close, end) : close;
        switch (kind) {
            case ABSENCE, UNIVERSALITY -> {
                Stages found = open(scope, q).then("violation", segmentEnd, On.chunk(bad(kind, p)), false);
                return (closeRequired ? found.then("close", end, close, false) : found).pattern;
            }
            case EXISTENCE -> {
                IterativeCondition<LtlEvent> not = closeRequired ? or(On.chunk(p), end) : On.chunk(p);
                return open(scope, q).then("close", not, close, false).pattern;
            }
            case PRECEDENCE -> {
                Stages found = open(scope, q)
                        .then("violation", or(On.chunk(s), segmentEnd), On.chunk(Guard.and(p, Guard.not(s))), false);
                return (closeRequired ? found.then("close", end, close, false) : found).pattern;
            }
            case UNTIL -> {
                // before the first s, a chunk without p violates, and so does the end
                return open(scope, q).then("violation", On.chunk(s), or(On.chunk(Guard.and(Guard.not(p), Guard.not(s))), end), false).pattern;
            }
            case AT_END -> {
                // END carries the last chunk's propositions
                return Stages.begin("end", On.end(Guard.not(p))).pattern;
            }
            default -> throw new AssertionError(kind);
        }
    }

    /**
     * A response begins at its trigger: the trigger's {@link PendingTrigger} marks only triggers in
     * the scope, so the pattern needs no stages of its own to open the scope, and its evidence runs
     * from the trigger to the chunk that decides. Where the scope must close (before r, between q
     * and r), END ends the wait unviolated.
     */
    private static Pattern<LtlEvent, LtlEvent> response(Scope scope, Guard s, IterativeCondition<LtlEvent> close, IterativeCondition<LtlEvent> trigger) {
        IterativeCondition<LtlEvent> answered = scope.closeRequired() ? or(On.chunk(s), On.end()) : On.chunk(s);
        return Stages.begin("trigger", trigger).then("close", answered, close, false).pattern;
    }

    private static Pattern<LtlEvent, LtlEvent> boundedResponse(Scope scope, Guard s, Guard r, Formula.Bound bound,
                                                               IterativeCondition<LtlEvent> trigger, int slot) {
        IterativeCondition<LtlEvent> answered = new Answered(s, bound);
        IterativeCondition<LtlEvent> expired = new Expired(s, bound, Mark.of(PendingTrigger.DEADLINE, slot));
        IterativeCondition<LtlEvent> end = On.end();
        Stages triggered = Stages.begin("trigger", trigger);
        if (!scope.closeRequired()) {
            // CEP times the partial match out before it reads any event past a time bound's deadline,
            // so the answer is any s and the timeout is the expiry: no stage has to look at every chunk.
            // Inclusive: s at exactly the deadline still answers.
            return bound.timed() ? triggered.then("expiry", On.chunk(s), end, false).pattern.within(bound.time().plusMillis(1))
                    : triggered.then("expiry", answered, or(expired, end), false).pattern;
        }
        // the violation needs both r and the bound's end without s, in either order: the trigger
        // waits for r, then for the bound's end, which the chunk at r's position is already past
        // where the bound ran out first (the same position decides)
        return triggered.then("close", or(answered, end), On.boundary(r), false)
                .then("expiry", answered, or(expired, end), false).pattern;
    }

    /** Where a scope opens: its segments between q and r and after q until r are marked ({@link #segments}). */
    private static Stages open(Scope scope, Guard q) {
        return switch (scope) {
            case GLOBALLY, BEFORE -> Stages.begin("open", On.start());
            // the first q opens the scope for good: later ones change nothing
            case AFTER -> Stages.begin("start", On.start()).then("open", On.end(), On.boundary(q), false);
            case BETWEEN, AFTER_UNTIL -> throw new AssertionError("a segmented scope has marks: " + scope);
        };
    }

    /** Whether a stage of the pattern has a time window, which CEP times out by event-time timers. */
    static boolean windowed(Pattern<LtlEvent, ?> pattern) {
        for (Pattern<LtlEvent, ?> stage = pattern; stage != null; stage = stage.getPrevious()) {
            for (WithinType type : WithinType.values()) {
                if (stage.getWindowSize(type).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Guard guard(Formula f, Map<String, Integer> bits) {
        return f == null ? null : Guard.of(f, bits);
    }

    private static IterativeCondition<LtlEvent> or(IterativeCondition<LtlEvent> a, IterativeCondition<LtlEvent> b) {
        return new RichOrCondition<>(a, b);
    }

    /** A pattern being built: each stage is taken at the first event that fits, unless a {@code not} event comes first. */
    private static final class Stages {
        final Pattern<LtlEvent, LtlEvent> pattern;

        private Stages(Pattern<LtlEvent, LtlEvent> pattern) {
            this.pattern = pattern;
        }

        static Stages begin(String name, IterativeCondition<LtlEvent> take) {
            // one verdict per partial match: a match prunes the partial matches that started before its end
            return new Stages(Pattern.<LtlEvent>begin(name, AfterMatchSkipStrategy.skipPastLastEvent()).where(take));
        }

        /** {@code any}: every event that fits starts its own branch (followedByAny), not just the first. */
        Stages then(String name, IterativeCondition<LtlEvent> not, IterativeCondition<LtlEvent> take, boolean any) {
            Pattern<LtlEvent, LtlEvent> guarded = pattern.notFollowedBy(name + "-not").where(not);
            return new Stages(any ? guarded.followedByAny(name).where(take) : guarded.followedBy(name).where(take));
        }
    }

    /** An event of a kind, where the guard (if any) holds. */
    static final class On extends SimpleCondition<LtlEvent> {
        private final byte kind;
        private final Guard guard;

        private On(byte kind, Guard guard) {
            this.kind = kind;
            this.guard = guard;
        }

        static On start() {
            return new On(LtlEvent.START, null);
        }

        static On end() {
            return new On(LtlEvent.END, null);
        }

        /** END where the guard holds of the last chunk's propositions. */
        static On end(Guard lastChunk) {
            return new On(LtlEvent.END, lastChunk);
        }

        static On boundary(Guard guard) {
            return new On(LtlEvent.BOUNDARY, guard);
        }

        static On chunk(Guard guard) {
            return new On(LtlEvent.CHUNK, guard);
        }

        @Override
        public boolean filter(LtlEvent e) {
            return e.kind == kind && (guard == null || guard.test(e.holds));
        }
    }

    /** An event of a kind with a mark of its rule's {@link PastTimeMarks} and, unless it is null, where a guard holds. */
    static final class Marked extends SimpleCondition<LtlEvent> {
        private final byte kind;
        private final Mark mark;
        private final Guard where;

        private Marked(byte kind, Mark mark, Guard where) {
            this.kind = kind;
            this.mark = mark;
            this.where = where;
        }

        static Marked chunk(Mark mark, Guard where) {
            return new Marked(LtlEvent.CHUNK, mark, where);
        }

        /** The BOUNDARY event of a marked chunk, before its CHUNK event: a stage before the one that takes the CHUNK. */
        static Marked boundary(Mark mark) {
            return new Marked(LtlEvent.BOUNDARY, mark, null);
        }

        @Override
        public boolean filter(LtlEvent e) {
            return e.kind == kind && mark.on(e) && (where == null || where.test(e.holds));
        }
    }

    /** A chunk where s holds within the bound of the trigger's chunk. */
    static final class Answered extends IterativeCondition<LtlEvent> {
        private final Guard s;
        private final Formula.Bound bound;

        Answered(Guard s, Formula.Bound bound) {
            this.s = s;
            this.bound = bound;
        }

        @Override
        public boolean filter(LtlEvent e, Context<LtlEvent> ctx) throws Exception {
            if (e.kind != LtlEvent.CHUNK || !s.test(e.holds)) {
                return false;
            }
            LtlEvent trigger = trigger(ctx);
            return bound.timed() ? e.time <= trigger.time + bound.time().toMillis() : e.position <= trigger.position + bound.chunks();
        }
    }

    /**
     * The chunk at which the bound has run out without s: the last one in bound where s does not
     * hold there, any later one, or the first past a time bound. Of the chunks that carry no s,
     * it needs only those marked {@code deadline}.
     */
    static final class Expired extends IterativeCondition<LtlEvent> {
        private final Guard s;
        private final Formula.Bound bound;
        private final Mark deadline;

        Expired(Guard s, Formula.Bound bound, Mark deadline) {
            this.s = s;
            this.bound = bound;
            this.deadline = deadline;
        }

        @Override
        public boolean filter(LtlEvent e, Context<LtlEvent> ctx) throws Exception {
            if (e.kind != LtlEvent.CHUNK) {
                return false;
            }
            LtlEvent trigger = trigger(ctx);
            long last = trigger.position + bound.chunks();
            return bound.timed() ? e.time > trigger.time + bound.time().toMillis()
                    : e.position > last || e.position == last && !s.test(e.holds);
        }
    }

    private static LtlEvent trigger(IterativeCondition.Context<LtlEvent> ctx) throws Exception {
        return ctx.getEventsForPattern("trigger").iterator().next();
    }
}
