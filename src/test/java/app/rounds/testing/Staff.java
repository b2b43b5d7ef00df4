package app.rounds.testing;

import jakarta.json.Json;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Staff users made for one test, through the admin API, with names no other test or run uses. */
public final class Staff {

    public record Member(String username, String password, ApiClient client) {
    }

    private final ApiClient admin;

    public Staff(ApiClient anonymous) {
        this.admin = anonymous.withBearerFor("admin", PayaraProcess.adminPassword());
    }

    public ApiClient admin() {
        return admin;
    }

    public Member create(String... roles) {
        String username = (roles.length == 0 ? "staff" : roles[0]) + "-" + uniqueSuffix();
        String password = "pw-" + uniqueSuffix() + "-long-enough";
        Reply created = admin.post("api/users", Json.createObjectBuilder()
                .add("username", username)
                .add("displayName", "Test " + username)
                .add("password", password)
                .add("roles", Json.createArrayBuilder(List.of(roles)))
                .build().toString());
        if (created.status() != 201) {
            throw new AssertionError("could not create " + username + ": " + created);
        }
        ApiClient anonymous = admin.without("Authorization");
        return new Member(username, password, anonymous.withBearerFor(username, password));
    }

    public static String uniqueSuffix() {
        return Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
    }

    /** A fresh client address, so rate limits met in one test do not leak into another. */
    public static String uniqueAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }
}
