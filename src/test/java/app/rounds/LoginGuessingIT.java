package app.rounds;

import app.rounds.testing.ApiClient;
import app.rounds.testing.PayaraProcess;
import app.rounds.testing.Reply;
import app.rounds.testing.RunningRounds;
import app.rounds.testing.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static app.rounds.testing.ApiClient.credentials;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Password guessing over real HTTP: guesses from one address (a hospital behind one NAT) or at one account from many
 * addresses are throttled, while a colleague who logged in on a phone or PC before still logs in there (its device
 * cookie). Every test guesses from addresses of its own, sent as X-Forwarded-For through the loopback proxy the test
 * server trusts, so no other class's logins from 127.0.0.1 meet these limits; the test server refills them over a
 * day instead of 5 minutes, so they stay used up while a test looks (RunningRounds.SETTINGS).
 */
@ExtendWith(RunningRounds.class)
class LoginGuessingIT {

    private static final String LOGIN = "api/auth/login";

    @RunningRounds.Base
    URL base;

    ApiClient anonymous;
    Staff staff;

    @BeforeEach
    void clients() {
        anonymous = ApiClient.anonymous(base);
        staff = new Staff(anonymous);
    }

    @Test
    void aColleagueWhoLoggedInBeforeIsNotLockedOutByGuessesFromTheSameAddress() throws Exception {
        ApiClient ward = anonymous.from(Staff.uniqueAddress());
        Staff.Member colleague = staff.create("presenter");
        Reply earlier = ward.post(LOGIN, credentials(colleague.username(), colleague.password()));
        assertEquals(200, earlier.status(), earlier.body());
        String setCookie = deviceSetCookie(earlier);
        assertTrue(setCookie.contains("; HttpOnly") && setCookie.contains("; Secure")
                && setCookie.contains("; SameSite=Strict") && setCookie.contains("; Path=/api/auth"), setCookie);
        ApiClient colleaguesPc = ward.withHeader("Cookie", cookie(setCookie));

        Reply refused = guessUntilTheAddressIsUsedUp(ward);
        assertProblem(refused, 429, "rate-limited");
        assertTrue(Integer.parseInt(refused.header("Retry-After")) > 0, refused.headers().toString());

        Reply back = colleaguesPc.post(LOGIN, credentials(colleague.username(), colleague.password()));
        assertEquals(200, back.status(), "the colleague's PC still logs in: " + back);
        assertProblem(colleaguesPc.post(LOGIN, credentials(colleague.username(), "a guess on the PC")), 401,
                "login-failed");
        Reply attacker = ward.post(LOGIN, credentials("nobody-" + Staff.uniqueSuffix(), "a guess"));
        assertProblem(attacker, 429, "rate-limited");
        assertTrue(Integer.parseInt(attacker.header("Retry-After")) > 0);
        assertProblem(ward.post(LOGIN, credentials(colleague.username(), colleague.password())), 429, "rate-limited");
    }

    @Test
    void aDevicesOwnFailuresEndItsTrustButLockOutNoOtherDevice() {
        Staff.Member colleague = staff.create("presenter");
        String phone = cookie(deviceSetCookie(anonymous.from(Staff.uniqueAddress())
                .post(LOGIN, credentials(colleague.username(), colleague.password()))));
        String pc = cookie(deviceSetCookie(anonymous.from(Staff.uniqueAddress())
                .post(LOGIN, credentials(colleague.username(), colleague.password()))));

        for (int guess = 0; guess < 10; guess++) { // a stolen phone, used from ever new addresses
            assertProblem(anonymous.from(Staff.uniqueAddress()).withHeader("Cookie", phone)
                    .post(LOGIN, credentials(colleague.username(), "guess " + guess)), 401, "login-failed");
        }
        ApiClient thief = anonymous.from(Staff.uniqueAddress()).withHeader("Cookie", phone);
        for (int guess = 10; guess < 20; guess++) { // the cookie counts for nothing now: 10 untrusted guesses
            assertProblem(thief.post(LOGIN, credentials(colleague.username(), "guess " + guess)), 401, "login-failed");
        }
        assertProblem(thief.post(LOGIN, credentials(colleague.username(), colleague.password())), 429, "rate-limited");

        assertEquals(200, anonymous.from(Staff.uniqueAddress()).withHeader("Cookie", pc)
                .post(LOGIN, credentials(colleague.username(), colleague.password())).status(), "the PC is not locked");
        assertEquals(200, anonymous.from(Staff.uniqueAddress())
                .post(LOGIN, credentials(colleague.username(), colleague.password())).status(),
                "nor is the account: the phone's first 10 failures were its own");
    }

