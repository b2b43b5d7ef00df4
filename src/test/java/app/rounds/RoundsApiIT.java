package app.rounds;

import app.rounds.testing.ApiClient;
import app.rounds.testing.QrCodes;
import app.rounds.testing.Reply;
import app.rounds.testing.RunningRounds;
import app.rounds.testing.ResourceClasses;
import app.rounds.testing.Staff;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.reflect.Method;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static app.rounds.testing.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The REST API over real HTTP against the deployed WAR on Payara Micro and a real MariaDB: authentication and roles,
 * problem answers, sessions and their rules, joining by code, health and OpenAPI.
 */
@ExtendWith(RunningRounds.class)
class RoundsApiIT {

    @RunningRounds.Base
    URL base;

    ApiClient anonymous;
    Staff staff;

    @BeforeEach
    void clients() {
        anonymous = ApiClient.anonymous(base).from(Staff.uniqueAddress());
        staff = new Staff(anonymous);
    }

    // --- platform -------------------------------------------------------------------------------------------

    @Test
    void readinessChecksTheDatabaseAndLivenessAnswers() {
        Reply ready = anonymous.get("health/ready");
        assertEquals(200, ready.status(), ready.body());
        assertEquals("UP", ready.json().getString("status"));
        assertTrue(ready.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .anyMatch(c -> c.getString("name").equals("database") && c.getString("status").equals("UP")), ready.body());
        assertEquals(200, anonymous.get("health/live").status());
    }

