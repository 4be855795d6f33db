package io.midstream.ltl;

import java.io.Serializable;

/**
 * A rule's past-time state, kept chunk by chunk before CEP as Havelund and Roşu (TACAS 2002)
 * monitor past-time LTL: two marks a chunk, which the rule's CEP pattern takes instead of
 * following every chunk that could matter. The state of one session is {@link #STATE_LONGS}
 * longs in a caller's array.
 */
public interface PastTimeMarks extends Serializable {
    int STATE_LONGS = 2;

    /** The marks (two bits) of the chunk at {@code position} and {@code time} where {@code holds}; updates the state from {@code offset}. */
    int step(long[] state, int offset, long holds, int position, long time);

    /** The same for the same rule in every JVM, so that a state restored with other rules can be told apart. */
    int fingerprint();
}
