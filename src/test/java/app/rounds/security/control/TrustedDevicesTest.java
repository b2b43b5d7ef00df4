package app.rounds.security.control;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrustedDevicesTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final Duration LIFETIME = Duration.ofDays(180);

    private static TrustedDevices at(Instant now, byte[] key) {
        return new TrustedDevices(key, LIFETIME, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private final TrustedDevices devices = at(NOW, key(1));

    @Test
    void aDeviceCookieNamesItsDeviceForItsUserHoweverTheNameIsWritten() {
        TrustedDevices.DeviceCookie cookie = devices.issue("rev2");
        Optional<String> device = devices.device("rev2", cookie.value());
        assertTrue(device.isPresent());
        assertEquals(device, devices.device("RĖV2 ", cookie.value()));
        assertEquals(devices.cookieName("rev2"), cookie.name());
        assertEquals(devices.cookieName("ｒｅｖ２"), cookie.name());
        assertEquals(LIFETIME, cookie.maxAge());
        assertNotEquals(device, devices.device("rev2", devices.issue("rev2").value()), "each login, a new device id");
    }

    @Test
    void aDeviceCookieCountsForNoOtherUser() {
        TrustedDevices.DeviceCookie cookie = devices.issue("attacker");
        assertEquals(Optional.empty(), devices.device("rev2", cookie.value()));
        assertNotEquals(devices.cookieName("attacker"), devices.cookieName("rev2"));
    }

    @Test
    void theCookieNameIsACookieTokenAndDoesNotTellTheUser() {
        String name = devices.cookieName("nurse.educator_7");
        assertTrue(name.matches("rounds-device-[0-9a-f]{24}"), name);
        assertNotEquals(name, at(NOW, key(2)).cookieName("nurse.educator_7"), "keyed: not a plain hash of the name");
    }

    @Test
    void anAlteredForeignOrExpiredCookieIsNoDevice() {
        String value = devices.issue("rev2").value();
        String[] parts = value.split("\\.");
        String otherId = (parts[0].charAt(0) == 'A' ? "B" : "A") + parts[0].substring(1);
        assertEquals(Optional.empty(), devices.device("rev2", otherId + "." + parts[1] + "." + parts[2]));
        long later = Long.parseLong(parts[1]) + 86_400;
        assertEquals(Optional.empty(), devices.device("rev2", parts[0] + "." + later + "." + parts[2]),
                "cannot be prolonged");
        assertEquals(Optional.empty(), at(NOW, key(2)).device("rev2", value), "another installation's key");
        assertTrue(at(NOW.plus(LIFETIME).minusSeconds(1), key(1)).device("rev2", value).isPresent());
        assertEquals(Optional.empty(), at(NOW.plus(LIFETIME), key(1)).device("rev2", value), "expired");
    }

    @Test
    void malformedValuesAreNoDevice() {
        for (String value : new String[]{null, "", "x", "a.b", "a.b.c", "a.1.c", ".1.", "a|b.1.!!", value(".1.", 22)}) {
            assertFalse(devices.device("rev2", value).isPresent(), String.valueOf(value));
        }
    }

    @Test
    void aConfiguredKeySignsAndATooShortOneStopsTheStart() {
        TrustedDevices configured = new TrustedDevices();
        configured.configuredKey = Optional.of(Base64.getEncoder().encodeToString(key(1)));
        configured.lifetime = LIFETIME;
        configured.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        configured.loadKey(); // no database asked: its secrets are not there
        assertEquals(devices.cookieName("rev2"), configured.cookieName("rev2"));
        assertTrue(configured.device("rev2", devices.issue("rev2").value()).isPresent());

        TrustedDevices tooShort = new TrustedDevices();
        tooShort.configuredKey = Optional.of(Base64.getEncoder().encodeToString(new byte[16]));
        IllegalStateException refused = assertThrows(IllegalStateException.class, tooShort::loadKey);
        assertTrue(refused.getMessage().contains("ROUNDS_AUTH_DEVICE_KEY"), refused.getMessage());
    }

    private static String value(String separator, int length) {
        return "-".repeat(length) + separator + "AAAA";
    }
}
