package io.midstream.ltl;

/** Runs a rule's {@link PastTimeMarks} over one session, as the propositions' operator does. */
final class MarksOfSession {
    private MarksOfSession() {}

    /** The marks of each chunk of a session where {@code holds}, at times 1000 apart. */
    static int[] of(PastTimeMarks rule, long... holds) {
        long[] state = new long[PastTimeMarks.STATE_LONGS];
        int[] marks = new int[holds.length];
        for (int i = 0; i < holds.length; i++) {
            marks[i] = rule.step(state, 0, holds[i], i, 1000L * i);
        }
        return marks;
    }
}
