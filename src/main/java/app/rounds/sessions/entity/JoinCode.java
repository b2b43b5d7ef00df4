package app.rounds.sessions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The code trainees type to join: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as two
 * groups of four. Typed input is forgiving: case, spaces and dashes do not matter.
 */
@Embeddable
public class JoinCode {

    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 8;
    private static final RandomGenerator RANDOM = new SecureRandom();

    @Column(name = "join_code", length = LENGTH, nullable = false)
    private String code;

    protected JoinCode() {
    }

    private JoinCode(String value) {
        this.code = value;
    }

    public static JoinCode random() {
        return random(RANDOM);
    }

    static JoinCode random(RandomGenerator random) {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new JoinCode(new String(code));
    }

    /** Reads what a trainee typed; empty when it cannot be a join code at all. */
    public static Optional<JoinCode> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(new JoinCode(code));
    }

    public String value() {
        return code;
    }

    /** For people: "K7MX-3QPA". */
    public String display() {
        return code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JoinCode other && Objects.equals(code, other.code);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(code);
    }

    @Override
    public String toString() {
        return display();
    }
}
