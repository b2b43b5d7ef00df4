package app.rounds;

import app.rounds.testing.ApiClient;
import app.rounds.testing.Reply;
import app.rounds.testing.RunningRounds;
import app.rounds.testing.Staff;
import app.rounds.testing.TestPhotos;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static app.rounds.testing.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invalid input over real HTTP: one problem+json naming every field at fault, each in a sentence with the field's
 * label ("The title is required."), under the name of the page's input; never a validator's message ("must not be
 * blank", "size must be between 0 and 1000") nor a Java path ("admin.roles"); nothing stored.
 */
@ExtendWith(RunningRounds.class)
// one photo upload, for the consent form
@ResourceLock(value = RunningRounds.MEDIA_FOLDER, mode = ResourceAccessMode.READ)
class FieldErrorsIT {

    @RunningRounds.Base
    URL base;

    ApiClient anonymous;
    Staff staff;
    ApiClient presenter;

    @BeforeEach
    void clients() {
        anonymous = ApiClient.anonymous(base).from(Staff.uniqueAddress());
        staff = new Staff(anonymous);
        presenter = staff.create("presenter", "communicator").client();
    }

    @Test
    void aSessionWithFourFaultsHearsOfAllFourInWords() {
        String body = Json.createObjectBuilder().add("title", " ").add("description", "x".repeat(4204))
                .add("hashtag", "hand hygiene").add("scheduledStart", "2026-12-01T10:00:00Z")
                .add("scheduledEnd", "2026-12-01T09:00:00Z").build().toString();
        Reply invalid = presenter.post("api/sessions", body);
        assertEquals(Map.of(
                "description", "The description can be at most 4,000 characters (this one has 4,204).",
                "hashtag", "A hashtag can have 1 to 50 letters, digits or underscores, without spaces.",
                "scheduledEnd", "The end must be after the start.",
                "title", "The title is required."), fieldErrors(invalid));
        assertTrue(invalid.json().getString("detail").contains("The end must be after the start."),
                "detail still says it for clients that show only the detail: " + invalid.body());
        assertEquals(0, presenter.get("api/sessions").array().size(), "nothing stored");

        Reply digitsOnly = presenter.post("api/sessions", json("{'title':'Sepsis','hashtag':'#2026'}"));
        assertEquals(Map.of("hashtag", "A hashtag needs at least one letter, such as #HandHygiene2026."),
                fieldErrors(digitsOnly));
        assertEquals(Map.of("body", "The request needs a JSON body."), fieldErrors(presenter.post("api/sessions", null)));
    }

    @Test
    void aNewUserHearsOfNamePasswordAndRolesAtOnceAndWhatItSentIsQuotedNotInterpreted() {
        ApiClient admin = staff.admin();
        String role = "${1+1}{org.hibernate.validator.constraints.URL.message}"; // read as a template: "must be a valid URL"
        String body = Json.createObjectBuilder().add("username", "x").add("password", "short")
                .add("roles", Json.createArrayBuilder().add(role)).build().toString();
        assertEquals(Map.of(
                "username", "The user name can have 2 to 64 letters, digits, dots, dashes or underscores, starting "
                        + "with a letter or digit.",
                "password", "The password needs at least 12 characters (this one has 5).",
                "roles", "Roles are presenter, communicator, reviewer and admin; “" + role + "” is not one of them."),
                fieldErrors(admin.post("api/users", body)));

        Reply noRoles = admin.put("api/users/admin", json("{'roles':[],'enabled':true}"));
        assertEquals(Map.of("roles", "Choose at least one role."), fieldErrors(noRoles));
        assertEquals("Choose at least one role.", noRoles.json().getString("detail"), "no field path in the detail");
        assertEquals(Map.of("roles", "Each role needs a name."),
                fieldErrors(admin.put("api/users/admin", json("{'roles':[' '],'enabled':true}"))));
    }

    @Test
    void passwordsAreJudgedInWords() {
        Staff.Member nurse = staff.create("presenter");
        assertEquals(Map.of("newPassword", "The new password needs at least 12 characters (this one has 3)."),
                fieldErrors(nurse.client().put("api/auth/password",
                        json("{'currentPassword':'" + nurse.password() + "','newPassword':'abc'}"))));
        assertEquals(Map.of("currentPassword", "Your current password is not the one you typed."),
                fieldErrors(nurse.client().put("api/auth/password",
                        json("{'currentPassword':'not it at all','newPassword':'a long new password'}"))));
        assertEquals(Map.of("password", "The password needs at least 12 characters (this one has 4)."),
                fieldErrors(staff.admin().put("api/users/" + nurse.username() + "/password", json("{'password':'abcd'}"))));
    }

    @Test
    void traineesHighlightsAndSourcesAnswerInWordsToo() {
        JsonObject session = presenter.post("api/sessions", json("{'title':'Words " + Staff.uniqueSuffix() + "'}")).json();
        String sessionId = session.getString("id");
        Reply joined = anonymous.post("api/participants", json("{'code':'" + session.getString("joinCode") + "'}"));
        ApiClient trainee = anonymous.withHeader("Rounds-Participant", joined.json().getString("token"));

        assertEquals(Map.of("rating", "The rating is 1 to 5 stars.",
                        "comment", "The comment can be at most 1,000 characters (this one has 1,204)."),
                fieldErrors(trainee.post("api/participants/me/feedback", Json.createObjectBuilder().add("rating", 9)
                        .add("comment", "c".repeat(1204)).build().toString())));
        assertEquals(Map.of("text", "Write your question first."),
                fieldErrors(trainee.post("api/participants/me/questions", json("{'text':'  '}"))));

        assertEquals(Map.of("title", "The title is required."),
                fieldErrors(presenter.post("api/sessions/" + sessionId + "/highlights", json("{'title':''}"))));
        String highlight = presenter.post("api/sessions/" + sessionId + "/highlights", json("{'title':'Words'}"))
                .json().getString("id");
        assertEquals(Map.of("summary", "The summary can be at most 500 characters (this one has 620).", "title",
                        "The title is required."),
                fieldErrors(presenter.put("api/highlights/" + highlight, Json.createObjectBuilder().add("title", "")
                        .add("summary", "s".repeat(620)).build().toString())));
        assertEquals(Map.of("justifications[0].justification",
                        "The reason to go ahead needs 10 to 1,000 characters (this one has 3).",
                        "justifications[0].reason", "The kind of finding is required."),
                fieldErrors(presenter.post("api/highlights/" + highlight + "/submission", json(
                        "{'justifications':[{'field':'summary','excerpt':'x','justification':'ok.'}]}"))));

        assertEquals(Map.of("kind", "Choose the kind of source.", "label", "The name of the source is required."),
                fieldErrors(presenter.post("api/sessions/" + sessionId + "/sources", json("{'label':''}"))));
    }

    @Test
    void aConsentWithoutChoicesNamesEachChoiceMissing() throws Exception {
        String sessionId = presenter.post("api/sessions", json("{'title':'Consent " + Staff.uniqueSuffix() + "'}"))
                .json().getString("id");
        HttpResponse<String> uploaded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "api/sessions/" + sessionId + "/media?name=ward.jpg"))
                .header("Authorization", presenter.header("Authorization"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(TestPhotos.withExif(320, 240))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        String item;
        try (var reader = Json.createReader(new StringReader(uploaded.body()))) {
            item = reader.readObject().getString("id");
        }
        String media = "api/sessions/" + sessionId + "/media/" + item;
        assertEquals(Map.of(
                "person", "Name the person, or give a reference such as the number on their form.",
                "relation", "Choose how the person is related to the session: staff, trainee, patient or visitor.",
                "scope", "Choose what the person agreed to: publication or internal use only.",
                "status", "Choose whether the person has granted consent or it is still pending."),
                fieldErrors(presenter.post(media + "/consents", json("{'person':''}"))));
        assertEquals(Map.of("caption", "The caption can be at most 1,000 characters (this one has 1,204)."),
                fieldErrors(presenter.put(media, Json.createObjectBuilder().add("caption", "c".repeat(1204))
                        .build().toString())));
        assertEquals(0, presenter.get(media).json().getJsonArray("consents").size(), "nothing stored");
    }

    /** The field errors of a validation problem, checked for the shape every one of them has. */
    static Map<String, String> fieldErrors(Reply reply) {
        assertEquals(400, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals("validation-failed", reply.problemType());
        Map<String, String> errors = new LinkedHashMap<>();
        for (JsonObject error : reply.json().getJsonArray("errors").getValuesAs(JsonObject.class)) {
            String message = error.getString("message");
            assertFalse(message.matches("(?s).*(must not be|size must|must be between|jakarta\\.|arg\\d).*"),
                    "a validator's words: " + message);
            errors.put(error.getString("field"), message);
        }
        assertFalse(errors.isEmpty(), reply.body());
        return errors;
    }

    @Test
    void theExportSaysWhenFeedbackWasGivenAndHowManyRowsItHolds() {
        JsonObject session = presenter.post("api/sessions", json("{'title':'Export " + Staff.uniqueSuffix() + "'}")).json();
        String sessionId = session.getString("id");
        for (int rating : List.of(2, 5)) {
            Reply joined = anonymous.post("api/participants", json("{'code':'" + session.getString("joinCode") + "'}"));
            ApiClient trainee = anonymous.withHeader("Rounds-Participant", joined.json().getString("token"));
            assertTrue(trainee.post("api/participants/me/feedback", json("{'rating':" + rating + ",'comment':'Rated "
                    + rating + " of 5'}")).status() < 300);
        }
        Reply csv = presenter.get("api/sessions/" + sessionId + "/export.csv");
        assertEquals(200, csv.status(), csv.body());
        assertEquals("0", csv.header("Rounds-Export-Questions"));
        assertEquals("2", csv.header("Rounds-Export-Feedback"));
        List<String> feedbackRows = csv.body().lines().filter(l -> l.startsWith("feedback,")).toList();
        assertEquals(2, feedbackRows.size(), csv.body());
        for (String row : feedbackRows) {
            assertTrue(row.split(",")[2].matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), "created_at filled: " + row);
        }

        JsonObject suggestions = presenter.get("api/sessions/" + sessionId + "/highlights/suggestions").json();
        assertEquals(List.of("Rated 5 of 5"), suggestions.getJsonArray("comments").getValuesAs(JsonObject.class)
                .stream().map(c -> c.getString("text")).toList(), "a 2/5 critique is no best-rated comment");
    }
}
