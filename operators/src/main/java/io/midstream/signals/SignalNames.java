package io.midstream.signals;

/** The signals computed for every chunk; any key of a chunk's upstream {@code signals} map is one too. */
public final class SignalNames {
    private SignalNames() {}

    /** Mean negative log probability of the chunk's tokens; absent where the provider sends none. */
    public static final String SURPRISE = "surprise";
    /** Event-time gap to the previous chunk; absent for a session's first chunk. */
    public static final String LATENCY_MS = "latency_ms";
    public static final String TOKENS = "tokens";
    /** Share of the chunk's word n-grams already seen in the session's recent text. */
    public static final String REPETITION = "repetition";
    public static final String CHAR_ENTROPY = "char_entropy";
}
