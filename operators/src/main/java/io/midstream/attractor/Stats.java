package io.midstream.attractor;

/** The few statistics the estimators share. */
final class Stats {
    private Stats() {}

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return x.length == 0 ? 0 : s / x.length;
    }

    static double sd(double[] x) {
        double mean = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return x.length < 2 ? 0 : Math.sqrt(s / (x.length - 1));
    }

    /** Least-squares slope of y over x, from index from to to (exclusive). */
    static double slope(double[] xs, double[] ys, int from, int to) {
        org.apache.commons.math3.stat.regression.SimpleRegression r = new org.apache.commons.math3.stat.regression.SimpleRegression();
        for (int i = from; i < to; i++) {
            if (Double.isFinite(ys[i])) {
                r.addData(xs[i], ys[i]);
            }
        }
        return r.getSlope();
    }
}
