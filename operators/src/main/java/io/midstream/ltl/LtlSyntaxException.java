package io.midstream.ltl;

/** A formula or proposition that does not parse: where, and what was expected there. */
public final class LtlSyntaxException extends IllegalArgumentException {
    private final int position;

    public LtlSyntaxException(String text, int position, String expected, String found) {
        super("at position " + position + ": expected " + expected + " but found " + found + "\n  " + text + "\n  " + " ".repeat(position) + "^");
        this.position = position;
    }

    /** 0-based character offset in the text. */
    public int position() {
        return position;
    }
}
