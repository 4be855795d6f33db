package io.midstream.dtw;

import java.util.Arrays;

/**
 * Levenshtein distance of two token sequences: the fewest insertions, deletions and
 * substitutions that turn one into the other (Wagner and Fischer, 1974), bit-parallel (Myers,
 * "A fast bit-vector algorithm for approximate string matching based on dynamic programming",
 * JACM 1999, with the first row of the global distance as in Hyyrö 2001): a column of the table
 * over the shorter sequence is two bit vectors of its vertical steps (+1, -1), and each column is
 * a few word operations per 64 cells: O(n m / 64) time, O(min(n, m)) memory.
 */
public final class EditDistance {
    private EditDistance() {}

    public static int of(int[] a, int[] b) {
        int[] longer = a.length >= b.length ? a : b;
        int[] shorter = longer == a ? b : a;
        int m = shorter.length;
        if (m == 0) {
            return longer.length;
        }
        TokenMasks masks = new TokenMasks(shorter);
        int words = TokenMasks.words(m);
        long[] plus = new long[words]; // vertical steps of +1 (column 0 is 0, 1, ..., m)
        long[] minus = new long[words]; // vertical steps of -1
        Arrays.fill(plus, -1L);
        int last = (m - 1) & 63; // the bit of row m in the last word
        int distance = m;
        for (int x : longer) {
            long[] eq = masks.of(x);
            long carry = 0;
            long plusIn = 1; // row 0 of the global distance steps +1 from column to column
            long minusIn = 0;
            for (int k = 0; k < words; k++) {
                long pv = plus[k];
                long mv = minus[k];
                long e = eq[k];
                long xv = e | mv;
                long u = e & pv;
                long sum = u + pv + carry; // the addition carried from word to word
                carry = ((u & pv) | ((u | pv) & ~sum)) >>> 63;
                long xh = (sum ^ pv) | e;
                long ph = mv | ~(xh | pv); // horizontal steps of +1 and -1
                long mh = pv & xh;
                if (k == words - 1) {
                    distance += (int) ((ph >>> last) & 1) - (int) ((mh >>> last) & 1);
                }
                long phOut = ph >>> 63;
                long mhOut = mh >>> 63;
                ph = (ph << 1) | plusIn;
                mh = (mh << 1) | minusIn;
                plusIn = phOut;
                minusIn = mhOut;
                plus[k] = mh | ~(xv | ph);
                minus[k] = ph & xv;
            }
        }
        return distance;
    }
}
