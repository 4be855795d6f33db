package io.midstream.ltl;

import io.midstream.ltl.SpecificationPattern.Scope;
import org.junit.jupiter.api.Test;

import static io.midstream.ltl.SegmentViolation.CLOSED;
import static io.midstream.ltl.SegmentViolation.OPENED;
import static io.midstream.ltl.SegmentViolation.VIOLATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The marks chunk by chunk; that the verdicts are the formula's is LtlDifferentialTest's. */
class SegmentViolationTest {
    private static final long BAD = 1;
    private static final long Q = 2;
    private static final long R = 4;
    private static final long S = 8;
    private static final Guard NOTHING = new Guard.Constant(false);

    private static SegmentViolation in(Scope scope) {
        return new SegmentViolation(scope, new Guard.Bit(BAD), new Guard.Bit(Q), new Guard.Bit(R), NOTHING, false);
    }

    @Test
    void afterQUntilRTheFirstBadChunkOfEachSegmentDecides() {
        // a bad chunk before q, a q that is bad itself, a second bad one in the same segment, r, a q with r, a later segment
        assertThat(MarksOfSession.of(in(Scope.AFTER_UNTIL), BAD, Q | BAD, BAD, R | BAD, Q | R, 0, Q, Q, BAD, R))
                .containsExactly(0, OPENED | VIOLATED, 0, 0, 0, 0, OPENED, 0, VIOLATED, 0);
    }

    @Test
    void betweenQAndRTheROfASegmentWithABadChunkDecides() {
        // the bad chunk waits for r; a segment that the session ends before its r is not violated
        assertThat(MarksOfSession.of(in(Scope.BETWEEN), Q | BAD, BAD, R, Q, 0, R, Q, BAD))
                .containsExactly(OPENED, 0, VIOLATED, OPENED, 0, 0, OPENED, 0);
    }

    @Test
    void whereRMustComeTheRThatClosesASegmentNotViolatedIsMarked() {
        // CLOSED is VIOLATED's bit on a chunk with r: the second segment's r, after a violation, is not marked
        SegmentViolation strong = new SegmentViolation(Scope.AFTER_UNTIL, new Guard.Bit(BAD), new Guard.Bit(Q), new Guard.Bit(R), NOTHING, true);
        assertThat(MarksOfSession.of(strong, Q, 0, R, Q, BAD, R, Q))
                .containsExactly(OPENED, 0, CLOSED, OPENED, VIOLATED, 0, OPENED);
    }

    @Test
    void otherScopesHaveNoSegments() {
        assertThatThrownBy(() -> in(Scope.AFTER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SegmentViolation(Scope.BETWEEN, new Guard.Bit(BAD), new Guard.Bit(Q), new Guard.Bit(R), NOTHING, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SegmentViolation(Scope.AFTER_UNTIL, new Guard.Bit(BAD), new Guard.Bit(Q), new Guard.Bit(R), new Guard.Bit(S), true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sReleasesASegmentUnlessBetweenQAndRItsViolationWaitsForR() {
        // a q with s opens nothing; s ends a clean segment; after a bad chunk, between q and r, only r decides
        assertThat(MarksOfSession.of(new SegmentViolation(Scope.BETWEEN, new Guard.Bit(BAD), new Guard.Bit(Q), new Guard.Bit(R), new Guard.Bit(S), false),
                Q | S, Q, S, BAD, Q, BAD, S, R))
                .containsExactly(0, OPENED, 0, 0, OPENED, 0, 0, VIOLATED);
        assertThat(MarksOfSession.of(new SegmentViolation(Scope.AFTER_UNTIL, new Guard.Bit(BAD), new Guard.Bit(Q), new Guard.Bit(R), new Guard.Bit(S), false),
                Q, BAD, S, Q, R))
                .containsExactly(OPENED, VIOLATED, 0, OPENED, 0);
    }
}
