package io.midstream.dtw;

/**
 * Length of the longest common subsequence of two token sequences, by the textbook recurrence
 * (Wagner and Fischer, 1974; Hirschberg, 1975) over one row of the shorter sequence: O(n m) time,
 * O(min(n, m)) memory.
 */
public final class Lcs {
    private Lcs() {}

    public static int length(int[] a, int[] b) {
        int[] longer = a.length >= b.length ? a : b;
        int[] shorter = longer == a ? b : a;
        int[] row = new int[shorter.length + 1];
        for (int x : longer) {
            int diag = 0; // row[j - 1] of the previous row
            for (int j = 1; j <= shorter.length; j++) {
                int up = row[j];
                row[j] = x == shorter[j - 1] ? diag + 1 : Math.max(up, row[j - 1]);
                diag = up;
            }
        }
        return row[shorter.length];
    }
}
