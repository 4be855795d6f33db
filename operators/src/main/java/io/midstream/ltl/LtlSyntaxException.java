package io.midstream.ltl;

/** A formula or proposition that does not parse: where, and what was expected there. */
public final class LtlSyntaxException extends IllegalArgumentException {
    private final int position;

    /** Characters of the text shown on either side of the position: a rule may be 4,096 long. */
    static final int CONTEXT = 40;

    public LtlSyntaxException(String text, int position, String expected, String found) {
        super("at position " + position + ": expected " + expected + " but found " + found + excerpt(text, position));
        this.position = position;
    }

    /** The text around the position, cut with "..." where it goes on, and a caret under the position. */
    private static String excerpt(String text, int position) {
        int from = Math.max(0, position - CONTEXT);
        int to = Math.min(text.length(), position + CONTEXT);
        String before = from > 0 ? "..." : "";
        return "\n  " + before + text.substring(from, to) + (to < text.length() ? "..." : "")
                + "\n  " + " ".repeat(before.length() + position - from) + "^";
    }

    /** 0-based character offset in the text. */
    public int position() {
        return position;
    }
}
