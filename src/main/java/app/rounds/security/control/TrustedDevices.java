package app.rounds.security.control;

import app.rounds.platform.control.InstanceSecrets;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Device cookies (OWASP "Slow Down Online Guessing Attacks with Device Cookies"): a browser or client that logged in
 * as a user gets a cookie saying so, signed with this installation's key, and its later attempts for that user are
 * then judged by its own failures ({@link LoginThrottle}), not by the limits it shares with everyone at its address.
 * The cookie is no credential: it only says "this device knew the password before".
 *
 * <p>One cookie per user, named after a keyed hash of the user name, so that colleagues sharing a ward PC each keep
 * theirs and the name does not tell whose it is. Its value is a random device id, when it expires and an HMAC-SHA256
 * over the user name, id and expiry: it cannot be made for another user, moved to another name or prolonged. The key
 * is {@code rounds.auth.device-key} or, without one, a key made once and kept in the database, so cookies survive
 * restarts and hold on every instance.
 */
@ApplicationScoped
public class TrustedDevices {

    /** A cookie to hand out: its name, value and lifetime. */
    public record DeviceCookie(String name, String value, Duration maxAge) {
    }

    static final String COOKIE_PREFIX = "rounds-device-";
    static final String SECRET_NAME = "device-cookie-key";
    private static final Logger LOG = Logger.getLogger(TrustedDevices.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    @Inject
    @ConfigProperty(name = "rounds.auth.device-key")
    Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = "rounds.auth.device-cookie-lifetime")
    Duration lifetime;

    @Inject
    InstanceSecrets secrets;

    @Inject
    Clock clock;

    private SecretKeySpec key;

    protected TrustedDevices() {
    }

    TrustedDevices(byte[] key, Duration lifetime, Clock clock) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.lifetime = lifetime;
        this.clock = clock;
    }

    @PostConstruct
    void loadKey() {
        byte[] bytes;
        if (configuredKey.isPresent() && !configuredKey.get().isBlank()) {
            bytes = Base64.getDecoder().decode(configuredKey.get().strip());
            if (bytes.length < 32) {
                throw new IllegalStateException("ROUNDS_AUTH_DEVICE_KEY must be at least 32 bytes in base64 "
                        + "(openssl rand -base64 32)");
            }
        } else {
            bytes = secrets.secret(SECRET_NAME);
            LOG.info("ROUNDS_AUTH_DEVICE_KEY is not set: device cookies are signed with the key kept in the database.");
        }
        key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** The name of the user's device cookie: the same for every device, another for every user. */
    public String cookieName(String username) {
        return COOKIE_PREFIX + HexFormat.of().formatHex(mac("name|" + StaffDirectory.canonicalUsername(username)), 0, 12);
    }

    /** A new device cookie for a user who has just given the right password. */
    public DeviceCookie issue(String username) {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        String device = BASE64URL.encodeToString(id);
        long expires = clock.instant().plus(lifetime).getEpochSecond();
        return new DeviceCookie(cookieName(username), device + "." + expires + "."
                + BASE64URL.encodeToString(signature(username, device, expires)), lifetime);
    }

    /** The device id, when {@code cookieValue} is an unexpired device cookie of this user. */
    public Optional<String> device(String username, String cookieValue) {
        String[] parts = cookieValue == null ? new String[0] : cookieValue.split("\\.", -1);
        if (parts.length != 3 || !parts[0].matches("[\\w-]{22}") || !parts[1].matches("\\d{1,12}")) {
            return Optional.empty();
        }
        long expires = Long.parseLong(parts[1]);
        byte[] presented;
        try {
            presented = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        boolean signed = MessageDigest.isEqual(presented, signature(username, parts[0], expires));
        return signed && clock.instant().getEpochSecond() < expires ? Optional.of(parts[0]) : Optional.empty();
    }

    private byte[] signature(String username, String device, long expires) {
        return mac("device|" + StaffDirectory.canonicalUsername(username) + "|" + device + "|" + expires);
    }

    private byte[] mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
