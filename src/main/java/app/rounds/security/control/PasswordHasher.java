package app.rounds.security.control;

import app.rounds.platform.control.FieldMessages;
import app.rounds.platform.control.ProblemException;
import app.rounds.platform.control.ProblemException.FieldError;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.Optional;

/**
 * PBKDF2-HMAC-SHA512 through Jakarta Security's {@link Pbkdf2PasswordHash}. Each stored hash carries its own
 * algorithm, iterations and salt, so raising {@code rounds.password.iterations} applies to new passwords without
 * breaking old ones.
 */
@ApplicationScoped
public class PasswordHasher {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @Inject
    @ConfigProperty(name = "rounds.password.iterations")
    int iterations;

    /** Verified against when a user name is unknown, so that the answer takes as long as for a known one. */
    private String decoy;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        decoy = pbkdf2.generate("not a password of anyone".toCharArray());
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    public boolean verify(String password, String storedHash) {
        return pbkdf2.verify(password.toCharArray(), storedHash);
    }

    public void verifyDecoy(String password) {
        pbkdf2.verify(password.toCharArray(), decoy);
    }

    /** Refuses a password that is too short or too long, naming the field it came from. */
    public static void checkStrength(String field, String password) {
        strengthProblem(field, password).ifPresent(e -> {
            throw ProblemException.invalidField(e.field(), e.message());
        });
    }

    /** Why a password is too weak (or too long), in words about {@code field}; empty when it will do. */
    public static Optional<FieldError> strengthProblem(String field, String password) {
        int length = password == null ? 0 : password.length();
        Map<String, Integer> values = Map.of("min", MIN_LENGTH, "max", MAX_LENGTH, "length", length);
        if (length < MIN_LENGTH) {
            return Optional.of(new FieldError(field, FieldMessages.sentence("password.tooShort", field, values)));
        }
        if (length > MAX_LENGTH) {
            return Optional.of(new FieldError(field, FieldMessages.sentence("password.tooLong", field, values)));
        }
        return Optional.empty();
    }
}
