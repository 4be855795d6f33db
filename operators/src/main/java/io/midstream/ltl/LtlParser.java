package io.midstream.ltl;

import java.time.Duration;

/**
 * Parses LTL formulas: {@code true false ! & | -> <-> X F G U R W F[<=N] F[<=30s] F[<=500ms]}.
 * Binding from loosest: {@code <->}, {@code ->} (right), {@code |}, {@code &}, {@code U R W}
 * (right), then the unary operators. Proposition names are letters, digits and underscores,
 * except the operator letters X F G U R W alone.
 */
public final class LtlParser {
    private static final int MAX_LENGTH = 4096;
    private static final int MAX_DEPTH = 200;

    private final String text;
    private int pos;
    private int depth;

    private LtlParser(String text) {
        this.text = text;
    }

    public static Formula parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new LtlSyntaxException(text, 0, "a formula of at most " + MAX_LENGTH + " characters", text.length() + " characters");
        }
        LtlParser parser = new LtlParser(text);
        Formula f = parser.iff();
        parser.skipSpace();
        if (parser.pos < text.length()) {
            throw parser.error("an operator (& | -> <-> U R W) or the end");
        }
        return f;
    }

    private Formula iff() {
        Formula left = implies();
        while (accept("<->")) {
            left = new Formula.Iff(left, implies());
        }
        return left;
    }

    private Formula implies() {
        Formula left = or();
        return accept("->") ? new Formula.Implies(left, implies()) : left;
    }

    private Formula or() {
        Formula left = and();
        while (peekOr()) {
            left = new Formula.Or(left, and());
        }
        return left;
    }

    private Formula and() {
        Formula left = until();
        while (peekAnd()) {
            left = new Formula.And(left, until());
        }
        return left;
    }

    private Formula until() {
        Formula left = unary();
        skipSpace();
        if (acceptKeyword("U")) {
            return new Formula.Until(left, until());
        }
        if (acceptKeyword("R")) {
            return new Formula.Release(left, until());
        }
        if (acceptKeyword("W")) {
            return new Formula.WeakUntil(left, until());
        }
        return left;
    }

    private Formula unary() {
        if (++depth > MAX_DEPTH) {
            throw error("a formula nested at most " + MAX_DEPTH + " deep");
        }
        try {
            skipSpace();
            if (accept("!")) {
                return new Formula.Not(unary());
            }
            if (acceptKeyword("X")) {
                return new Formula.Next(unary());
            }
            // [] and <>, as Dwyer et al. write G and F, so that their mappings read as they are printed
            if (acceptKeyword("G") || accept("[]")) {
                return new Formula.Always(unary());
            }
            if (accept("<>")) {
                return new Formula.Eventually(unary());
            }
            if (peekKeyword("F")) {
                pos++;
                skipSpace();
                if (accept("[")) {
                    Formula.Bound bound = bound();
                    return new Formula.BoundedEventually(bound, unary());
                }
                return new Formula.Eventually(unary());
            }
            return primary();
        } finally {
            depth--;
        }
    }

    private Formula.Bound bound() {
        expect("<=");
        skipSpace();
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw error("a number of chunks or a duration (30s, 500ms, 2m)");
        }
        long n;
        try {
            n = Long.parseLong(text.substring(start, pos));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("a number below 2^63");
        }
        String unit = word();
        skipSpace();
        Formula.Bound bound = switch (unit) {
            case "" -> Formula.Bound.ofChunks(n);
            case "ms" -> Formula.Bound.ofTime(Duration.ofMillis(n));
            case "s" -> Formula.Bound.ofTime(Duration.ofSeconds(n));
            case "m", "min" -> Formula.Bound.ofTime(Duration.ofMinutes(n));
            case "h" -> Formula.Bound.ofTime(Duration.ofHours(n));
            default -> {
                pos -= unit.length();
                throw error("a unit ms, s, m or h");
            }
        };
        expect("]");
        return bound;
    }

    private Formula primary() {
        skipSpace();
        if (accept("(")) {
            Formula f = iff();
            expect(")");
            return f;
        }
        int start = pos;
        String name = word();
        if (name.isEmpty()) {
            throw error("a proposition, true, false, (, or one of ! X F G");
        }
        return switch (name) {
            case "true" -> new Formula.Constant(true);
            case "false" -> new Formula.Constant(false);
            case "X", "F", "G", "U", "R", "W" -> {
                pos = start;
                throw error("a proposition (" + name + " is an operator)");
            }
            default -> new Formula.Prop(name);
        };
    }

    private String word() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private boolean peekOr() {
        skipSpace();
        if (text.startsWith("||", pos)) {
            pos += 2;
            return true;
        }
        return accept("|");
    }

    private boolean peekAnd() {
        skipSpace();
        if (text.startsWith("&&", pos)) {
            pos += 2;
            return true;
        }
        return accept("&");
    }

    /** An operator letter standing alone: not the start of a longer name. */
    private boolean peekKeyword(String keyword) {
        skipSpace();
        int end = pos + keyword.length();
        return text.startsWith(keyword, pos)
                && (end == text.length() || !(Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'));
    }

    private boolean acceptKeyword(String keyword) {
        if (peekKeyword(keyword)) {
            pos += keyword.length();
            return true;
        }
        return false;
    }

    private boolean accept(String token) {
        skipSpace();
        if (text.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw error("'" + token + "'");
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private LtlSyntaxException error(String expected) {
        skipSpace();
        String found = pos >= text.length() ? "the end" : "'" + text.charAt(pos) + "'";
        return new LtlSyntaxException(text, pos, expected, found);
    }
}
