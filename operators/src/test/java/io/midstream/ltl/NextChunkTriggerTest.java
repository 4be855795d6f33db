package io.midstream.ltl;

import org.junit.jupiter.api.Test;

import static io.midstream.ltl.NextChunkTrigger.NEXT;
import static io.midstream.ltl.NextChunkTrigger.TRIGGER;
import static org.assertj.core.api.Assertions.assertThat;

/** The marks chunk by chunk; that the verdicts are the formula's is LtlDifferentialTest's. */
class NextChunkTriggerTest {
    private static final long P = 1;

    @Test
    void marksEveryTriggerAndTheChunkRightAfterIt() {
        // the first chunk of a state that starts anew is marked next: it decides a trigger pending across a restore
        assertThat(MarksOfSession.of(new NextChunkTrigger(new Guard.Bit(P)), 0, P, 0, 0, P, P, 0))
                .containsExactly(NEXT, TRIGGER, NEXT, 0, TRIGGER, TRIGGER | NEXT, NEXT);
        assertThat(MarksOfSession.of(new NextChunkTrigger(new Guard.Bit(P)), P, 0)).containsExactly(TRIGGER | NEXT, NEXT);
    }
}
