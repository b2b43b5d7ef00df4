package app.rounds.screening.control;

import java.util.Arrays;

/**
 * A text about to be screened, read once: where its tokens start (after anything but a letter or digit) by kind of
 * first character, so that each pattern rule is tried only where it can begin; its words, lower-cased, for the rules
 * that look words up (names, context); and where its sentences end.
 */
final class ScreenedText {

    private final String value;
    private final String lower;
    private final int[] any;
    private final int[] digits;
    private final int[] letters;
    private final int[] upperCase;
    /** Words: runs of letters, with ' ’ - inside (O'Brien, Jean-Pierre). */
    private final int[] wordStart;
    private final int[] wordEnd;
    private final String[] words;
    /** Sentence of each word, and where each sentence starts in the text. */
    private final int[] wordSentence;
    private final int[] sentenceStarts;
    private TextContext context;
    /** What may stand before a sentence's first word: a colon, a quote, a bracket, a bullet. */
    private static final java.util.regex.Pattern OPENING_GAP = java.util.regex.Pattern.compile(".*[:;\"“'‘(\\[|•-]\\s*");

    ScreenedText(String value) {
        this.value = value;
        char[] lowered = value.toCharArray();
        for (int k = 0; k < lowered.length; k++) {
            // char by char: String.toLowerCase may change the length (İ), and offsets must stay those of the text
            lowered[k] = Character.toLowerCase(lowered[k]);
        }
        this.lower = new String(lowered);
        int n = value.length();
        int[] all = new int[n];
        int[] digit = new int[n];
        int[] letter = new int[n];
        int[] upper = new int[n];
        int a = 0;
        int d = 0;
        int l = 0;
        int u = 0;
        boolean afterWordChar = false;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            boolean wordChar = Character.isLetterOrDigit(c);
            if (!afterWordChar && !Character.isWhitespace(c)) {
                all[a++] = i;
                if (Character.isDigit(c)) {
                    digit[d++] = i;
                } else if (Character.isLetter(c)) {
                    letter[l++] = i;
                    if (Character.isUpperCase(c)) {
                        upper[u++] = i;
                    }
                }
            }
            afterWordChar = wordChar || Character.getType(c) == Character.NON_SPACING_MARK && afterWordChar;
        }
        this.any = Arrays.copyOf(all, a);
        this.digits = Arrays.copyOf(digit, d);
        this.letters = Arrays.copyOf(letter, l);
        this.upperCase = Arrays.copyOf(upper, u);

