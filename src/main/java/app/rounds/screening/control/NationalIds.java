package app.rounds.screening.control;

/**
 * The check digits of national identity and health numbers. A valid check digit makes a bare number believable as an
 * identifier (a random number passes one time in ten or so, a mistyped real one rarely); without a keyword beside it,
 * a number is held as a national id only when its check holds.
 */
final class NationalIds {

    private NationalIds() {
    }

    static String digits(String value) {
        StringBuilder digits = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    /** NHS number (England, Wales, Isle of Man): 10 digits, modulus 11 with weights 10…2. */
    static boolean nhsNumber(String value) {
        String d = digits(value);
        if (d.length() != 10 || d.chars().distinct().count() == 1) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (d.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == d.charAt(9) - '0';
    }

    /** Dutch BSN: 9 digits passing the "elfproef" (weights 9…2 and −1). */
    static boolean dutchBsn(String value) {
        String d = digits(value);
        if (d.length() != 9 || d.chars().distinct().count() == 1) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (d.charAt(i) - '0') * (9 - i);
        }
        sum -= d.charAt(8) - '0';
        return sum % 11 == 0;
    }

    /** Portuguese NIF: 9 digits, modulus 11 with weights 9…2 (10 and 11 map to 0). */
    static boolean portugueseNif(String value) {
        String d = digits(value);
        if (d.length() != 9 || "12356789".indexOf(d.charAt(0)) < 0) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (d.charAt(i) - '0') * (9 - i);
        }
        int check = 11 - sum % 11;
        return (check >= 10 ? 0 : check) == d.charAt(8) - '0';
    }

    /** French NIR (numéro de sécurité sociale): 13 characters and a key of 97 − (number mod 97); Corsica 2A/2B. */
    static boolean frenchNir(String value) {
        String compact = value.replaceAll("[\\s.-]", "").toUpperCase(java.util.Locale.ROOT);
        if (!compact.matches("[12378]\\d{4}(?:\\d{2}|2A|2B)\\d{6}\\d{2}")) {
            return false;
        }
        String body = compact.substring(0, 13).replace("2A", "19").replace("2B", "18");
        long number = Long.parseLong(body);
        int key = Integer.parseInt(compact.substring(13));
        return 97 - number % 97 == key;
    }

    /** Spanish DNI and NIE end in a check letter: the number modulo 23. */
    static boolean spanishId(String value) {
        String compact = value.replaceAll("[ -]", "").toUpperCase(java.util.Locale.ROOT);
        if (!compact.matches("(?:\\d{8}|[XYZ]\\d{7})[A-Z]")) {
            return false;
        }
        String digits = compact.substring(0, compact.length() - 1);
        char first = digits.charAt(0);
        if (first == 'X' || first == 'Y' || first == 'Z') {
            digits = (first - 'X') + digits.substring(1);
        }
        return "TRWAGMYFPDXBNJZSQVHLCKE".charAt((int) (Long.parseLong(digits) % 23))
                == compact.charAt(compact.length() - 1);
    }

    /**
     * German Krankenversichertennummer: a letter and 9 digits, the last a check digit over the letter's two-digit
     * position and the first eight digits (weights 1, 2 alternating, digit sums of the products, mod 10).
     */
    static boolean germanKvnr(String value) {
        String compact = value.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
        if (!compact.matches("[A-Z]\\d{9}")) {
            return false;
        }
        int letter = compact.charAt(0) - 'A' + 1;
        String digits = String.format("%02d", letter) + compact.substring(1, 9);
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int product = (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 2);
            sum += product / 10 + product % 10;
        }
        return sum % 10 == compact.charAt(9) - '0';
    }

    private static final int[] CF_ODD = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16,
            10, 22, 25, 24, 23};

    /** Italian codice fiscale: 16 characters, the last a check letter over the odd and even positions. */
    static boolean italianCodiceFiscale(String value) {
        String cf = value.toUpperCase(java.util.Locale.ROOT);
        if (!cf.matches("[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            char c = cf.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : c - 'A';
            sum += i % 2 == 0 ? CF_ODD[v] : v;
        }
        return cf.charAt(15) == (char) ('A' + sum % 26);
    }

    /** US SSN: area 001–665 or 667–899, group 01–99, serial 0001–9999. */
    static boolean usSsn(String value) {
        String d = digits(value);
        if (d.length() != 9) {
            return false;
        }
        int area = Integer.parseInt(d.substring(0, 3));
        return area != 0 && area != 666 && area < 900 && !d.startsWith("00", 3) && !d.endsWith("0000");
    }

    /** IBANs carry two check digits (ISO 7064 mod 97-10), so random capitals and digits rarely pass. */
    static boolean iban(String value) {
        String compact = value.replaceAll("[ \\t]", "");
        if (compact.length() < 15 || compact.length() > 34) {
            return false;
        }
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        int remainder = 0;
        for (char c : rearranged.toCharArray()) {
            int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = (v < 10 ? remainder * 10 + v : remainder * 100 + v) % 97;
        }
        return remainder == 1;
    }

    private static final int[] VIN_WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

    /** A North American VIN's ninth character is a check digit (or X) over the other sixteen. */
    static boolean vinCheckDigit(String vin) {
        String v = vin.toUpperCase(java.util.Locale.ROOT);
        if (!v.matches("[A-HJ-NPR-Z0-9]{17}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = v.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : vinValue(c);
            sum += value * VIN_WEIGHTS[i];
        }
        int check = sum % 11;
        return v.charAt(8) == (check == 10 ? 'X' : (char) ('0' + check));
    }

    /** ISO 3779 transliteration: A–H 1–8, J–N 1–5, P 7, R 9, S–Z 2–9. */
    private static int vinValue(char c) {
        if (c <= 'H') {
            return c - 'A' + 1;
        }
        if (c <= 'N') {
            return c - 'J' + 1;
        }
        if (c == 'P') {
            return 7;
        }
        if (c == 'R') {
            return 9;
        }
        return c - 'S' + 2;
    }
}