    @Test
    void openApiDescribesEveryEndpoint() {
        Reply openApi = anonymous.withHeader("Accept", "application/json").get("openapi");
        assertEquals(200, openApi.status());
        JsonObject paths = openApi.json().getJsonObject("paths");
        List<String> missing = new ArrayList<>();
        for (Class<?> resource : ResourceClasses.all()) {
            String root = "/api/" + resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                Path sub = method.getAnnotation(Path.class);
                String path = sub == null ? root : root + "/" + sub.value();
                if (isResourceMethod(method) && !paths.containsKey(path)) {
                    missing.add(path);
                }
            }
        }
        assertEquals(List.of(), missing, "paths missing from /openapi: " + paths.keySet());
    }

    @Test
    void everyResponseCarriesSecurityHeaders() {
        for (Reply reply : List.of(anonymous.get(""), anonymous.get("js/api.js"), anonymous.get("api/sessions"),
                anonymous.get("api/no-such-thing"))) {
            String csp = reply.header("Content-Security-Policy");
            assertNotNull(csp, reply.toString());
            assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
            assertTrue(csp.contains("frame-ancestors 'none'"), csp);
            assertEquals("nosniff", reply.header("X-Content-Type-Options"));
            assertEquals("no-referrer", reply.header("Referrer-Policy"));
        }
        assertEquals("no-store", anonymous.get("api/sessions").header("Cache-Control"));
    }

    @Test
    void unknownAddressesGetProblem404() {
        Reply reply = anonymous.get("api/no-such-thing");
        assertProblem(reply, 404, "http-404");
    }

    // --- authentication and roles ----------------------------------------------------------------------------

    @Test
    void anonymousCallersGet401Problems() {
        Reply create = anonymous.post("api/sessions", json("{'title':'Sneaky'}"));
        assertProblem(create, 401, "unauthenticated");
        assertTrue(create.header("WWW-Authenticate").startsWith("Bearer"), "never a Basic challenge browsers cache");
        assertProblem(anonymous.get("api/sessions"), 401, "unauthenticated");
        assertProblem(anonymous.get("api/users"), 401, "unauthenticated");
        assertProblem(anonymous.get("api/auth/me"), 401, "unauthenticated");
    }

    @Test
    void callersWithoutTheRoleGet403Problems() {
        Staff.Member reviewer = staff.create("reviewer");
        Staff.Member presenter = staff.create("presenter");
        assertProblem(reviewer.client().post("api/sessions", json("{'title':'Not mine to run'}")), 403, "forbidden");
        assertProblem(reviewer.client().get("api/sessions"), 403, "forbidden");
        assertProblem(presenter.client().get("api/users"), 403, "forbidden");
        assertProblem(presenter.client().post("api/users", json("{'username':'x1','password':'long enough pw','roles':['admin']}")),
                403, "forbidden");
    }

    @Test
    void browserSessionHasAHardenedCookieAndNeedsTheCsrfTokenForChanges() {
        Staff.Member presenter = staff.create("presenter");
        Reply login = anonymous.post("api/auth/login", ApiClient.credentials(presenter.username(), presenter.password()));
        assertEquals(200, login.status(), login.body());
        String cookie = login.header("Set-Cookie");
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("Secure"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=strict"), cookie);

        ApiClient browser = anonymous.withBrowserSession(presenter.username(), presenter.password());
        JsonObject me = browser.get("api/auth/me").json();
        assertEquals(presenter.username(), me.getString("username"));
        assertEquals("session", me.getString("authenticatedBy"));
        assertEquals(List.of("presenter"), me.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());

        assertProblem(browser.without("X-CSRF-Token").post("api/sessions", json("{'title':'Forged'}")), 403,
                "csrf-token-invalid");
        assertProblem(browser.withHeader("X-CSRF-Token", "guess").post("api/sessions", json("{'title':'Forged'}")), 403,
                "csrf-token-invalid");
        assertProblem(browser.withHeader("Origin", "https://evil.example").post("api/sessions", json("{'title':'Forged'}")),
                403, "forbidden");
        assertEquals(0, browser.get("api/sessions").array().size(), "no forged session was stored");
        assertEquals(201, browser.post("api/sessions", json("{'title':'Real'}")).status());

        assertEquals(204, browser.post("api/auth/logout", null).status());
        assertProblem(browser.get("api/auth/me"), 401, "unauthenticated");
    }

    @Test
    void bearerTokensWorkUntilRevoked() {
        Staff.Member presenter = staff.create("presenter");
        Reply issued = anonymous.post("api/auth/tokens", ApiClient.credentials(presenter.username(), presenter.password()));
        assertEquals(201, issued.status(), issued.body());
        assertEquals("Bearer", issued.json().getString("tokenType"));
        assertNotNull(issued.json().getString("expiresAt"));
        ApiClient script = anonymous.withBearer(issued.json().getString("token"));
        assertEquals("bearer", script.get("api/auth/me").json().getString("authenticatedBy"));
        assertNull(script.get("api/auth/me").json().get("csrfToken"), "bearer clients need no CSRF token");
        assertEquals(201, script.post("api/sessions", json("{'title':'From a script'}")).status());

        assertEquals(204, script.delete("api/auth/tokens/current").status());
        Reply revoked = script.get("api/sessions");
        assertProblem(revoked, 401, "unauthenticated");
        assertTrue(revoked.json().getString("detail").contains("not valid"), revoked.body());
    }

    @Test
    void basicCredentialsWorkForScripts() {
        Staff.Member presenter = staff.create("presenter");
        ApiClient overTls = anonymous.withHeader("X-Forwarded-Proto", "https"); // as the trusted proxy says
        ApiClient basic = overTls.withBasic(presenter.username(), presenter.password());
        assertEquals("basic", basic.get("api/auth/me").json().getString("authenticatedBy"));
        assertProblem(overTls.withBasic(presenter.username(), "wrong password").get("api/sessions"), 401,
                "unauthenticated");
        Reply plain = anonymous.withBasic(presenter.username(), presenter.password()).get("api/sessions");
        assertProblem(plain, 401, "unauthenticated");
        assertTrue(plain.json().getString("detail").contains("HTTPS"), "it says why: " + plain.body());
    }

    @Test
    void failedLoginsFromOneAddressAreThrottledEvenWhenSentAllAtOnce() throws Exception {
        Staff.Member presenter = staff.create("presenter");
        String wrong = ApiClient.credentials(presenter.username(), "not the password");
        List<Reply> replies;
        try (var parallel = Executors.newFixedThreadPool(20)) {
            List<Future<Reply>> sent = new ArrayList<>();
            for (int attempt = 1; attempt <= 20; attempt++) {
                sent.add(parallel.submit(() -> anonymous.post("api/auth/login", wrong)));
            }
            replies = new ArrayList<>();
            for (Future<Reply> reply : sent) {
                replies.add(reply.get());
            }
        }
        assertEquals(10, replies.stream().filter(r -> r.status() == 401).count(), "10 guesses are checked: " + replies);
        assertEquals(10, replies.stream().filter(r -> r.status() == 429).count(), "the other 10 are refused: " + replies);
        Reply throttled = anonymous.post("api/auth/login", ApiClient.credentials(presenter.username(), presenter.password()));
        assertProblem(throttled, 429, "rate-limited");
        assertTrue(Integer.parseInt(throttled.header("Retry-After")) > 0);
        Reply elsewhere = anonymous.from(Staff.uniqueAddress())
                .post("api/auth/login", ApiClient.credentials(presenter.username(), presenter.password()));
        assertEquals(200, elsewhere.status(), elsewhere.body());
    }

    @Test
    void adminsManageUsersAndRoles() {
        ApiClient admin = staff.admin();
        String username = "nurse-" + Staff.uniqueSuffix();
        Reply created = admin.post("api/users", json("{'username':'" + username.toUpperCase() + "','displayName':'Nurse Educator',"
                + "'password':'correct horse battery','roles':['Presenter']}"));
        assertEquals(201, created.status(), created.body());
        assertEquals(username, created.json().getString("username"), "user names are stored in lower case");
        assertTrue(created.header("Location").endsWith("/api/users/" + username));

        assertProblem(admin.post("api/users", json("{'username':'" + username + "','password':'correct horse battery','roles':['presenter']}")),
                409, "username-taken");
        Reply invalid = admin.post("api/users", json("{'username':'x','password':'short','roles':['surgeon']}"));
        assertProblem(invalid, 400, "validation-failed");
        assertEquals(List.of("password", "roles", "username"), invalid.problemFields(), "every field at fault: " + invalid.body());
        Reply noRoles = admin.post("api/users", json("{'username':'nobody-" + Staff.uniqueSuffix() + "','password':'correct horse battery','roles':[]}"));
        assertProblem(noRoles, 400, "validation-failed");
        assertEquals(List.of("roles"), noRoles.problemFields());

        ApiClient nurse = anonymous.withBearerFor(username, "correct horse battery");
        assertProblem(nurse.get("api/users"), 403, "forbidden");
        Reply promoted = admin.put("api/users/" + username, json("{'displayName':'Nurse Educator','roles':['presenter','admin'],'enabled':true}"));
        assertEquals(200, promoted.status(), promoted.body());
        assertEquals(200, nurse.get("api/users").status(), "roles apply from the next request");

        assertEquals(200, admin.put("api/users/" + username, json("{'roles':['presenter'],'enabled':false}")).status());
        assertProblem(nurse.get("api/sessions"), 401, "unauthenticated");
        assertProblem(anonymous.post("api/auth/login", ApiClient.credentials(username, "correct horse battery")), 401,
                "login-failed");
        assertProblem(admin.get("api/users/nobody-here"), 404, "user-not-found");
    }

    @Test
    void aNewPasswordEndsTheUsersOtherSessionsAndTokens() {
        Staff.Member presenter = staff.create("presenter");
        ApiClient browser = anonymous.withBrowserSession(presenter.username(), presenter.password());
        ApiClient otherBrowser = anonymous.withBrowserSession(presenter.username(), presenter.password());
        ApiClient script = presenter.client();

        Reply changed = browser.put("api/auth/password",
                json("{'currentPassword':'" + presenter.password() + "','newPassword':'a new long password'}"));
        assertEquals(200, changed.status(), changed.body());
        ApiClient sameBrowser = browser.withHeader("X-CSRF-Token", changed.json().getString("csrfToken"))
                .withHeader("Cookie", changed.header("Set-Cookie").substring(0, changed.header("Set-Cookie").indexOf(';')));
        assertEquals(201, sameBrowser.post("api/sessions", json("{'title':'Still logged in here'}")).status());
        assertProblem(otherBrowser.get("api/sessions"), 401, "unauthenticated");
        assertProblem(script.get("api/sessions"), 401, "unauthenticated");

        ApiClient newScript = anonymous.withBearerFor(presenter.username(), "a new long password");
        assertEquals(204, staff.admin().put("api/users/" + presenter.username() + "/password",
                json("{'password':'reset by the admin'}")).status());
        assertProblem(newScript.get("api/sessions"), 401, "unauthenticated");
        assertProblem(sameBrowser.get("api/sessions"), 401, "unauthenticated");
        assertEquals(200, anonymous.post("api/auth/login", ApiClient.credentials(presenter.username(), "reset by the admin")).status());
    }

    @Test
    void loggedInStaffMayStillLogInAgainAndJoinAsTrainees() {
        Staff.Member presenter = staff.create("presenter");
        ApiClient browser = anonymous.withBrowserSession(presenter.username(), presenter.password()).without("X-CSRF-Token");
        String code = presenter.client().post("api/sessions", json("{'title':'Open doors'}")).json().getString("joinCode");
        assertEquals(201, browser.post("api/participants", json("{'code':'" + code + "'}")).status());
        assertEquals(200, browser.post("api/auth/login", ApiClient.credentials(presenter.username(), presenter.password())).status());
    }

    @Test
    void staffChangeTheirOwnPassword() {
        Staff.Member presenter = staff.create("presenter");
        assertProblem(presenter.client().put("api/auth/password",
                json("{'currentPassword':'wrong','newPassword':'a new long password'}")), 400, "validation-failed");
        assertProblem(presenter.client().put("api/auth/password",
                json("{'currentPassword':'" + presenter.password() + "','newPassword':'short'}")), 400, "validation-failed");
        assertEquals(200, presenter.client().put("api/auth/password",
                json("{'currentPassword':'" + presenter.password() + "','newPassword':'a new long password'}")).status());
        assertProblem(anonymous.post("api/auth/login", ApiClient.credentials(presenter.username(), presenter.password())),
                401, "login-failed");
        assertEquals(200, anonymous.post("api/auth/login", ApiClient.credentials(presenter.username(), "a new long password")).status());
    }

    // --- sessions --------------------------------------------------------------------------------------------

    @Test
    void malformedJsonGets400AndStoresNothing() {
        ApiClient presenter = staff.create("presenter").client();
        assertProblem(presenter.post("api/sessions", "{\"title\": \"Broken"), 400, "malformed-json");
        assertProblem(presenter.post("api/sessions", json("{'title':'x','scheduledStart':'next tuesday'}")), 400, "malformed-json");
        assertProblem(presenter.post("api/sessions", json("{'title':'x','moderationMode':'WHENEVER'}")), 400, "malformed-json");
        assertEquals(0, presenter.get("api/sessions").array().size());
    }

    @Test
    void validationErrorsNameEveryFieldAndStoreNothing() {
        ApiClient presenter = staff.create("presenter").client();
        Reply invalid = presenter.post("api/sessions", json("{'title':' ','hashtag':'hand hygiene','facility':'" + "x".repeat(201) + "'}"));
        assertProblem(invalid, 400, "validation-failed");
        assertEquals(List.of("facility", "hashtag", "title"), invalid.problemFields());

        Reply backwards = presenter.post("api/sessions", json("{'title':'Sepsis','scheduledStart':'2026-12-01T10:00:00Z','scheduledEnd':'2026-12-01T09:00:00Z'}"));
        assertProblem(backwards, 400, "validation-failed");
        assertEquals(List.of("scheduledEnd"), backwards.problemFields());

        Reply digitsOnly = presenter.post("api/sessions", json("{'title':'Sepsis','hashtag':'#2026'}"));
        assertEquals(List.of("hashtag"), digitsOnly.problemFields());
        assertProblem(presenter.post("api/sessions", null), 400, "validation-failed");
        assertEquals(0, presenter.get("api/sessions").array().size());
    }

    @Test
    void sessionGoesFromScheduledToLiveToEndedAndNeverBack() {
        ApiClient presenter = staff.create("presenter").client();
        Reply created = presenter.post("api/sessions", json("{'title':'Central line care','facility':'Skills lab 2',"
                + "'scheduledStart':'2026-12-01T09:00:00Z','scheduledEnd':'2026-12-01T10:30:00Z','hashtag':'#CLine" + Staff.uniqueSuffix() + "'}"));
        assertEquals(201, created.status(), created.body());
        JsonObject session = created.json();
        String id = session.getString("id");
        assertTrue(created.header("Location").endsWith("/api/sessions/" + id));
        assertEquals("SCHEDULED", session.getString("status"));
        assertEquals("PRE_MODERATION", session.getString("moderationMode"), "pre-moderation by default");
        assertTrue(session.getString("joinCode").matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}"), session.getString("joinCode"));
        assertTrue(session.getString("joinUrl").endsWith("/?code=" + session.getString("joinCode").replace("-", "")));

        Reply revised = presenter.put("api/sessions/" + id, json("{'title':'Central line care (updated)','moderationMode':'POST_MODERATION'}"));
        assertEquals(200, revised.status(), revised.body());
        assertEquals("POST_MODERATION", revised.json().getString("moderationMode"));
        assertFalse(revised.json().containsKey("hashtag"), "the hashtag was removed");
        assertEquals(session.getString("joinCode"), revised.json().getString("joinCode"), "the code stays");

        assertEquals("LIVE", presenter.post("api/sessions/" + id + "/start", null).json().getString("status"));
        assertProblem(presenter.post("api/sessions/" + id + "/start", null), 409, "status-transition-not-allowed");
        JsonObject ended = presenter.post("api/sessions/" + id + "/end", null).json();
        assertEquals("ENDED", ended.getString("status"));
        assertNotNull(ended.getString("startedAt"));
        assertNotNull(ended.getString("endedAt"));
        assertProblem(presenter.post("api/sessions/" + id + "/end", null), 409, "status-transition-not-allowed");
        assertProblem(presenter.post("api/sessions/" + id + "/start", null), 409, "status-transition-not-allowed");
        assertProblem(presenter.put("api/sessions/" + id, json("{'title':'Too late'}")), 409, "session-ended");
        assertEquals("Central line care (updated)", presenter.get("api/sessions/" + id).json().getString("title"));
        assertEquals(1, presenter.get("api/sessions?status=ENDED").array().size());
        assertEquals(1, presenter.get("api/sessions?status=ended").array().size());
        assertEquals(0, presenter.get("api/sessions?status=LIVE").array().size());
        Reply badFilter = presenter.get("api/sessions?status=finished");
        assertProblem(badFilter, 400, "validation-failed");
        assertEquals(List.of("status"), badFilter.problemFields());
    }

    @Test
    void hashtagIsUniqueCaseInsensitivelyAmongSessionsNotEnded() {
        ApiClient presenter = staff.create("presenter").client();
        ApiClient communicator = staff.create("communicator").client();
        String tag = "Sepsis" + Staff.uniqueSuffix();
        String first = presenter.post("api/sessions", json("{'title':'Sepsis 1','hashtag':'#" + tag + "'}")).json().getString("id");
        Reply clash = communicator.post("api/sessions", json("{'title':'Sepsis 2','hashtag':'" + tag.toUpperCase() + "'}"));
        assertProblem(clash, 409, "hashtag-taken");
        assertEquals(List.of("hashtag"), clash.problemFields());

        presenter.post("api/sessions/" + first + "/end", null);
        Reply reused = communicator.post("api/sessions", json("{'title':'Sepsis 2','hashtag':'" + tag.toLowerCase() + "'}"));
        assertEquals(201, reused.status(), "an ended session frees its hashtag: " + reused.body());
    }

    @Test
    void sessionsAreForTheirOwnerAndAdmins() {
        ApiClient owner = staff.create("presenter").client();
        ApiClient colleague = staff.create("presenter").client();
        String id = owner.post("api/sessions", json("{'title':'Mine'}")).json().getString("id");
        assertProblem(colleague.get("api/sessions/" + id), 403, "forbidden");
        assertProblem(colleague.post("api/sessions/" + id + "/end", null), 403, "forbidden");
        assertTrue(colleague.get("api/sessions").array().isEmpty());
        assertEquals(200, staff.admin().get("api/sessions/" + id).status());
        assertProblem(owner.get("api/sessions/no-such-id"), 404, "session-not-found");
    }

    @Test
    void qrCodeEncodesTheJoinLink() throws Exception {
        ApiClient presenter = staff.create("presenter").client();
        JsonObject session = presenter.post("api/sessions", json("{'title':'QR'}")).json();
        Reply qr = presenter.get(session.getString("qrCodeUrl").substring(1));
        assertEquals(200, qr.status());
        assertTrue(qr.contentType().startsWith("image/svg+xml"), qr.contentType());
        assertEquals(session.getString("joinUrl"), QrCodes.decodeSvg(qr.body()));
        assertProblem(anonymous.get(session.getString("qrCodeUrl").substring(1)), 401, "unauthenticated");
    }

    // --- trainees joining ------------------------------------------------------------------------------------

    @Test
    void traineesJoinWithTheCodeAndGetAPseudonymousToken() {
        ApiClient presenter = staff.create("presenter").client();
        JsonObject session = presenter.post("api/sessions", json("{'title':'Hand hygiene','facility':'Ward 5 seminar room'}")).json();
        String typed = session.getString("joinCode").toLowerCase();

        Reply joined = anonymous.post("api/participants", json("{'code':'" + typed + "','displayName':'Sam'}"));
        assertEquals(201, joined.status(), joined.body());
        String token = joined.json().getString("token");
        assertTrue(token.length() >= 43, "256 random bits");
        JsonObject summary = joined.json().getJsonObject("session");
        assertEquals("Hand hygiene", summary.getString("title"));
        assertFalse(summary.containsKey("joinCode") || summary.containsKey("id") || summary.containsKey("ownerId"),
                "trainees see nothing about staff or codes: " + summary);

        Reply me = anonymous.withHeader("Rounds-Participant", token).get("api/participants/me");
        assertEquals(200, me.status(), me.body());
        assertEquals("Sam", me.json().getString("displayName"));
        assertFalse(me.json().containsKey("token"), "the token is shown only once");
        assertEquals("Ward 5 seminar room", me.json().getJsonObject("session").getString("facility"));

        Reply anonymousJoin = anonymous.post("api/participants", json("{'code':'" + session.getString("joinCode").replace("-", " ") + "'}"));
        assertEquals(201, anonymousJoin.status());
        assertFalse(anonymousJoin.json().containsKey("displayName"));
        assertProblem(anonymous.withHeader("Rounds-Participant", "made-up").get("api/participants/me"), 401, "unauthenticated");
        assertProblem(anonymous.post("api/participants", json("{'code':''}")), 400, "validation-failed");
    }

    @Test
    void wrongJoinCodesAreRateLimitedPerAddress() {
        ApiClient presenter = staff.create("presenter").client();
        String code = presenter.post("api/sessions", json("{'title':'Rate limits'}")).json().getString("joinCode");
        for (int attempt = 1; attempt <= 30; attempt++) {
            assertProblem(anonymous.post("api/participants", json("{'code':'ZZZZ-ZZZ" + (attempt % 8 + 2) + "'}")), 404,
                    "join-code-unknown");
        }
        // the bucket refills one attempt every 2 s, so a join right after a refusal may still meet a fresh one: spend
        // what refilled until a wrong code is refused, join at once, and try again if a refill came between the two
        Reply limited = null;
        for (int round = 0; round < 5 && (limited == null || limited.status() != 429); round++) {
            Reply wrong = anonymous.post("api/participants", json("{'code':'ZZZZ-ZZZ2'}"));
            for (int refilled = 0; refilled < 100 && wrong.status() == 404; refilled++) {
                wrong = anonymous.post("api/participants", json("{'code':'ZZZZ-ZZZ2'}"));
            }
            assertProblem(wrong, 429, "rate-limited");
            limited = anonymous.post("api/participants", json("{'code':'" + code + "'}"));
        }
        assertProblem(limited, 429, "rate-limited");
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1);
        assertEquals(201, anonymous.from(Staff.uniqueAddress()).post("api/participants", json("{'code':'" + code + "'}")).status());
    }

    @Test
    void endedSessionsCannotBeJoined() {
        ApiClient presenter = staff.create("presenter").client();
        JsonObject session = presenter.post("api/sessions", json("{'title':'Over'}")).json();
        presenter.post("api/sessions/" + session.getString("id") + "/end", null);
        assertProblem(anonymous.post("api/participants", json("{'code':'" + session.getString("joinCode") + "'}")), 410,
                "session-ended");
    }

    private static void assertProblem(Reply reply, int status, String type) {
        assertEquals(status, reply.status(), reply.toString());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(type, reply.problemType(), reply.body());
        assertEquals(status, reply.json().getInt("status"));
        assertFalse(reply.body().contains("Exception") || reply.body().contains("\tat "), "no stack trace: " + reply.body());
    }

    private static boolean isResourceMethod(Method method) {
        return java.util.stream.Stream.of(jakarta.ws.rs.GET.class, jakarta.ws.rs.POST.class, jakarta.ws.rs.PUT.class,
                jakarta.ws.rs.DELETE.class).anyMatch(method::isAnnotationPresent);
    }
}
