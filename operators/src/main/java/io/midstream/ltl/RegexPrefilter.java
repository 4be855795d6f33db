package io.midstream.ltl;

import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Literals of which every match of a regular expression contains one, found from its syntax as RE2
 * does before it runs an automaton (Cox, "Regular Expression Matching in the Wild", 2010): text
 * that contains none of them cannot match, and a substring search is far cheaper than RE2/J's NFA.
 *
 * <p>The analysis is conservative: syntax it does not model (character classes, most escapes)
 * stands for "any character", anything it cannot parse leaves the expression without a prefilter,
 * and with any flag group in the expression both the literals and the text are case-folded, since
 * a case-insensitive match is a match of the folded strings.
 */
public final class RegexPrefilter implements Serializable {
    /** Sets of literals larger than this, or cross products that would be, are given up. */
    private static final int MAX_SET = 16;
    private static final RegexPrefilter NONE = new RegexPrefilter(null, false);

    /** Null where any text may match. */
    private final String[] literals;
    private final boolean fold;

    private RegexPrefilter(String[] literals, boolean fold) {
        this.literals = literals;
        this.fold = fold;
    }

    /** The prefilter of an expression that RE2/J has already accepted. */
    public static RegexPrefilter of(String regex) {
        Analysis a = new Analysis(regex);
        Info root;
        try {
            root = a.alternation();
            if (a.pos != regex.length()) {
                return NONE;
            }
        } catch (Unsupported e) {
            return NONE;
        }
        Set<String> need = root.need();
        if (need == null) {
            return NONE;
        }
        Set<String> literals = new LinkedHashSet<>();
        for (String s : need) {
            literals.add(a.fold ? fold(s) : s);
        }
        return new RegexPrefilter(literals.toArray(String[]::new), a.fold);
    }

    /** False only where the expression cannot match anywhere in the text. */
    public boolean mayMatch(String text) {
        if (literals == null) {
            return true;
        }
        String s = fold ? fold(text) : text;
        for (String literal : literals) {
            if (s.contains(literal)) {
                return true;
            }
        }
        return false;
    }

    /** The literals, folded where the text is; null where there is no prefilter. */
    Set<String> literals() {
        return literals == null ? null : Set.of(literals);
    }

