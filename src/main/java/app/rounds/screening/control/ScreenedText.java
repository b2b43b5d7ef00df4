package app.rounds.screening.control;

import java.util.Arrays;

/**
 * A text about to be screened and where its tokens start (after anything but a letter or digit), by kind of first
 * character: computed once, so that each rule tries its pattern only where it can begin.
 */
final class ScreenedText {

    private final String value;
    private final int[] any;
    private final int[] digits;
    private final int[] letters;
    private final int[] upperCase;

    ScreenedText(String value) {
        this.value = value;
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
    }

    String value() {
        return value;
    }

    int[] starts(Rule.Start start) {
        return switch (start) {
            case ANY -> any;
            case DIGIT -> digits;
            case LETTER -> letters;
            case UPPER_CASE -> upperCase;
        };
    }
}
