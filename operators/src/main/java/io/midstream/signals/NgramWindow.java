package io.midstream.signals;

/**
 * The word n-grams of a session's recent text, for the repetition signal: the share of a chunk's
 * n-grams that already occurred in the last {@code capacity} n-grams of the session. Words are
 * runs of letters and digits, compared case-insensitively; a word or an n-gram split across chunk
 * boundaries is joined, so a loop is seen however the stream cuts it.
 *
 * <p>N-grams are kept as 32-bit hashes in a ring and looked up by a linear scan: the ring is small
 * (hundreds), the scan is branch-light, and the state stays one flat array per session. Two
 * n-grams that collide count as a repeat; with a ring of 512 that happens about once in 8 million.
 *
 * <p>A Flink POJO, kept in keyed state.
 */
public class NgramWindow {
    private int n;
    private int[] ring;
    private int size;
    private int next;
    /** Hashes of the last n - 1 complete words, oldest first. */
    private int[] previousWords;
    private int previousCount;
    /** The hash and length of a word that the last chunk ended inside. */
    private int partialHash;
    private int partialLength;

    public NgramWindow() {}

    public NgramWindow(int n, int capacity) {
        if (n < 1 || capacity < 1) {
            throw new IllegalArgumentException("n-gram size and window must be at least 1, got " + n + " and " + capacity);
        }
        this.n = n;
        this.ring = new int[capacity];
        this.previousWords = new int[n - 1];
    }

    /** Adds a chunk's text; returns the share of the n-grams it completes that were seen before, 0 if it completes none. */
    public double add(CharSequence text) {
        int grams = 0;
        int repeats = 0;
        int hash = partialHash;
        int length = partialLength;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                hash = 31 * hash + Character.toLowerCase(cp);
                length++;
            } else if (length > 0) {
                int gram = addWord(hash);
                if (gram != NO_GRAM) {
                    grams++;
                    repeats += gram;
                }
                hash = 0;
                length = 0;
            }
        }
        partialHash = hash;
        partialLength = length;
        return grams == 0 ? 0.0 : (double) repeats / grams;
    }

    private static final int NO_GRAM = -1;

    /** Returns NO_GRAM while fewer than n words were seen, else 1 if the n-gram it completes is a repeat, 0 if new. */
    private int addWord(int word) {
        if (previousCount < n - 1) {
            previousWords[previousCount++] = word;
            return NO_GRAM;
        }
        int gram = 0x811C9DC5;
        for (int w : previousWords) {
            gram = (gram ^ w) * 0x01000193;
        }
        gram = mix((gram ^ word) * 0x01000193);
        int repeat = contains(gram) ? 1 : 0;
        ring[next] = gram;
        next = next + 1 == ring.length ? 0 : next + 1;
        size = Math.min(size + 1, ring.length);
        if (n > 1) {
            System.arraycopy(previousWords, 1, previousWords, 0, n - 2);
            previousWords[n - 2] = word;
        }
        return repeat;
    }

    private boolean contains(int gram) {
        for (int i = 0; i < size; i++) {
            if (ring[i] == gram) {
                return true;
            }
        }
        return false;
    }

    /** MurmurHash3's finalizer: spreads the bits so that near n-grams do not collide. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >>> 16);
    }

    public int getN() { return n; }
    public void setN(int n) { this.n = n; }
    public int[] getRing() { return ring; }
    public void setRing(int[] ring) { this.ring = ring; }
    public int getSize() { return size; }
    public void setSize(int size) { this.size = size; }
    public int getNext() { return next; }
    public void setNext(int next) { this.next = next; }
    public int[] getPreviousWords() { return previousWords; }
    public void setPreviousWords(int[] previousWords) { this.previousWords = previousWords; }
    public int getPreviousCount() { return previousCount; }
    public void setPreviousCount(int previousCount) { this.previousCount = previousCount; }
    public int getPartialHash() { return partialHash; }
    public void setPartialHash(int partialHash) { this.partialHash = partialHash; }
    public int getPartialLength() { return partialLength; }
    public void setPartialLength(int partialLength) { this.partialLength = partialLength; }
}
