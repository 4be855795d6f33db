package io.midstream.ltl;

import org.junit.jupiter.api.Test;

import static io.midstream.ltl.PrecedenceAfterSomeQ.RELEASED;
import static io.midstream.ltl.PrecedenceAfterSomeQ.VIOLATING;
import static org.assertj.core.api.Assertions.assertThat;

/** The marks chunk by chunk; that the verdicts are the formula's is LtlDifferentialTest's. */
class PrecedenceAfterSomeQTest {
    private static final long P = 1;
    private static final long S = 2;
    private static final long Q = 4;

    private static int[] marks(long... holds) {
        return MarksOfSession.of(new PrecedenceAfterSomeQ(new Guard.Bit(P), new Guard.Bit(S), new Guard.Bit(Q)), holds);
    }

    @Test
    void everyQMeetingPFirstViolatesUntilAQWaitsAgain() {
        // p before any q is outside; q waits at 1 and meets p at 2; p again changes nothing; a q
        // at 4 waits again (released) and meets p at 5; q & p at 6 is met at once: still violating
        assertThat(marks(P, Q, P, P, Q, P, Q | P)).containsExactly(0, RELEASED, VIOLATING, 0, RELEASED, VIOLATING, 0);
    }

    @Test
    void aQThatMeetsSFirstSatisfiesTheRuleForGood() {
        // q at 0 meets p & s at 1: s counts (p W s holds where s does); nothing after it matters
        assertThat(marks(Q, P | S, Q | P, P)).containsExactly(RELEASED, RELEASED, 0, 0);
        // after a violating q, one that meets s releases it for good
        assertThat(marks(Q | P, Q, S, Q | P)).containsExactly(VIOLATING, RELEASED, RELEASED, 0);
        // q & s on one chunk
        assertThat(marks(Q | S, Q | P)).containsExactly(RELEASED, 0);
    }
}
