package app.rounds;

import app.rounds.testing.Accessibility;
import app.rounds.testing.ApiClient;
import app.rounds.testing.Browsers;
import app.rounds.testing.PayaraProcess;
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
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * axe-core on every page, as the role that uses it and with what a real session puts on it (questions on the board
 * and waiting, votes, feedback, a photo with consent, a highlight in review, a published one): any serious or
 * critical violation fails ({@link Accessibility}), colour contrast included.
 */
@ExtendWith(RunningRounds.class)
@ResourceLock(value = RunningRounds.MEDIA_FOLDER, mode = ResourceAccessMode.READ)
class AccessibilityPagesIT {

    @RunningRounds.Base
    URL base;

    ChromeDriver browser;
    WebDriverWait wait;
    Staff staff;
    ApiClient anonymous;

    @BeforeEach
    void openBrowser() {
        browser = Browsers.fresh(base);
        wait = Browsers.waitIn(browser);
        anonymous = ApiClient.anonymous(base).from(Staff.uniqueAddress());
        staff = new Staff(anonymous);
    }

    @Test
    void joinAndTraineePagesOnAPhone() {
        Staff.Member presenter = staff.create("presenter");
        Material session = liveSessionWithQuestions(presenter.client());
        browser.manage().window().setSize(new Dimension(390, 844));

        browser.get(base.toString());
        wait.until(ExpectedConditions.elementToBeClickable(By.id("code")));
        Accessibility.assertNoSeriousViolations(browser, "join page");

        browser.get(base + "?code=" + session.joinCode().replace("-", ""));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("displayName"))).sendKeys("Priya", Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("connection"), "Live"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("questions"), session.approvedQuestion()));
        browser.findElement(By.cssSelector("#questions .vote")).click();
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#questions .vote"), "aria-pressed", "true"));
        browser.findElement(By.id("question-text")).sendKeys("Is a lactate above 2 enough to start the bundle?");
        browser.findElement(By.cssSelector("#ask-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mine"), "Waiting for a moderator"));
        Accessibility.assertNoSeriousViolations(browser, "trainee page (phone)");
    }

    @Test
    void loginPage() {
        browser.get(base + "login.html");
        Browsers.loginFormReady(browser);
        Accessibility.assertNoSeriousViolations(browser, "login page");

        browser.findElement(By.id("username")).sendKeys("nobody-" + Staff.uniqueSuffix());
        browser.findElement(By.id("password")).sendKeys("not a password", Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[aria-invalid=true], .alert:not(:empty)")));
        Accessibility.assertNoSeriousViolations(browser, "login page with an error");
    }

    @Test
    void presenterPages() {
        Staff.Member presenter = staff.create("presenter");
        Material live = liveSessionWithQuestions(presenter.client());
        presenter.client().post("api/sessions", ApiClient.json(
                "{'title':'Falls prevention huddle','facility':'Ward 7','description':'Bed rails and alarms.'}"));
        Browsers.logIn(browser, base, presenter, "sessions.html");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sessions"), "Falls prevention huddle"));
        Accessibility.assertNoSeriousViolations(browser, "sessions page");

        browser.get(base + "board.html?id=" + live.sessionId());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue"), live.waitingQuestion()));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live"), live.approvedQuestion()));
        Accessibility.assertNoSeriousViolations(browser, "live board");

        browser.get(base + "projector.html?id=" + live.sessionId());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("projector-questions"),
                live.approvedQuestion()));
        Accessibility.assertNoSeriousViolations(browser, "projector");
    }

    @Test
    void communicatorPages() throws Exception {
        Staff.Member communicator = staff.create("communicator", "presenter");
        Material session = liveSessionWithQuestions(communicator.client());
        String photo = photoWithConsent(communicator.client(), session.sessionId());
        String highlight = highlight(communicator.client(), session, photo);
        Browsers.logIn(browser, base, communicator, "media.html?id=" + session.sessionId());
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#media .media-card"), 1));
        Accessibility.assertNoSeriousViolations(browser, "media page");

        browser.get(base + "highlights.html?session=" + session.sessionId() + "&id=" + highlight);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"), "Priya, trainee"));
        Accessibility.assertNoSeriousViolations(browser, "highlight studio");
    }

    @Test
    void reviewerPages() throws Exception {
        Staff.Member communicator = staff.create("communicator", "presenter");
        Staff.Member reviewer = staff.create("reviewer");
        Material session = liveSessionWithQuestions(communicator.client());
        String highlight = highlight(communicator.client(), session,
                photoWithConsent(communicator.client(), session.sessionId()));
        submit(communicator.client(), highlight);

        Browsers.logIn(browser, base, reviewer, "review.html");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue"), "Sepsis six, in practice"));
        Accessibility.assertNoSeriousViolations(browser, "review queue");

        browser.get(base + "review.html?id=" + highlight);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rendition"), session.approvedQuestion()));
        Accessibility.assertNoSeriousViolations(browser, "review packet");
    }

    @Test
    void adminAndAccountPages() {
        Browsers.logIn(browser, base, new Staff.Member("admin", PayaraProcess.adminPassword(), staff.admin()), "admin.html");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("users"), "admin"));
        Accessibility.assertNoSeriousViolations(browser, "users page");

        browser.get(base + "account.html");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("currentPassword")));
        Accessibility.assertNoSeriousViolations(browser, "account page");
    }

    @Test
    void publicHighlightPagesAndEmbed() throws Exception {
        Staff.Member communicator = staff.create("communicator", "presenter");
        ApiClient reviewer = staff.create("reviewer").client();
        Material session = liveSessionWithQuestions(communicator.client());
        String highlight = highlight(communicator.client(), session,
                photoWithConsent(communicator.client(), session.sessionId()));
        submit(communicator.client(), highlight);
        String hash = reviewer.get("api/reviews/" + highlight).json().getJsonObject("rendition").getString("hash");
        Reply approved = reviewer.post("api/reviews/" + highlight + "/decision", Json.createObjectBuilder()
                .add("decision", "APPROVE").add("renditionHash", hash).build().toString());
        assertEquals("PUBLISHED", approved.json().getString("status"), approved.body());

        browser.get(base + "highlights/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href$='" + highlight + "']")));
        Accessibility.assertNoSeriousViolations(browser, "published highlights list");

        browser.get(base + "highlights/" + highlight);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("article.highlight h1"), "Sepsis six, in practice"));
        Accessibility.assertNoSeriousViolations(browser, "published highlight");

        browser.get(base + "highlights/" + highlight + "/embed");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("article.highlight h1"), "Sepsis six, in practice"));
        Accessibility.assertNoSeriousViolations(browser, "embedded highlight");
    }

    /** A live session with a question on the board, one waiting for moderation, votes and feedback. */
    record Material(String sessionId, String joinCode, String approvedQuestion, String waitingQuestion,
                    String approvedQuestionId) {
    }

    private Material liveSessionWithQuestions(ApiClient presenter) {
        JsonObject session = presenter.post("api/sessions", ApiClient.json("{'title':'Sepsis six','facility':'Ward 5',"
                + "'hashtag':'#Sepsis" + Staff.uniqueSuffix() + "','moderationMode':'PRE_MODERATION'}")).json();
        String id = session.getString("id");
        presenter.post("api/sessions/" + id + "/start", "");
        ApiClient trainee = anonymous.from(Staff.uniqueAddress());
        trainee = trainee.withHeader("Rounds-Participant", trainee.post("api/participants", Json.createObjectBuilder()
                .add("code", session.getString("joinCode")).add("displayName", "Priya").add("quoteByName", true)
                .build().toString()).json().getString("token"));
        String approved = "How fast should the first antibiotic dose be given?";
        String approvedId = trainee.post("api/participants/me/questions", Json.createObjectBuilder()
                .add("text", approved).build().toString()).json().getString("id");
        presenter.put("api/sessions/" + id + "/questions/" + approvedId + "/status", ApiClient.json("{'status':'APPROVED'}"));
        trainee.post("api/participants/me/questions/" + approvedId + "/vote", "");
        String waiting = "Should we repeat the lactate after the fluid bolus?";
        trainee.post("api/participants/me/questions", Json.createObjectBuilder().add("text", waiting).build().toString());
        trainee.post("api/participants/me/feedback",
                ApiClient.json("{'rating':5,'comment':'The case walk-through made the six steps stick.'}"));
        return new Material(id, session.getString("joinCode"), approved, waiting, approvedId);
    }

    private String photoWithConsent(ApiClient curator, String sessionId) throws Exception {
        HttpResponse<String> uploaded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "api/sessions/" + sessionId + "/media?name=drill.jpg"))
                .header("Authorization", curator.header("Authorization"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(TestPhotos.withExif(640, 480))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        String media = "api/sessions/" + sessionId + "/media/"
                + Json.createReader(new StringReader(uploaded.body())).readObject().getString("id");
        curator.put(media, ApiClient.json("{'caption':'The sepsis trolley drill',"
                + "'altText':'Two nurses check the sepsis trolley beside a training manikin'}"));
        Reply consent = curator.post(media + "/consents", ApiClient.json("{'person':'R. Osei','relation':'STAFF',"
                + "'scope':'PUBLIC','status':'GRANTED','evidenceNote':'form 2026-118'}"));
        assertEquals(201, consent.status(), consent.body());
        return media.substring(media.lastIndexOf('/') + 1);
    }

    /** A highlight quoting the question and the feedback, with the photo, published once approved. */
    private String highlight(ApiClient curator, Material session, String photoId) {
        String feedbackId = curator.get("api/sessions/" + session.sessionId() + "/highlights/suggestions").json()
                .getJsonArray("comments").getJsonObject(0).getString("id");
        String id = curator.post("api/sessions/" + session.sessionId() + "/highlights",
                ApiClient.json("{'title':'Sepsis six, in practice'}")).json().getString("id");
        Reply edited = curator.put("api/highlights/" + id, Json.createObjectBuilder()
                .add("title", "Sepsis six, in practice")
                .add("summary", "Twenty nurses practised the first hour of sepsis care on Ward 5.")
                .add("bodyHtml", "<p>The hour that <strong>matters</strong> most.</p>")
                .add("publishOnApproval", true)
                .add("parts", Json.createArrayBuilder()
                        .add(part("QUESTION", session.approvedQuestionId()))
                        .add(part("FEEDBACK", feedbackId))
                        .add(part("MEDIA", photoId)))
                .build().toString());
        assertEquals(200, edited.status(), edited.body());
        return id;
    }

    private static void submit(ApiClient curator, String highlight) {
        Reply submitted = curator.post("api/highlights/" + highlight + "/submission", "{}");
        assertEquals(200, submitted.status(), submitted.body());
    }

    private static JsonObject part(String kind, String refId) {
        return Json.createObjectBuilder().add("kind", kind).add("refId", refId).build();
    }

    /** Logs in through the login page, which then opens {@code page}. */
}
