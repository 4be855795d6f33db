package io.midstream.attractor;

/** What a series' dynamics look like. */
public enum AttractorClass {
    /** The series settles at a level: for LLM output, a stall. */
    FIXED_POINT,
    /** One period and its harmonics: for LLM output, a repetition loop. */
    PERIODIC,
    /** Two or more incommensurate periods: a torus. */
    QUASI_PERIODIC,
    /** Deterministic, with sensitive dependence on initial conditions. */
    CHAOTIC,
    /** No better predicted than linear noise with the same spectrum. */
    STOCHASTIC;

    /** The name in rules files and JSON: fixed_point, periodic, ... */
    public String label() {
        return name().toLowerCase();
    }
}
