package io.midstream.dtw;

/** The cost of matching two values in dynamic time warping. */
public enum LocalCost {
    /** |x - y|, the cost of the SPRING paper and of most DTW libraries. */
    ABS {
        @Override
        public double of(double x, double y) {
            return Math.abs(x - y);
        }
    },
    /** (x - y)², the UCR suite's cost (the distance is then not square-rooted). */
    SQUARED {
        @Override
        public double of(double x, double y) {
            double d = x - y;
            return d * d;
        }
    };

    public abstract double of(double x, double y);
}
