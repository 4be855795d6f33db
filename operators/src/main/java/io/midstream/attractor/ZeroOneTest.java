package io.midstream.attractor;

import java.util.Arrays;
import java.util.Random;

/**
 * The 0-1 test for chaos (Gottwald and Melbourne, "On the implementation of the 0-1 test for
 * chaos", SIAM J. Appl. Dyn. Syst. 8, 2009), correlation method: translation variables p, q driven
 * by the series at frequency c, the mean square displacement with its oscillating term removed,
 * and K, its correlation with time, the median over random c in (pi/5, 4pi/5). K is near 1 for
 * chaotic dynamics and near 0 for regular ones. Oversampled flows must be subsampled first.
 * Under 100 values the displacement has too few lags to correlate, and K is NaN.
 */
public final class ZeroOneTest {
    private ZeroOneTest() {}

    public static double k(double[] phi, int frequencies, long seed) {
        int n = phi.length;
        int ncut = n / 10;
        if (ncut < 10) {
            return Double.NaN;
        }
        double mean = Stats.mean(phi);
        Random random = new Random(seed);
        double[] ks = new double[frequencies];
        double[] p = new double[n + 1];
        double[] q = new double[n + 1];
        double[] xi = new double[ncut];
        double[] d = new double[ncut];
        for (int f = 0; f < frequencies; f++) {
            double c = Math.PI / 5 + random.nextDouble() * 3 * Math.PI / 5;
            for (int j = 1; j <= n; j++) {
                p[j] = p[j - 1] + phi[j - 1] * Math.cos(j * c);
                q[j] = q[j - 1] + phi[j - 1] * Math.sin(j * c);
            }
            for (int s = 1; s <= ncut; s++) {
                double msd = 0;
                int count = n - ncut;
                for (int j = 1; j <= count; j++) {
                    double dp = p[j + s] - p[j];
                    double dq = q[j + s] - q[j];
                    msd += dp * dp + dq * dq;
                }
                msd /= count;
                xi[s - 1] = s;
                d[s - 1] = msd - mean * mean * (1 - Math.cos(s * c)) / (1 - Math.cos(c));
            }
            ks[f] = correlation(xi, d);
        }
        Arrays.sort(ks);
        return ks[frequencies / 2];
    }

    private static double correlation(double[] a, double[] b) {
        double ma = Stats.mean(a);
        double mb = Stats.mean(b);
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < a.length; i++) {
            cov += (a[i] - ma) * (b[i] - mb);
            va += (a[i] - ma) * (a[i] - ma);
            vb += (b[i] - mb) * (b[i] - mb);
        }
        return va == 0 || vb == 0 ? 0 : cov / Math.sqrt(va * vb);
    }
}
