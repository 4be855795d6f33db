package io.midstream.dtw;

import java.util.Arrays;

/**
 * Length of the longest common subsequence of two token sequences, bit-parallel (Hyyrö, "Bit-parallel
 * LCS-length computation revisited", AWOCA 2004; after Allison and Dix 1986, Crochemore et al. 2001):
 * a row of the textbook table (Wagner and Fischer, 1974) is a bit vector over the shorter sequence,
 * whose zeros mark where the row's value steps up, and each row is a few word operations per 64
 * cells: O(n m / 64) time, O(min(n, m)) memory.
 */
public final class Lcs {
    private Lcs() {}

    public static int length(int[] a, int[] b) {
        int[] longer = a.length >= b.length ? a : b;
        int[] shorter = longer == a ? b : a;
        TokenMasks masks = new TokenMasks(shorter);
        long[] v = new long[TokenMasks.words(shorter.length)];
        Arrays.fill(v, -1L);
        for (int x : longer) {
            long[] match = masks.of(x);
            long carry = 0;
            for (int k = 0; k < v.length; k++) {
                // V' = (V + (V & M)) | (V & ~M), the addition carried from word to word
                long vk = v[k];
                long u = vk & match[k];
                long sum = vk + u + carry;
                carry = ((vk & u) | ((vk | u) & ~sum)) >>> 63;
                v[k] = sum | (vk & ~match[k]);
            }
        }
        // bits past the shorter sequence's length stay ones (no match sets them off), so every zero is a step of the row
        int steps = 0;
        for (long word : v) {
            steps += Long.bitCount(~word);
        }
        return steps;
    }
}
