package io.midstream.ltl;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.io.Serializable;
import java.util.Set;

/**
 * A named condition on one chunk, written in the rules file as an expression over the chunk's
 * fields: {@code role == "tool"}, {@code tool_call != null}, {@code signals.surprise > 4},
 * {@code text matches "(?i)I can(no|')t help"}, joined with {@code && || !} and parentheses.
 * Rule files are untrusted: there are no calls or loops, expressions and regular expressions are
 * bounded in length, and regular expressions are RE2/J's, which run in time linear in the text.
 * {@code text matches} and {@code text contains} look at the session's recent text and hold at the
 * chunk where a match ends, so a phrase split over two chunks is found once, where it completes.
 * A comparison with a missing value (no such signal, no tool call) is false.
 */
@FunctionalInterface
public interface Proposition extends Serializable {
    int MAX_LENGTH = 2000;
    int MAX_REGEX_LENGTH = 500;

    boolean test(ChunkView view);

    static Proposition parse(String expression) {
        if (expression.length() > MAX_LENGTH) {
            throw new LtlSyntaxException(expression, 0, "an expression of at most " + MAX_LENGTH + " characters", expression.length() + " characters");
        }
        return new Parser(expression).parse();
    }

    /** The fields a proposition can name, and their types. */
    enum Type { STRING, NUMBER, OBJECT }

    /** One field's value in a chunk: a String, a Double, an object, or null where it is missing. */
    interface Field extends Serializable {
        Object get(ChunkView view);
    }

    final class Parser {
        private static final Set<String> STRING_FIELDS = Set.of("role", "model", "finish_reason", "tool_call.id", "tool_call.name", "tool_call.arguments");
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Proposition parse() {
            Proposition p = or();
            skip();
            if (pos < text.length()) {
                throw error("&&, || or the end");
            }
            return p;
        }

        private Proposition or() {
            Proposition left = and();
            while (acceptOp("||") || acceptWord("or")) {
                Proposition a = left;
                Proposition b = and();
                left = v -> a.test(v) || b.test(v);
            }
            return left;
        }

        private Proposition and() {
            Proposition left = not();
            while (acceptOp("&&") || acceptWord("and")) {
                Proposition a = left;
                Proposition b = not();
                left = v -> a.test(v) && b.test(v);
            }
            return left;
        }

        private Proposition not() {
            if (acceptOp("!") || acceptWord("not")) {
                Proposition p = not();
                return v -> !p.test(v);
            }
            return comparison();
        }

        private Proposition comparison() {
            skip();
            if (acceptOp("(")) {
                Proposition p = or();
                if (!acceptOp(")")) {
                    throw error("')'");
                }
                return p;
            }
            if (acceptWord("true")) {
                return v -> true;
            }
            if (acceptWord("false")) {
                return v -> false;
            }
            int fieldAt = pos;
            String field = path();
            if (field.isEmpty()) {
                throw error("a field (role, text, model, finish_reason, token_count, seq, tool_call, tool_call.name, signals.NAME), true, false, ! or (");
            }
            skip();
            int opAt = pos;
            String op = operator();
            if (op == null) {
                throw error("a comparison (== != < <= > >= matches contains)");
            }
            skip();
            int literalAt = pos;
            Object literal = literal();
            return compare(field, fieldAt, op, opAt, literal, literalAt);
        }

