package app.rounds.platform.boundary;

import app.rounds.platform.control.ProblemException.FieldError;
import app.rounds.security.boundary.AuthResource;
import app.rounds.security.boundary.UsersResource;
import app.rounds.sessions.boundary.SessionsResource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rules beyond single fields, as Bean Validation reports them together with the fields' constraints. */
class FieldRulesTest {

    static final Instant NINE = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void aSessionReportsEveryBrokenRuleAtOnceInWords() {
        var request = new SessionsResource.SessionRequest("Sepsis", null, null, NINE, NINE.minusSeconds(3600),
                "#2026", null, null);
        assertEquals(List.of(
                        new FieldError("hashtag", "A hashtag needs at least one letter, such as #HandHygiene2026."),
                        new FieldError("scheduledEnd", "The end must be after the start.")),
                request.brokenRules());
        assertEquals(List.of(new FieldError("hashtag",
                        "A hashtag can have 1 to 50 letters, digits or underscores, without spaces.")),
                new SessionsResource.SessionRequest("Sepsis", null, null, NINE, null, "hand hygiene", null, null)
                        .brokenRules());
        assertEquals(List.of(), new SessionsResource.SessionRequest("Sepsis", null, null, NINE, NINE.plusSeconds(60),
                "#Sepsis2026", null, null).brokenRules());
    }

    @Test
    void aNewUserReportsNameAndPasswordAndRolesTogether() {
        var user = new UsersResource.NewUser("x", null, "short", List.of("surgeon"));
        assertEquals(List.of(
                new FieldError("username", "The user name can have 2 to 64 letters, digits, dots, dashes or "
                        + "underscores, starting with a letter or digit."),
                new FieldError("password", "The password needs at least 12 characters (this one has 5)."),
                new FieldError("roles", "Roles are presenter, communicator, reviewer and admin; “surgeon” is not "
                        + "one of them.")), user.brokenRules());
        // what the constraints report (missing, empty) is not reported twice
        assertEquals(List.of(), new UsersResource.NewUser(" ", null, null, List.of()).brokenRules());
    }

    @Test
    void aNewPasswordIsCheckedUnderTheNameOfItsField() {
        assertEquals(List.of(new FieldError("newPassword", "The new password needs at least 12 characters (this one has 3).")),
                new AuthResource.PasswordChange("whatever", "abc").brokenRules());
        assertEquals(List.of(new FieldError("password", "The password can be at most 128 characters (this one has 129).")),
                new UsersResource.NewPassword("p".repeat(129)).brokenRules());
    }

    @Test
    void whatAClientSentIsNeverReadAsAMessageExpression() {
        assertEquals("\\$\\{1+1\\} \\{jakarta.validation.constraints.NotNull.message\\} a\\\\b #x",
                FieldRules.Check.literal("${1+1} {jakarta.validation.constraints.NotNull.message} a\\b #x"));
    }
}
