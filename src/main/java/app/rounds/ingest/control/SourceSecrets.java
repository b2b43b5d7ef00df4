package app.rounds.ingest.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Sources' credentials at rest: AES-256-GCM under the key in {@code ROUNDS_SECRETS_KEY} (32 bytes, base64), so a
 * database dump alone does not hand out access tokens, app passwords or webhook secrets. Without the key, one is made
 * for this run and a warning says that credentials stored now will not be readable after a restart.
 */
@ApplicationScoped
public class SourceSecrets {

    private static final Logger LOG = Logger.getLogger(SourceSecrets.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String VERSION = "v1:";

    @Inject
    @ConfigProperty(name = "rounds.secrets.key")
    Optional<String> configuredKey;

    private SecretKeySpec key;

    @PostConstruct
    void loadKey() {
        byte[] bytes;
        if (configuredKey.isPresent() && !configuredKey.get().isBlank()) {
            bytes = Base64.getDecoder().decode(configuredKey.get().strip());
            if (bytes.length != 32) {
                throw new IllegalStateException("ROUNDS_SECRETS_KEY must be 32 bytes in base64 (openssl rand -base64 32)");
            }
        } else {
            bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            LOG.warning("ROUNDS_SECRETS_KEY is not set: sources' credentials entered now cannot be read after a restart."
                    + " Set it to 32 random bytes in base64 (openssl rand -base64 32).");
        }
        key = new SecretKeySpec(bytes, "AES");
    }

    public String encrypt(String secret) {
        if (secret == null) {
            return null;
        }
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM", e);
        }
    }

    /** The secret, or empty when it was stored under another key. */
    public Optional<String> decrypt(String stored) {
        if (stored == null || !stored.startsWith(VERSION)) {
            return Optional.empty();
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return Optional.of(new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