        private Proposition compare(String field, int fieldAt, String op, int opAt, Object literal, int literalAt) {
            if (field.equals("text") && (op.equals("matches") || op.equals("contains"))) {
                String s = string(literal, literalAt);
                return op.equals("contains") ? containsInRecentText(s)
                        : matchesInRecentText(regex(s, literalAt, false), regex(s, literalAt, true), RegexPrefilter.of(s));
            }
            if (literal == null) {
                if (!op.equals("==") && !op.equals("!=")) {
                    throw errorAt(opAt, "== or != before null");
                }
                Field value = accessor(field, fieldAt, true);
                return op.equals("==") ? v -> value.get(v) == null : v -> value.get(v) != null;
            }
            Type type = type(field, fieldAt);
            if (op.equals("matches") || op.equals("contains")) {
                if (type != Type.STRING) {
                    throw errorAt(opAt, "a comparison of numbers: " + field + " is a number");
                }
                Field value = accessor(field, fieldAt, false);
                String s = string(literal, literalAt);
                if (op.equals("contains")) {
                    return v -> value.get(v) instanceof String x && x.contains(s);
                }
                Pattern re = regex(s, literalAt, false);
                RegexPrefilter prefilter = RegexPrefilter.of(s);
                return v -> value.get(v) instanceof String x && prefilter.mayMatch(x) && re.matcher(x).find();
            }
            Field value = accessor(field, fieldAt, false);
            if (type == Type.STRING || field.equals("text")) {
                String s = string(literal, literalAt);
                return switch (op) {
                    case "==" -> v -> s.equals(value.get(v));
                    case "!=" -> v -> value.get(v) instanceof String x && !s.equals(x);
                    default -> throw errorAt(opAt, "== != matches or contains for text");
                };
            }
            if (type == Type.OBJECT) {
                throw errorAt(literalAt, "null: " + field + " can only be compared with null");
            }
            if (!(literal instanceof Double d)) {
                throw errorAt(literalAt, "a number: " + field + " is a number");
            }
            double x = d;
            return switch (op) {
                case "==" -> v -> value.get(v) instanceof Double y && y == x;
                case "!=" -> v -> value.get(v) instanceof Double y && y != x;
                case "<" -> v -> value.get(v) instanceof Double y && y < x;
                case "<=" -> v -> value.get(v) instanceof Double y && y <= x;
                case ">" -> v -> value.get(v) instanceof Double y && y > x;
                case ">=" -> v -> value.get(v) instanceof Double y && y >= x;
                default -> throw errorAt(opAt, "a comparison of numbers (== != < <= > >=)");
            };
        }

        private Type type(String field, int at) {
            if (field.equals("text") || STRING_FIELDS.contains(field)) {
                return Type.STRING;
            }
            if (field.equals("tool_call")) {
                return Type.OBJECT;
            }
            if (field.equals("token_count") || field.equals("seq") || field.startsWith("signals.")) {
                return Type.NUMBER;
            }
            throw errorAt(at, "a field (role, text, model, finish_reason, token_count, seq, tool_call, tool_call.id, tool_call.name, tool_call.arguments, signals.NAME)");
        }

        private Field accessor(String field, int at, boolean nullable) {
            type(field, at);
            if (nullable && (field.equals("text") || field.equals("role") || field.equals("model") || field.equals("token_count") || field.equals("seq"))) {
                throw errorAt(at, "a field that can be missing (finish_reason, tool_call, tool_call.*, signals.NAME): " + field + " never is");
            }
            return switch (field) {
                case "text" -> (Field) v -> v.chunk().getText();
                case "role" -> (Field) v -> v.chunk().getRole();
                case "model" -> (Field) v -> v.chunk().getModel();
                case "finish_reason" -> (Field) v -> v.chunk().getFinishReason() == null ? null : v.chunk().getFinishReason().name();
                case "token_count" -> (Field) v -> (double) v.chunk().getTokenCount();
                case "seq" -> (Field) v -> (double) v.chunk().getSeq();
                case "tool_call" -> (Field) v -> v.chunk().getToolCall();
                case "tool_call.id" -> (Field) v -> v.chunk().getToolCall() == null ? null : v.chunk().getToolCall().getId();
                case "tool_call.name" -> (Field) v -> v.chunk().getToolCall() == null ? null : v.chunk().getToolCall().getName();
                case "tool_call.arguments" -> (Field) v -> v.chunk().getToolCall() == null ? null : v.chunk().getToolCall().getArguments();
                default -> signal(field.substring("signals.".length()));
            };
        }

        private static Field signal(String name) {
            return v -> v.signals().get(name);
        }