        int[] starts = new int[n / 2 + 1];
        int[] ends = new int[n / 2 + 1];
        int[] sentences = new int[n / 2 + 1];
        int[] sentenceStart = new int[n / 2 + 2];
        int w = 0;
        int sentence = 0;
        int i = 0;
        while (i < n) {
            char c = value.charAt(i);
            if (Character.isLetter(c)) {
                int start = i;
                i++;
                while (i < n && (Character.isLetter(value.charAt(i))
                        || Character.getType(value.charAt(i)) == Character.NON_SPACING_MARK
                        || isJoiner(value.charAt(i)) && i + 1 < n && Character.isLetter(value.charAt(i + 1)))) {
                    i++;
                }
                starts[w] = start;
                // a possessive stays outside the word: "Nguyen's" is the name Nguyen
                ends[w] = i - start > 3 && (value.charAt(i - 2) == '\'' || value.charAt(i - 2) == '’')
                        && (value.charAt(i - 1) == 's' || value.charAt(i - 1) == 'S') ? i - 2 : i;
                sentences[w] = sentence;
                w++;
            } else {
                if (endsSentence(i)) {
                    sentenceStart[++sentence] = i + 1;
                }
                i++;
            }
        }
        this.wordStart = Arrays.copyOf(starts, w);
        this.wordEnd = Arrays.copyOf(ends, w);
        this.wordSentence = Arrays.copyOf(sentences, w);
        this.sentenceStarts = Arrays.copyOf(sentenceStart, sentence + 1);
        this.words = new String[w];
        for (int k = 0; k < w; k++) {
            words[k] = lower.substring(wordStart[k], wordEnd[k]);
        }
    }

    private static boolean isJoiner(char c) {
        return c == '\'' || c == '’' || c == '-';
    }

    /** . ! ? or a line break, followed by a space or the end: "Dr. Okafor" ends nothing it cannot tell from. */
    private boolean endsSentence(int i) {
        char c = value.charAt(i);
        if (c == '\n') {
            return true;
        }
        if (c != '.' && c != '!' && c != '?' && c != '¿' && c != '¡') {
            return false;
        }
        if (c == '.' && i > 0 && Character.isLetter(value.charAt(i - 1))) {
            // an abbreviation: a short word before the dot (Dr., Mr., no., geb.)
            int start = i - 1;
            while (start > 0 && Character.isLetter(value.charAt(start - 1))) {
                start--;
            }
            if (i - start <= 4) {
                return false;
            }
        }
        return i + 1 >= value.length() || Character.isWhitespace(value.charAt(i + 1));
    }

    String value() {
        return value;
    }

    /** What the sentences are about (a patient, a simulation), read on first use. */
    TextContext context() {
        if (context == null) {
            context = new TextContext(this);
        }
        return context;
    }

    int[] starts(Rule.Start start) {
        return switch (start) {
            case ANY -> any;
            case DIGIT -> digits;
            case LETTER -> letters;
            case UPPER_CASE -> upperCase;
        };
    }

    int wordCount() {
        return words.length;
    }

    /** Word {@code i} in lower case. */
    String word(int i) {
        return words[i];
    }

    /** Word {@code i} as written. */
    String written(int i) {
        return value.substring(wordStart[i], wordEnd[i]);
    }

    int wordStart(int i) {
        return wordStart[i];
    }

    int wordEnd(int i) {
        return wordEnd[i];
    }

    boolean capitalised(int i) {
        return Character.isUpperCase(value.charAt(wordStart[i]));
    }

    boolean allCaps(int i) {
        for (int k = wordStart[i]; k < wordEnd[i]; k++) {
            if (Character.isLowerCase(value.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** What lies between word {@code i} and the next word (", ", " (", " - "). */
    String gapAfter(int i) {
        return value.substring(wordEnd[i], i + 1 < words.length ? wordStart[i + 1] : value.length());
    }

    /** Whether word {@code i} begins its sentence (a capital there says nothing). */
    boolean startsSentence(int i) {
        return i == 0 || wordSentence[i - 1] != wordSentence[i]
                || OPENING_GAP.matcher(value.substring(wordEnd[i - 1], wordStart[i])).matches();
    }

    int sentenceOfWord(int i) {
        return wordSentence[i];
    }

    /** The sentence the character at {@code offset} is in. */
    int sentenceAt(int offset) {
        int found = Arrays.binarySearch(sentenceStarts, offset);
        return found >= 0 ? found : -found - 2;
    }

    int sentenceCount() {
        return sentenceStarts.length;
    }

    int sentenceStart(int sentence) {
        return sentenceStarts[sentence];
    }

    int sentenceEnd(int sentence) {
        return sentence + 1 < sentenceStarts.length ? sentenceStarts[sentence + 1] : value.length();
    }

    /** The index of the first word at or after {@code offset}, or the word count. */
    int wordAt(int offset) {
        int found = Arrays.binarySearch(wordStart, offset);
        return found >= 0 ? found : -found - 1;
    }

    /** Whether word {@code i} is a hashtag or a handle (#SimWeek, @dr.mensah), not prose. */
    boolean tagged(int i) {
        return taggedAt(wordStart[i]);
    }

    /** Whether what starts at {@code offset} is part of a hashtag or a handle. */
    boolean taggedAt(int offset) {
        return offset > 0 && (value.charAt(offset - 1) == '#' || value.charAt(offset - 1) == '@');
    }
}
