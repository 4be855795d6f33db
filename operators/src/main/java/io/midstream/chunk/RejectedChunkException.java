package io.midstream.chunk;

/** A record that is not a usable chunk; its message is the reason that goes with it to the dead-letter topic. */
public final class RejectedChunkException extends Exception {
    private static final long serialVersionUID = 1L;

    public RejectedChunkException(String reason) {
        super(reason, null, false, false);
    }
}
