package app.rounds.ingest.control;

import app.rounds.platform.control.ProblemException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Standard Webhooks (standardwebhooks.com): the sender signs {@code id.timestamp.body} with HMAC-SHA256 under a shared
 * secret ({@code whsec_} + base64) and sends {@code webhook-id}, {@code webhook-timestamp} (Unix seconds) and
 * {@code webhook-signature} ({@code v1,<base64>}, several separated by spaces while a secret is rotated).
 */
public final class WebhookSignatures {

    public static final String SECRET_PREFIX = "whsec_";
    /** How far a timestamp may be from now either way: older messages are replays, newer ones forged. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignatures() {
    }

    /** A new signing secret for a relay: 32 random bytes. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    public static String sign(String secret, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** 401 unless one of the signatures matches and the timestamp is within the tolerance of {@code now}. */
    public static void verify(String secret, String id, String timestamp, String signatures, byte[] body, Instant now) {
        if (id == null || id.isBlank() || timestamp == null || signatures == null) {
            throw unsigned("webhook-id, webhook-timestamp and webhook-signature are required.");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw unsigned("webhook-timestamp must be Unix seconds.");
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            throw unsigned("webhook-timestamp is more than " + TOLERANCE.toMinutes() + " minutes from now.");
        }
        byte[] expected = sign(secret, id, seconds, body).getBytes(StandardCharsets.US_ASCII);
        for (String signature : signatures.strip().split(" +")) {
            if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
                return;
            }
        }
        throw unsigned("No webhook-signature matches this message.");
    }

    private static byte[] key(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }

    private static ProblemException unsigned(String detail) {
        return new ProblemException(ProblemException.Kind.UNAUTHENTICATED, "webhook-signature-invalid",
                "Webhook signature not accepted", detail, java.util.List.of(), null);
    }
}
