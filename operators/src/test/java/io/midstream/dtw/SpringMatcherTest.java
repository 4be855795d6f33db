package io.midstream.dtw;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.midstream.dtw.Reference.array;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SpringMatcherTest {
    private static final double TOLERANCE = 1e-9;

    @Property
    void theDistanceAtEachPositionIsTheBestOverAllStarts(
            @ForAll @Size(min = 1, max = 10) List<@DoubleRange(min = -3, max = 3) Double> q,
            @ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = -3, max = 3) Double> s,
            @ForAll LocalCost cost) {
        double[] query = array(q);
        double[] stream = array(s);
        SpringMatcher spring = new SpringMatcher(query, cost, Double.NaN);
        SpringState state = spring.newState();
        for (int t = 0; t < stream.length; t++) {
            assertThat(spring.update(state, t, stream[t])).isNull();
            double best = Double.POSITIVE_INFINITY;
            for (int start = 0; start <= t; start++) {
                best = Math.min(best, Reference.dtw(Arrays.copyOfRange(stream, start, t + 1), query, Integer.MAX_VALUE, cost));
            }
            double d = state.getD()[query.length];
            assertThat(d).as("distance at %d", t).isCloseTo(best, within(TOLERANCE * (1 + best)));
            long start = state.getS()[query.length];
            assertThat(Reference.dtw(Arrays.copyOfRange(stream, (int) start, t + 1), query, Integer.MAX_VALUE, cost))
                    .as("the subsequence from its start %d", start).isCloseTo(d, within(TOLERANCE * (1 + d)));
        }
    }

    /**
     * After a report SPRING blanks every cell whose best path starts inside the match, so a later
     * match's distance is that of a real path over its range, not always the best one there; the
     * first match, found before any blanking, is exact.
     */
    @Property
    void reportedMatchesAreDisjointAndUnderEpsilon(
            @ForAll @Size(min = 1, max = 8) List<@DoubleRange(min = -2, max = 2) Double> q,
            @ForAll @Size(min = 1, max = 60) List<@DoubleRange(min = -2, max = 2) Double> s,
            @ForAll @DoubleRange(min = 0, max = 4) double epsilon, @ForAll LocalCost cost) {
        double[] query = array(q);
        double[] stream = array(s);
        List<SpringMatcher.Match> matches = run(query, stream, epsilon, cost);
        long lastEnd = -1;
        for (SpringMatcher.Match m : matches) {
            assertThat(m.start()).isGreaterThan(lastEnd).isLessThanOrEqualTo(m.end());
            assertThat(m.distance()).isLessThanOrEqualTo(epsilon);
            double exact = Reference.dtw(Arrays.copyOfRange(stream, (int) m.start(), (int) m.end() + 1), query, Integer.MAX_VALUE, cost);
            if (lastEnd < 0) {
                assertThat(m.distance()).isCloseTo(exact, within(TOLERANCE * (1 + exact)));
            } else {
                assertThat(m.distance()).isGreaterThanOrEqualTo(exact - TOLERANCE * (1 + exact));
            }
            lastEnd = m.end();
        }
    }

    @Test
    void aPatternPlantedInNoiseIsFoundEachTimeAtItsPlace() {
        double[] query = {0, 1, 2, 3, 2, 1, 0};
        java.util.Random random = new java.util.Random(3);
        double[] stream = new double[300];
        for (int i = 0; i < stream.length; i++) {
            stream[i] = 10 + random.nextGaussian() * 0.1;
        }
        int[] at = {20, 120, 200};
        for (int p : at) {
            // stretched to twice its length: the warping absorbs it
            for (int i = 0; i < 2 * query.length; i++) {
                stream[p + i] = query[i / 2] + random.nextGaussian() * 0.05;
            }
        }
        List<SpringMatcher.Match> matches = run(query, stream, 2.0, LocalCost.ABS);
        assertThat(matches).hasSize(3);
        for (int k = 0; k < 3; k++) {
            assertThat(matches.get(k).start()).isBetween((long) at[k] - 1, (long) at[k] + 1);
            assertThat(matches.get(k).end()).isBetween((long) at[k] + 2L * query.length - 2, (long) at[k] + 2L * query.length);
        }
    }

    @Test
    void aMinimumLengthKeepsAPlateauFromCollapsingIntoOneValue() {
        double[] plateau = {0, 0, 1, 1, 1, 1, 1, 1};
        double[] oneSpike = {0, 0, 0, 1, 0, 0, 0, 0, 0};
        // the paper's algorithm: the spike is a perfect match of the pattern
        assertThat(run(plateau, oneSpike, 0.5, LocalCost.ABS)).singleElement()
                .satisfies(m -> assertThat(m.distance()).isZero());
        SpringMatcher longEnough = new SpringMatcher(plateau, LocalCost.ABS, 0.5, 4);
        SpringState state = longEnough.newState();
        for (int t = 0; t < oneSpike.length; t++) {
            assertThat(longEnough.update(state, t, oneSpike[t])).isNull();
        }
        assertThat(longEnough.finish(state)).isNull();
        // a real plateau still matches, spanning at least 4 positions
        double[] loop = {0, 0, 0, 1, 1, 1, 1, 1, 1, 0};
        state = longEnough.newState();
        List<SpringMatcher.Match> found = new ArrayList<>();
        for (int t = 0; t < loop.length; t++) {
            SpringMatcher.Match m = longEnough.update(state, t, loop[t]);
            if (m != null) {
                found.add(m);
            }
        }
        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.end() - m.start() + 1).isGreaterThanOrEqualTo(4);
            assertThat(m.distance()).isZero();
        });
    }

    @Test
    void aMatchStillOpenAtTheEndIsReportedByFinish() {
        double[] query = {1, 2, 3};
        SpringMatcher spring = new SpringMatcher(query, LocalCost.ABS, 0.5);
        SpringState state = spring.newState();
        double[] stream = {9, 9, 1, 2, 3};
        for (int t = 0; t < stream.length; t++) {
            assertThat(spring.update(state, t, stream[t])).isNull();
        }
        assertThat(spring.finish(state)).isEqualTo(new SpringMatcher.Match(2, 4, 0.0));
        assertThat(spring.finish(state)).isNull();
    }

    private static List<SpringMatcher.Match> run(double[] query, double[] stream, double epsilon, LocalCost cost) {
        SpringMatcher spring = new SpringMatcher(query, cost, epsilon);
        SpringState state = spring.newState();
        List<SpringMatcher.Match> matches = new ArrayList<>();
        for (int t = 0; t < stream.length; t++) {
            SpringMatcher.Match m = spring.update(state, t, stream[t]);
            if (m != null) {
                matches.add(m);
            }
        }
        SpringMatcher.Match last = spring.finish(state);
        if (last != null) {
            matches.add(last);
        }
        return matches;
    }
}
