package io.midstream.flink;

import io.midstream.ltl.Formula;
import io.midstream.ltl.Guard;
import io.midstream.ltl.NextChunkTrigger;
import io.midstream.ltl.PastTimeMarks;
import io.midstream.ltl.PendingTrigger;
import io.midstream.ltl.PrecedenceAfterSomeQ;
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
import java.time.Duration;
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
 */
public final class LtlPatterns {
    /** The stage that waits for a segment's first q: not evidence of a violation. */
    static final String RESET = "reset";

    private LtlPatterns() {}

    /**
     * Which BOUNDARY and CHUNK events (by their propositions, or for CHUNK also by their marks)
     * some stage or negation of a pattern can take: the others
     * are ignored by the pattern (all stages skip what they do not take), so they are not sent
     * to CEP at all. Most chunks open no scope and trigger nothing.
     */
    public record Needed(Guard boundary, Guard chunk, long[] chunkMarks) implements Serializable {
        public static final Needed NOTHING = new Needed(new Guard.Constant(false), new Guard.Constant(false), LtlEvent.NO_MARKS);

        public boolean wants(byte kind, long holds, long[] marks) {
            return kind == LtlEvent.BOUNDARY ? boundary.test(holds) : kind != LtlEvent.CHUNK || anyMarked(marks) || chunk.test(holds);
        }

        private boolean anyMarked(long[] marks) {
            for (int w = Math.min(marks.length, chunkMarks.length) - 1; w >= 0; w--) {
                if ((marks[w] & chunkMarks[w]) != 0) {
                    return true;
                }
            }
            return false;
        }

        public Needed or(Needed other) {
            long[] marks = Arrays.copyOf(chunkMarks, Math.max(chunkMarks.length, other.chunkMarks.length));
            for (int w = 0; w < other.chunkMarks.length; w++) {
                marks[w] |= other.chunkMarks[w];
            }
            return new Needed(new Guard.Or(boundary, other.boundary), new Guard.Or(chunk, other.chunk), marks);
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
            Guard always = new Guard.Constant(true);
            Guard never = new Guard.Constant(false);
            if (condition instanceof RichCompositeIterativeCondition<?> composite) {
                Needed needed = NOTHING;
                for (IterativeCondition<?> nested : composite.getNestedConditions()) {
                    needed = needed.or(of(nested));
                }
                return needed;
            }
            if (condition instanceof On on) {
                Guard guard = on.guard == null ? always : on.guard;
                return on.kind == LtlEvent.BOUNDARY ? new Needed(guard, never, LtlEvent.NO_MARKS) : on.kind == LtlEvent.CHUNK ? new Needed(never, guard, LtlEvent.NO_MARKS) : NOTHING;
            }
            if (condition instanceof Marked marked) {
                return new Needed(never, never, marked.mark.words());
            }
            if (condition instanceof Answered answered) {
                return new Needed(never, answered.s, LtlEvent.NO_MARKS);
            }
            return new Needed(never, never, ((Expired) condition).deadline.words());
        }
    }

    /** A rule compiled: its pattern and, for a rule that reads marks, what marks its chunks (else null). */
    public record Compiled(Pattern<LtlEvent, LtlEvent> pattern, PastTimeMarks marks) {}

