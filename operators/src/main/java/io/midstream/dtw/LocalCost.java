package io.midstream.dtw;

/**
 * The cost of matching two values in dynamic time warping. One class whose constants differ by a
 * field, not by method bodies: a JVM that has used both costs would otherwise check the
 * constant's class at every cell (measured 17% slower for a DTW pair, n = 1000, docs/performance.md).
 */
public enum LocalCost {
    /** |x - y|, the cost of the SPRING paper and of most DTW libraries. */
    ABS(false),
    /** (x - y)², the UCR suite's cost (the distance is then not square-rooted). */
    SQUARED(true);

    private final boolean squared;

    LocalCost(boolean squared) {
        this.squared = squared;
    }

    public double of(double x, double y) {
        double d = x - y;
        return squared ? d * d : Math.abs(d);
    }
}
