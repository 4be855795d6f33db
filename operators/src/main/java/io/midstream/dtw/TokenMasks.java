package io.midstream.dtw;

import java.util.Arrays;

/**
 * The match masks of the bit-parallel sequence algorithms (Myers 1999, Hyyrö 2004): for a token,
 * the bits of the positions where a sequence holds it, 64 positions to a word. Built on demand
 * from the positions sorted by token rather than kept for every token, so that memory stays
 * O(m) for a sequence of m tokens however many of them are distinct.
 */
final class TokenMasks {
    private final int[] tokens; // the sequence's tokens, sorted
    private final int[] positions; // where each of them is, in the same order
    private final long[] mask;
    private int from; // the last mask's range in tokens, cleared before the next one is set
    private int to;

    TokenMasks(int[] sequence) {
        long[] keys = new long[sequence.length];
        for (int j = 0; j < sequence.length; j++) {
            keys[j] = ((long) sequence[j] << 32) | j;
        }
        Arrays.sort(keys);
        tokens = new int[keys.length];
        positions = new int[keys.length];
        for (int k = 0; k < keys.length; k++) {
            tokens[k] = (int) (keys[k] >> 32);
            positions[k] = (int) keys[k];
        }
        mask = new long[words(sequence.length)];
    }

    /** Words of a mask of m positions. */
    static int words(int m) {
        return (m + 63) >>> 6;
    }

    /** The mask of the token's positions; valid until the next call, which reuses the array. */
    long[] of(int token) {
        for (int k = from; k < to; k++) {
            mask[positions[k] >>> 6] = 0;
        }
        // the first index whose token is not less than this one, by halving without branches to mispredict
        int lo = 0;
        for (int length = tokens.length; length > 1; ) {
            int half = length >>> 1;
            lo = tokens[lo + half - 1] < token ? lo + half : lo;
            length -= half;
        }
        lo += lo < tokens.length && tokens[lo] < token ? 1 : 0;
        from = lo;
        to = lo;
        while (to < tokens.length && tokens[to] == token) {
            mask[positions[to] >>> 6] |= 1L << positions[to];
            to++;
        }
        return mask;
    }
}
