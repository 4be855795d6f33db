package io.midstream.flink;

import io.midstream.dtw.SpringState;

import java.util.Arrays;

/**
 * One session's SPRING states, one per reference pattern it was compared with: kept as one value
 * so that a chunk costs one state access, however many patterns the tenant has. Patterns per
 * tenant are few, so a linear lookup beats a map. A Flink POJO, kept in keyed state.
 */
public class SpringStates {
    private String[] patternIds = new String[0];
    private SpringState[] states = new SpringState[0];

    public SpringState get(String patternId) {
        for (int i = 0; i < patternIds.length; i++) {
            if (patternIds[i].equals(patternId)) {
                return states[i];
            }
        }
        return null;
    }

    public void put(String patternId, SpringState state) {
        for (int i = 0; i < patternIds.length; i++) {
            if (patternIds[i].equals(patternId)) {
                states[i] = state;
                return;
            }
        }
        patternIds = Arrays.copyOf(patternIds, patternIds.length + 1);
        states = Arrays.copyOf(states, states.length + 1);
        patternIds[patternIds.length - 1] = patternId;
        states[states.length - 1] = state;
    }

    public String[] getPatternIds() { return patternIds; }
    public void setPatternIds(String[] patternIds) { this.patternIds = patternIds; }
    public SpringState[] getStates() { return states; }
    public void setStates(SpringState[] states) { this.states = states; }
}