    /** One representative per case orbit: K, k and the Kelvin sign, or S, s and long s, all fold alike. */
    static String fold(String s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            char c = s.charAt(i);
            // ASCII first: most text is, and the general path costs two table lookups a character
            out[i] = c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c)
                    : Character.toLowerCase(Character.toUpperCase(c));
        }
        return new String(out);
    }

    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    /**
     * What a sub-expression can match: exactly one of a small set of strings ({@code exact}), or
     * strings that each contain one of {@code contains}; null where nothing is known.
     */
    private record Info(Set<String> exact, Set<String> contains) {
        static final Info ANY = new Info(null, null);
        static final Info EMPTY = new Info(Set.of(""), null);

        static Info literal(String s) {
            return new Info(Set.of(s), null);
        }

        /** Strings of which every match contains one; null where that is no constraint. */
        Set<String> need() {
            Set<String> s = exact != null ? exact : contains;
            return s == null || s.contains("") ? null : s;
        }

        /** Exact where both parts are and the product is small, else unknown. */
        Info then(Info next) {
            if (exact != null && next.exact != null && exact.size() * next.exact.size() <= MAX_SET) {
                Set<String> product = new LinkedHashSet<>();
                for (String a : exact) {
                    for (String b : next.exact) {
                        product.add(a + b);
                    }
                }
                return new Info(product, null);
            }
            return ANY;
        }

        /** Of two requirements of one concatenation, either holds; the more selective is kept. */
        static Info most(Info a, Info b) {
            if (a == null) {
                return b;
            }
            return new Info(null, selective(a.need(), b.need()));
        }

        Info or(Info other) {
            if (exact != null && other.exact != null) {
                Set<String> union = union(exact, other.exact);
                if (union != null) {
                    return new Info(union, null);
                }
            }
            Set<String> a = need();
            Set<String> b = other.need();
            return new Info(null, a == null || b == null ? null : union(a, b));
        }

        Info repeated(int min) {
            if (min >= 1) {
                return new Info(null, need());
            }
            return ANY;
        }

        Info optional() {
            return exact == null ? ANY : new Info(union(exact, Set.of("")), null);
        }

        private static Set<String> union(Set<String> a, Set<String> b) {
            Set<String> u = new LinkedHashSet<>(a);
            u.addAll(b);
            return u.size() <= MAX_SET ? u : null;
        }

        /** The set whose shortest literal is longest: long literals are rare in text. */
        private static Set<String> selective(Set<String> a, Set<String> b) {
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            return shortest(b) > shortest(a) ? b : a;
        }

        private static int shortest(Set<String> s) {
            return s.stream().mapToInt(String::length).min().orElse(0);
        }
    }

    /** A recursive descent over RE2 syntax that gives up (Unsupported) on what it does not know. */
    private static final class Analysis {
        private final String re;
        private int pos;
        private boolean fold;

        Analysis(String re) {
            this.re = re;
        }

        Info alternation() {
            Info info = concatenation();
            while (pos < re.length() && re.charAt(pos) == '|') {
                pos++;
                info = info.or(concatenation());
            }
            return info;
        }

        /**
         * Runs of exact parts are joined into longer literals ("password is " rather than "p"); of
         * the runs and the inexact parts between them, the most selective is required.
         */
        private Info concatenation() {
            Info run = Info.EMPTY;
            Info required = null;
            while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
                Info next = repetition();
                Info joined = run.then(next);
                if (joined.exact() != null) {
                    run = joined;
                } else {
                    required = Info.most(Info.most(required, run), next.exact() != null ? next : new Info(null, next.need()));
                    run = next.exact() != null ? next : Info.EMPTY;
                }
            }
            return required == null ? run : Info.most(required, run);
        }

        private Info repetition() {
            Info info = atom();
            while (pos < re.length()) {
                char c = re.charAt(pos);
                if (c == '*') {
                    pos++;
                    info = info.repeated(0);
                } else if (c == '+') {
                    pos++;
                    info = info.repeated(1);
                } else if (c == '?') {
                    pos++;
                    info = info.optional();
                } else if (c == '{' && counted()) {
                    int min = number();
                    if (re.charAt(pos) == ',') {
                        pos++;
                        while (Character.isDigit(re.charAt(pos))) {
                            pos++;
                        }
                    }
                    pos++;
                    info = info.repeated(min);
                } else {
                    break;
                }
                // a non-greedy repetition matches the same strings
                if (pos < re.length() && re.charAt(pos) == '?') {
                    pos++;
                }
            }
            return info;
        }

        /** Whether a {n}, {n,} or {n,m} starts here; otherwise RE2 reads the brace as a literal. */
        private boolean counted() {
            int i = pos + 1;
            int digits = i;
            while (i < re.length() && Character.isDigit(re.charAt(i))) {
                i++;
            }
            if (i == digits || i >= re.length()) {
                return false;
            }
            if (re.charAt(i) == ',') {
                i++;
                while (i < re.length() && Character.isDigit(re.charAt(i))) {
                    i++;
                }
            }
            return i < re.length() && re.charAt(i) == '}';
        }

        private int number() {
            pos++;
            int start = pos;
            while (Character.isDigit(re.charAt(pos))) {
                pos++;
            }
            String digits = re.substring(start, pos);
            return digits.length() > 4 ? 1000 : Integer.parseInt(digits);
        }

        private Info atom() {
            char c = re.charAt(pos);
            switch (c) {
                case '(':
                    return group();
                case '[':
                    skipClass();
                    return Info.ANY;
                case '.':
                    pos++;
                    return Info.ANY;
                case '^':
                case '$':
                    pos++;
                    return Info.EMPTY;
                case '\\':
                    return escape();
                case '*':
                case '+':
                case '?':
                    throw new Unsupported();
                default:
                    pos++;
                    if (Character.isSurrogate(c)) {
                        throw new Unsupported();
                    }
                    return Info.literal(String.valueOf(c));
            }
        }

        private Info group() {
            pos++;
            if (re.startsWith("?", pos)) {
                pos++;
                if (re.startsWith("P<", pos) || re.startsWith("<", pos)) {
                    int end = re.indexOf('>', pos);
                    if (end < 0) {
                        throw new Unsupported();
                    }
                    pos = end + 1;
                } else {
                    // flags, alone or opening a group: fold everything, which covers (?i) wherever it is
                    fold = true;
                    while (pos < re.length() && "imsU-".indexOf(re.charAt(pos)) >= 0) {
                        pos++;
                    }
                    if (pos < re.length() && re.charAt(pos) == ')') {
                        pos++;
                        return Info.EMPTY;
                    }
                    if (pos >= re.length() || re.charAt(pos) != ':') {
                        throw new Unsupported();
                    }
                    pos++;
                }
            }
            Info inner = alternation();
            if (pos >= re.length() || re.charAt(pos) != ')') {
                throw new Unsupported();
            }
            pos++;
            return inner;
        }

        private void skipClass() {
            pos++;
            if (pos < re.length() && re.charAt(pos) == '^') {
                pos++;
            }
            if (pos < re.length() && re.charAt(pos) == ']') {
                pos++;
            }
            while (pos < re.length() && re.charAt(pos) != ']') {
                if (re.startsWith("[:", pos)) {
                    int end = re.indexOf(":]", pos + 2);
                    pos = end < 0 ? pos + 1 : end + 2;
                } else if (re.charAt(pos) == '\\' && pos + 1 < re.length()) {
                    char e = re.charAt(pos + 1);
                    if (e == 'Q') {
                        throw new Unsupported();
                    }
                    pos += 2;
                    if (e == 'x' || e == 'p' || e == 'P') {
                        skipBraces();
                    }
                } else {
                    pos++;
                }
            }
            if (pos >= re.length()) {
                throw new Unsupported();
            }
            pos++;
        }

        /** Skips a {...} argument if one starts here; whether there was one. */
        private boolean skipBraces() {
            if (pos >= re.length() || re.charAt(pos) != '{') {
                return false;
            }
            int end = re.indexOf('}', pos);
            if (end < 0) {
                throw new Unsupported();
            }
            pos = end + 1;
            return true;
        }

        private Info escape() {
            if (pos + 1 >= re.length()) {
                throw new Unsupported();
            }
            char e = re.charAt(pos + 1);
            pos += 2;
            switch (e) {
                case 'b': case 'B': case 'A': case 'z':
                    return Info.EMPTY;
                case 'd': case 'D': case 'w': case 'W': case 's': case 'S':
                    return Info.ANY;
                case 'p': case 'P':
                    // \pL names its class in one letter, \p{Greek} in braces
                    if (!skipBraces()) {
                        pos++;
                    }
                    return Info.ANY;
                case 'Q': {
                    int end = re.indexOf("\\E", pos);
                    String quoted = re.substring(pos, end < 0 ? re.length() : end);
                    pos = end < 0 ? re.length() : end + 2;
                    if (quoted.chars().anyMatch(ch -> Character.isSurrogate((char) ch))) {
                        throw new Unsupported();
                    }
                    return Info.literal(quoted);
                }
                case 'a': return Info.literal("\u0007");
                case 'f': return Info.literal("\f");
                case 't': return Info.literal("\t");
                case 'n': return Info.literal("\n");
                case 'r': return Info.literal("\r");
                case 'v': return Info.literal("\u000b");
                default:
                    if (e < 128 && !Character.isLetterOrDigit(e)) {
                        return Info.literal(String.valueOf(e));
                    }
                    // \x, octal and whatever else: a character this analysis does not decode
                    throw new Unsupported();
            }
        }
    }
}