        /**
         * Holds where some match ends inside this chunk's text. Leftmost-first search may stop a
         * match short of the chunk where a longer one from the same start reaches it, so a match
         * that ends before the chunk is retried longest-first from its start.
         */
        private static Proposition matchesInRecentText(Pattern leftmost, Pattern longest, RegexPrefilter prefilter) {
            return v -> {
                String text = v.recentText();
                if (!prefilter.mayMatch(text)) {
                    return false;
                }
                int boundary = v.newTextStart();
                com.google.re2j.Matcher m = leftmost.matcher(text);
                int from = 0;
                while (from <= text.length() && m.find(from)) {
                    if (m.end() > boundary) {
                        return true;
                    }
                    com.google.re2j.Matcher l = longest.matcher(text);
                    if (l.find(m.start()) && l.end() > boundary) {
                        return true;
                    }
                    from = m.start() + 1;
                }
                return false;
            };
        }

        private static Proposition containsInRecentText(String s) {
            return v -> v.recentText().indexOf(s, Math.max(0, v.newTextStart() - s.length() + 1)) >= 0 && !s.isEmpty();
        }

        private Pattern regex(String re, int at, boolean longest) {
            if (re.length() > MAX_REGEX_LENGTH) {
                throw errorAt(at, "a regular expression of at most " + MAX_REGEX_LENGTH + " characters");
            }
            try {
                return longest ? Pattern.compile(re, Pattern.LONGEST_MATCH) : Pattern.compile(re);
            } catch (PatternSyntaxException e) {
                throw errorAt(at, "a regular expression (RE2 syntax): " + e.getMessage());
            }
        }

        private String string(Object literal, int at) {
            if (literal instanceof String s) {
                return s;
            }
            throw errorAt(at, "a string in double quotes");
        }

        private Object literal() {
            if (pos < text.length() && text.charAt(pos) == '"') {
                StringBuilder out = new StringBuilder();
                pos++;
                while (pos < text.length() && text.charAt(pos) != '"') {
                    char c = text.charAt(pos++);
                    if (c == '\\' && pos < text.length()) {
                        char e = text.charAt(pos++);
                        out.append(switch (e) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case '"', '\\' -> e;
                            default -> {
                                out.append('\\');
                                yield e;
                            }
                        });
                    } else {
                        out.append(c);
                    }
                }
                if (pos >= text.length()) {
                    throw error("a closing \"");
                }
                pos++;
                return out.toString();
            }
            if (acceptWord("null")) {
                return null;
            }
            int start = pos;
            while (pos < text.length() && "+-.0123456789eE".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            try {
                double d = Double.parseDouble(text.substring(start, pos));
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // reported below with the position
            }
            pos = start;
            throw error("a string in double quotes, a number or null");
        }

        private String operator() {
            for (String op : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
                if (text.startsWith(op, pos)) {
                    pos += op.length();
                    return op;
                }
            }
            for (String word : new String[] {"matches", "contains"}) {
                if (acceptWord(word)) {
                    return word;
                }
            }
            return null;
        }

        private String path() {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_' || text.charAt(pos) == '.' || text.charAt(pos) == '-')) {
                pos++;
            }
            return text.substring(start, pos);
        }

        private boolean acceptOp(String op) {
            skip();
            if (text.startsWith(op, pos) && !(op.equals("!") && text.startsWith("!=", pos))) {
                pos += op.length();
                return true;
            }
            return false;
        }

        private boolean acceptWord(String word) {
            skip();
            int end = pos + word.length();
            if (text.startsWith(word, pos) && (end == text.length() || !(Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_' || text.charAt(end) == '.'))) {
                pos = end;
                return true;
            }
            return false;
        }

        private void skip() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private LtlSyntaxException error(String expected) {
            skip();
            return errorAt(pos, expected);
        }

        private LtlSyntaxException errorAt(int at, String expected) {
            String found = at >= text.length() ? "the end" : "'" + text.substring(at, Math.min(text.length(), at + 12)) + "'";
            return new LtlSyntaxException(text, at, expected, found);
        }
    }
}
