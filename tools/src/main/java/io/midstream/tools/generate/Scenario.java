package io.midstream.tools.generate;

/** The kinds of session the load generator makes: healthy answers and the pathologies the detectors exist for. */
public enum Scenario {
    /** A plain answer, one or two paragraphs, finished with stop. */
    CHAT(50),
    /** An agent that calls a tool, gets its result and answers. */
    TOOL_ROUNDTRIP(15),
    /** An agent that calls a tool and carries on without its result. */
    TOOL_NO_RESULT(8),
    /** An answer that falls into repeating one phrase until the length limit. */
    REPETITION_LOOP(10),
    /** An answer that stalls: near-empty chunks at a fixed slow cadence, then silence until the timeout. */
    STALL(8),
    /** A refusal followed by a leaked secret. */
    LEAK_AFTER_REFUSAL(9),
    /** All of the above, by their weights. */
    MIXED(0);

    final int weight;

    Scenario(int weight) {
        this.weight = weight;
    }
}