    @Test
    void guessesAtOneAccountFromManyAddressesAreLimitedButItsDevicesStillLogIn() {
        Staff.Member colleague = staff.create("presenter");
        String pc = cookie(deviceSetCookie(anonymous.from(Staff.uniqueAddress())
                .post(LOGIN, credentials(colleague.username(), colleague.password()))));

        int addresses = 0;
        Reply refused = null;
        while (refused == null && addresses++ < 20) {
            ApiClient attacker = anonymous.from(Staff.uniqueAddress());
            for (int guess = 0; guess < 10; guess++) {
                Reply reply = attacker.post(LOGIN, credentials(colleague.username(), "guess " + guess));
                if (reply.status() == 429) {
                    assertEquals(0, guess, "a fresh address is refused at once, or not before its 10 guesses");
                    refused = reply;
                    break;
                }
                assertProblem(reply, 401, "login-failed");
            }
        }
        assertEquals(3, addresses, "20 guesses at the account in all, 10 from each of 2 addresses");
        assertProblem(refused, 429, "rate-limited");
        ApiClient elsewhere = anonymous.from(Staff.uniqueAddress());
        assertProblem(elsewhere.post(LOGIN, credentials(colleague.username(), colleague.password())), 429,
                "rate-limited");

        ApiClient fromThePc = elsewhere.withHeader("Cookie", pc);
        assertEquals(200, fromThePc.post(LOGIN, credentials(colleague.username(), colleague.password())).status());
        assertEquals(201, fromThePc.post("api/auth/tokens", credentials(colleague.username(), colleague.password()))
                .status(), "a token request carries the device cookie too");
        ApiClient overTls = elsewhere.withHeader("X-Forwarded-Proto", "https");
        assertEquals("basic", overTls.withHeader("Cookie", pc).withBasic(colleague.username(), colleague.password())
                .get("api/auth/me").json().getString("authenticatedBy"), "and Basic credentials sent to /api/auth");
        assertProblem(overTls.withBasic(colleague.username(), colleague.password()).get("api/auth/me"), 401,
                "unauthenticated");
    }

    @Test
    void aDeviceCookieOfOneUserDoesNotHelpGuessAnother() {
        Staff.Member attacker = staff.create("presenter");
        Staff.Member victim = staff.create("presenter");
        ApiClient from = anonymous.from(Staff.uniqueAddress());
        String own = deviceSetCookie(from.post(LOGIN, credentials(attacker.username(), attacker.password())));
        String ownName = own.substring(0, own.indexOf('='));
        String renamed = deviceSetCookie(anonymous.from(Staff.uniqueAddress())
                .post(LOGIN, credentials(victim.username(), victim.password())));
        String forged = renamed.substring(0, renamed.indexOf('=')) + own.substring(own.indexOf('='), own.indexOf(';'));
        assertFalse(ownName.contains(attacker.username()), "the cookie's name does not tell whose it is: " + own);

        for (String cookie : new String[]{cookie(own), forged}) {
            ApiClient withCookie = from.withHeader("Cookie", cookie);
            int checked = 0;
            for (int guess = 0; guess < 11; guess++) {
                checked += withCookie.post(LOGIN, credentials(victim.username(), "guess " + guess)).status() == 401 ? 1 : 0;
            }
            assertEquals(cookie.equals(forged) ? 0 : 10, checked, "untrusted: the address's 10 guesses at the name, "
                    + "used up by the first cookie");
        }
    }

    @Test
    void deviceCookiesAreSignedWithTheKeyKeptInTheDatabase() throws Exception {
        Staff.Member colleague = staff.create("presenter");
        String device = deviceSetCookie(anonymous.from(Staff.uniqueAddress())
                .post(LOGIN, credentials(colleague.username(), colleague.password())));
        byte[] key;
        try (Connection db = PayaraProcess.itDatabaseConnection();
             PreparedStatement select = db.prepareStatement("SELECT secret FROM instance_secret WHERE name = ?")) {
            select.setString(1, "device-cookie-key");
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "the key is kept in the database");
                key = Base64.getDecoder().decode(row.getString(1));
            }
        }
        // the cookie's name is the first 12 bytes of HMAC-SHA256(key, "name|" + user name), in hex
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] name = mac.doFinal(("name|" + colleague.username()).getBytes(StandardCharsets.UTF_8));
        assertTrue(device.startsWith("rounds-device-" + HexFormat.of().formatHex(name, 0, 12) + "="), device);
    }

    /**
     * Guesses at ever new names from one address until even the first guess at a new name is refused: the address's
     * limit is used up. The other 9 guesses at each name go in parallel, as an attacker's would.
     */
    private static Reply guessUntilTheAddressIsUsedUp(ApiClient from) throws Exception {
        try (var parallel = Executors.newFixedThreadPool(9)) {
            for (int names = 0; names < 100; names++) {
                String name = "nobody-" + Staff.uniqueSuffix();
                Reply first = from.post(LOGIN, credentials(name, "a first guess"));
                if (first.status() == 429) {
                    return first;
                }
                assertProblem(first, 401, "login-failed");
                List<Future<Reply>> more = new ArrayList<>();
                for (int guess = 1; guess < 10; guess++) {
                    String password = "guess " + guess;
                    more.add(parallel.submit(() -> from.post(LOGIN, credentials(name, password))));
                }
                for (Future<Reply> reply : more) {
                    int status = reply.get().status();
                    assertTrue(status == 401 || status == 429, reply.get().toString());
                }
            }
        }
        return fail("1,000 guesses from one address were all checked");
    }

    private static String deviceSetCookie(Reply login) {
        assertEquals(200, login.status(), login.body());
        return login.headers("Set-Cookie").stream().filter(c -> c.startsWith("rounds-device-")).findFirst()
                .orElseThrow(() -> new AssertionError("no device cookie: " + login.headers("Set-Cookie")));
    }

    private static String cookie(String setCookie) {
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static void assertProblem(Reply reply, int status, String type) {
        assertEquals(status, reply.status(), reply.toString());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(type, reply.problemType(), reply.body());
    }
}
