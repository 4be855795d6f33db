package io.midstream.dtw;

/**
 * Levenshtein distance of two token sequences: the fewest insertions, deletions and
 * substitutions that turn one into the other (Wagner and Fischer, 1974), over one row of the
 * shorter sequence: O(n m) time, O(min(n, m)) memory.
 */
public final class EditDistance {
    private EditDistance() {}

    public static int of(int[] a, int[] b) {
        int[] longer = a.length >= b.length ? a : b;
        int[] shorter = longer == a ? b : a;
        int[] row = new int[shorter.length + 1];
        for (int j = 0; j <= shorter.length; j++) {
            row[j] = j;
        }
        for (int i = 1; i <= longer.length; i++) {
            int x = longer[i - 1];
            int diag = row[0];
            row[0] = i;
            for (int j = 1; j <= shorter.length; j++) {
                int up = row[j];
                int substitute = diag + (x == shorter[j - 1] ? 0 : 1);
                row[j] = Math.min(substitute, Math.min(up, row[j - 1]) + 1);
                diag = up;
            }
        }
        return row[shorter.length];
    }
}