    /** The pattern of a shape of a rule; one that reads marks uses those of {@code slot}, its place among such patterns. */
    public static Compiled compile(Shape shape, Map<String, Integer> bits, int slot) {
        Guard p = guard(shape.p(), bits);
        Guard s = guard(shape.s(), bits);
        Guard q = guard(shape.q(), bits);
        Guard r = guard(shape.r(), bits);
        Checked checked = checked(shape, p, s, q, r);
        if (checked.someQ()) {
            // only the session's end decides: a violation pending since its mark, unless released
            return new Compiled(Stages.begin("violating", new Marked(Mark.of(PrecedenceAfterSomeQ.VIOLATING, slot), null))
                    .then("end", new Marked(Mark.of(PrecedenceAfterSomeQ.RELEASED, slot), null), On.end(), false).pattern,
                    new PrecedenceAfterSomeQ(p, s, q));
        }
        Scope scope = shape.scope();
        boolean closeRequired = scope.closeRequired();
        IterativeCondition<LtlEvent> end = On.end();
        IterativeCondition<LtlEvent> close = switch (scope) {
            case GLOBALLY, AFTER -> end;
            case BEFORE, BETWEEN -> On.boundary(r);
            case AFTER_UNTIL -> or(On.boundary(r), end);
        };
        IterativeCondition<LtlEvent> segmentEnd = closeRequired ? or(close, end) : close;
        Kind kind = checked.kind();
        p = checked.p();
        if (kind == Kind.EXISTENCE && !closeRequired
                && !Guard.satisfiable(scope == Scope.AFTER_UNTIL ? Guard.and(p, Guard.not(r)) : p)) {
            // nothing can exist: the violation is the scope's opening (a chunk, after START)
            Stages opened = scope == Scope.GLOBALLY ? open(kind, scope, q, r).then("violation", end, On.chunk(new Guard.Constant(true)), false)
                    : open(kind, scope, q, r);
            return new Compiled(opened.pattern, null);
        }
        if (kind == Kind.NEXT_RESPONSE) {
            // the chunk after a trigger is the first marked next after it: s there answers, anything else, or END, violates
            Mark next = Mark.of(NextChunkTrigger.NEXT, slot);
            return new Compiled(Stages.begin("trigger", new Marked(Mark.of(NextChunkTrigger.TRIGGER, slot), null))
                    .then("violation", new Marked(next, s), or(new Marked(next, Guard.not(s)), end), false).pattern, new NextChunkTrigger(p));
        }
        if (!kind.waitsForAnswer()) {
            return new Compiled(pattern(kind, scope, p, s, q, r, close, segmentEnd), null);
        }
        // p & !s in the scope, where no earlier trigger dominates it
        IterativeCondition<LtlEvent> trigger = new Marked(Mark.of(PendingTrigger.TRIGGER, slot), null);
        return kind == Kind.RESPONSE
                ? new Compiled(response(scope, s, q, r, close, segmentEnd, trigger), new PendingTrigger(scope, p, s, q, r, null))
                : new Compiled(boundedResponse(scope, s, q, r, shape.bound(), segmentEnd, trigger, slot), new PendingTrigger(scope, p, s, q, r, shape.bound()));
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
        Guard mustCome = kind == Kind.UNTIL ? s : kind == Kind.AT_END ? p : null;
        if (mustCome != null && !Guard.satisfiable(mustCome)) {
            // what must come never does: as existence of it, violated at the first chunk
            return new Checked(Kind.EXISTENCE, mustCome, false);
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

    private static Pattern<LtlEvent, LtlEvent> pattern(Kind kind, Scope scope, Guard p, Guard s, Guard q, Guard r,
                                                       IterativeCondition<LtlEvent> close, IterativeCondition<LtlEvent> segmentEnd) {
        boolean closeRequired = scope.closeRequired();
        IterativeCondition<LtlEvent> end = On.end();
        switch (kind) {
            case ABSENCE, UNIVERSALITY -> {
                Guard bad = kind == Kind.ABSENCE ? p : Guard.not(p);
                Stages found = open(kind, scope, q, r).then("violation", segmentEnd, On.chunk(bad), false);
                return (closeRequired ? found.then("close", end, close, false) : found).pattern;
            }
            case EXISTENCE -> {
                IterativeCondition<LtlEvent> not = closeRequired ? or(On.chunk(p), end) : On.chunk(p);
                return open(kind, scope, q, r).then("close", not, close, false).pattern;
            }
            case PRECEDENCE -> {
                Stages found = open(kind, scope, q, r)
                        .then("violation", or(On.chunk(s), segmentEnd), On.chunk(Guard.and(p, Guard.not(s))), false);
                return (closeRequired ? found.then("close", end, close, false) : found).pattern;
            }
            case UNTIL -> {
                // before the first s, a chunk without p violates, and so does the end
                return open(kind, scope, q, r).then("violation", On.chunk(s), or(On.chunk(Guard.and(Guard.not(p), Guard.not(s))), end), false).pattern;
            }
            case AT_END -> {
                // END carries the last chunk's propositions
                return Stages.begin("end", On.end(Guard.not(p))).pattern;
            }
            default -> throw new AssertionError(kind);
        }
    }

    private static Pattern<LtlEvent, LtlEvent> response(Scope scope, Guard s, Guard q, Guard r, IterativeCondition<LtlEvent> close,
                                                        IterativeCondition<LtlEvent> segmentEnd, IterativeCondition<LtlEvent> trigger) {
        IterativeCondition<LtlEvent> answered = scope.closeRequired() ? or(On.chunk(s), On.end()) : On.chunk(s);
        if (scope == Scope.GLOBALLY) {
            return Stages.begin("trigger", trigger).then("close", answered, close, false).pattern;
        }
        return open(Kind.RESPONSE, scope, q, r).then("trigger", segmentEnd, trigger, true).then("close", answered, close, false).pattern;
    }

    private static Pattern<LtlEvent, LtlEvent> boundedResponse(Scope scope, Guard s, Guard q, Guard r, Formula.Bound bound,
                                                               IterativeCondition<LtlEvent> segmentEnd, IterativeCondition<LtlEvent> trigger, int slot) {
        IterativeCondition<LtlEvent> answered = new Answered(s, bound);
        IterativeCondition<LtlEvent> expired = new Expired(s, bound, Mark.of(PendingTrigger.DEADLINE, slot));
        IterativeCondition<LtlEvent> end = On.end();
        if (bound.timed() && !scope.closeRequired()) {
            // CEP times the partial match out before it reads any event past the deadline, so the
            // answer is any s and the timeout is the expiry: no stage has to look at every chunk.
            // Inclusive: s at exactly the deadline still answers.
            Duration window = bound.time().plusMillis(1);
            if (scope == Scope.GLOBALLY) {
                return Stages.begin("trigger", trigger).then("expiry", On.chunk(s), end, false).pattern.within(window);
            }
            return open(Kind.BOUNDED_RESPONSE, scope, q, r).then("trigger", segmentEnd, trigger, true).then("expiry", On.chunk(s), end, false)
                    .pattern.within(window, WithinType.PREVIOUS_AND_CURRENT);
        }
        switch (scope) {
            case GLOBALLY -> {
                return Stages.begin("trigger", trigger).then("expiry", answered, or(expired, end), false).pattern;
            }
            case AFTER, AFTER_UNTIL -> {
                return open(Kind.BOUNDED_RESPONSE, scope, q, r).then("trigger", segmentEnd, trigger, true).then("expiry", answered, or(expired, end), false).pattern;
            }
            default -> {
                // the violation needs both r and the bound's end without s, in either order: the
                // trigger waits for r, then for the bound's end, which the chunk at r's position is
                // already past where the bound ran out first (the same position decides)
                return open(Kind.BOUNDED_RESPONSE, scope, q, r).then("trigger", segmentEnd, trigger, true)
                        .then("close", or(answered, end), On.boundary(r), false)
                        .then("expiry", answered, or(expired, end), false).pattern;
            }
        }
    }

    /**
     * Where a scope opens. Between q and r, existence and precedence ask something of each q: a p
     * after the first q does not answer for a later one. What absence,
     * universality and response ask of a later q, the first q of its segment asks already, so one
     * partial match per segment does, instead of one per q: it starts at the session's start or at
     * an r's CHUNK event (after the BOUNDARY event that closed the last segment, whose match would
     * prune it) and takes the first q.
     */
    private static Stages open(Kind kind, Scope scope, Guard q, Guard r) {
        boolean everyQ = kind == Kind.EXISTENCE || kind == Kind.PRECEDENCE;
        Guard opens = Guard.and(q, Guard.not(r));
        return switch (scope) {
            case GLOBALLY, BEFORE -> Stages.begin("open", On.start());
            // the first q opens the scope for good: later ones change nothing
            case AFTER -> Stages.begin("start", On.start()).then("open", On.end(), On.boundary(q), false);
            case BETWEEN, AFTER_UNTIL -> everyQ ? Stages.begin("open", On.boundary(opens))
                    : Stages.begin(RESET, or(On.start(), On.chunk(r))).then("open", or(On.chunk(r), On.end()), On.boundary(opens), false);
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

    /** A chunk with a mark of its rule's {@link PastTimeMarks} and, unless it is null, where a guard holds. */
    static final class Marked extends SimpleCondition<LtlEvent> {
        private final Mark mark;
        private final Guard where;

        Marked(Mark mark, Guard where) {
            this.mark = mark;
            this.where = where;
        }

        @Override
        public boolean filter(LtlEvent e) {
            return e.kind == LtlEvent.CHUNK && mark.on(e) && (where == null || where.test(e.holds));
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
