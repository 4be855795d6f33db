package io.midstream.ltl;

import io.midstream.ltl.SpecificationPattern.Scope;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.midstream.ltl.PendingTrigger.DEADLINE;
import static io.midstream.ltl.PendingTrigger.TRIGGER;
import static org.assertj.core.api.Assertions.assertThat;

/** The marks chunk by chunk; that they leave every first verdict as it was is LtlDifferentialTest's. */
class PendingTriggerTest {
    private static final long P = 1;
    private static final long S = 2;
    private static final long Q = 4;
    private static final long R = 8;

    private static PendingTrigger trigger(Scope scope, Formula.Bound bound) {
        return new PendingTrigger(scope, new Guard.Bit(P), new Guard.Bit(S), new Guard.Bit(Q), new Guard.Bit(R), bound);
    }

    private static int[] marks(PendingTrigger trigger, long... holds) {
        return MarksOfSession.of(trigger, holds);
    }

    @Test
    void aTriggerWhileAnotherWaitsIsNotMarkedAndTheBoundRunsOutAtItsLastChunk() {
        PendingTrigger g = trigger(Scope.GLOBALLY, Formula.Bound.ofChunks(2));
        // triggers at 0 and 1 (dominated), answered at 2; trigger at 3 runs out at 5
        assertThat(marks(g, P, P, S, P, 0, 0, P)).containsExactly(TRIGGER, 0, 0, TRIGGER, 0, DEADLINE, TRIGGER);
    }

    @Test
    void anAnswerAtTheLastChunkOfTheBoundCountsAndATimeBoundRunsOutAtTheFirstChunkPastIt() {
        assertThat(marks(trigger(Scope.GLOBALLY, Formula.Bound.ofChunks(2)), P, 0, S, P)).containsExactly(TRIGGER, 0, 0, TRIGGER);
        // 1,500 ms from the trigger at 0: 1,000 is in bound, 2,000 past it
        assertThat(marks(trigger(Scope.GLOBALLY, Formula.Bound.ofTime(Duration.ofMillis(1500))), P, 0, 0, P))
                .containsExactly(TRIGGER, 0, DEADLINE, TRIGGER);
    }

    @Test
    void betweenQAndRABoundThatRanOutWaitsForRAndNothingLaterInTheScopeIsMarked() {
        PendingTrigger g = trigger(Scope.BETWEEN, Formula.Bound.ofChunks(1));
        // p before q is outside; q opens at 1; trigger at 1 runs out at 2; 3 is dominated; r at 4
        // decides (marked); the trigger at 5 is outside; q at 6 opens the next scope
        assertThat(marks(g, P, Q | P, 0, P, R, P, Q, P)).containsExactly(0, TRIGGER, DEADLINE, 0, DEADLINE, 0, 0, TRIGGER);
    }

    @Test
    void aTriggerThatWaitsAcrossRStillDominatesButItsBoundRunningOutDecidesAtOnce() {
        PendingTrigger g = trigger(Scope.BETWEEN, Formula.Bound.ofChunks(3));
        // trigger at 1, r at 2, q and a trigger at 3 (dominated), the bound runs out at 4: a
        // violation there, so the next trigger of the scope, at 5, is marked
        assertThat(marks(g, Q, P, R, Q | P, 0, P)).containsExactly(0, TRIGGER, 0, 0, DEADLINE, TRIGGER);
    }

    @Test
    void aResponseWaitsForItsAnswerOrItsScopesEndWithoutABound() {
        PendingTrigger g = trigger(Scope.BETWEEN, null);
        // q and a trigger at 0, dominated at 1 and 2; r at 3 decides it (an s there is too late), so
        // the trigger of the next scope at 5 is marked; answered at 6, the one at 7 is marked
        assertThat(marks(g, Q | P, P, P, R | S, Q, P, S, P)).containsExactly(TRIGGER, 0, 0, 0, 0, TRIGGER, 0, TRIGGER);
    }

    @Test
    void scopesOpenAsTheirPatternsDo() {
        // before r: open from the start, closed for good at the first r
        assertThat(marks(trigger(Scope.BEFORE, Formula.Bound.ofChunks(1)), P, S, R, P, Q | P)).containsExactly(TRIGGER, 0, 0, 0, 0);
        // after q: open from the first q on, r changes nothing
        assertThat(marks(trigger(Scope.AFTER, Formula.Bound.ofChunks(1)), P, Q, R | P, S, P)).containsExactly(0, 0, TRIGGER, 0, TRIGGER);
        // after q until r: q & r opens nothing, r closes, the next q opens again
        assertThat(marks(trigger(Scope.AFTER_UNTIL, Formula.Bound.ofChunks(1)), Q | R | P, Q, R, P, Q | P))
                .containsExactly(0, 0, 0, 0, TRIGGER);
    }
}
