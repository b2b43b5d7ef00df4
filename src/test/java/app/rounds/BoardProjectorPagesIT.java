package app.rounds;

import app.rounds.testing.ApiClient;
import app.rounds.testing.BoardClient;
import app.rounds.testing.Browsers;
import app.rounds.testing.Reply;
import app.rounds.testing.RunningRounds;
import app.rounds.testing.Staff;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static app.rounds.testing.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The presenter's live board and the projector in a real headless Chromium against the deployed app: working through
 * the queue with the keyboard, the archived list, ending a session, a board without a session, plurals, and a
 * projector that fits 1920×1080, 1280×720 and 1024×768 with long questions in both themes, follows the presenter's
 * choices live and shows the end. Each test makes its own staff and sessions.
 */
@ExtendWith(RunningRounds.class)
class BoardProjectorPagesIT {

    /** A question as long as a trainee may write: the projector must clamp it, never scroll. */
    static final String LONG = ("When a patient on the ward deteriorates overnight and the early warning score rises "
            + "quickly, who do we call first, how long do we wait for the outreach team, and what do we document "
            + "while we wait? ").repeat(6).substring(0, 1000);

    @RunningRounds.Base
    URL base;

    ChromeDriver browser;
    WebDriverWait wait;
    Staff staff;
    Staff.Member presenter;

    @BeforeEach
    void openBrowser() {
        browser = Browsers.fresh(base);
        wait = Browsers.waitIn(browser);
        staff = new Staff(ApiClient.anonymous(base));
        presenter = staff.create("presenter");
    }

    @AfterEach
    void backToTheDesktopSize() {
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    // the board

    @Test
    void afterEachModerationKeyTheFocusGoesToTheNextQuestionInTheQueue() {
        JsonObject session = session("Sepsis six", "PRE_MODERATION");
        ApiClient trainee = trainee(session, "Sam");
        for (String text : List.of("First question?", "Second question?", "Third question?", "Fourth question?")) {
            ask(trainee, text);
        }
        logIn(presenter);
        browser.get(base + "board.html?id=" + session.getString("id"));
        wait.until(ExpectedConditions.textToBe(By.id("queue-count"), "(4)"));

        browser.findElement(By.tagName("body")).sendKeys("j");
        waitForFocusOn("First question?");
        focused().sendKeys("a");
        waitForFocusOn("Second question?"); // not the approved one, now on the board
        focused().sendKeys("r");
        waitForFocusOn("Third question?"); // not lost to the page
        focused().sendKeys("j");
        waitForFocusOn("Fourth question?");
        focused().sendKeys("x");
        waitForFocusOn("Third question?"); // the last one left: the previous one
        focused().sendKeys("a");
        wait.until(d -> "queue-heading".equals(focused().getAttribute("id"))); // the queue is empty
        wait.until(ExpectedConditions.textToBe(By.id("queue-count"), "(0)"));
        assertEquals(List.of("APPROVED", "REJECTED", "APPROVED"), statuses(session, false));
        assertEquals(List.of("PENDING"), statuses(session, true), "the fourth archived from the queue");
        Browsers.assertNoErrorsLogged(browser);
    }

    @Test
    void archivedQuestionsAreListedAndUnarchivingPutsThemBackForEveryone() throws Exception {
        JsonObject session = session("Hand hygiene", "POST_MODERATION");
        ApiClient trainee = trainee(session, "Sam");
        String question = ask(trainee, "Why five moments and not four?");
        logIn(presenter);
        browser.get(base + "board.html?id=" + session.getString("id"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live"), "Why five moments"));
        try (BoardClient audience = BoardClient.connect(ApiClient.anonymous(base).base(),
                "ws/public/" + session.getString("joinCode").replace("-", ""), Map.of("Origin", origin()))) {
            audience.next("snapshot");
            browser.findElement(By.cssSelector("#live .question")).click();
            focused().sendKeys("x");
            wait.until(ExpectedConditions.textToBe(By.id("archived-count"), "(1)"));
            assertEquals("(0)", browser.findElement(By.id("live-count")).getText());
            assertEquals(question, audience.next("contribution.removed").getJsonObject("data").getString("id"));

            // the archived list survives a reload: the moderation snapshot carries archived questions
            browser.navigate().refresh();
            wait.until(ExpectedConditions.textToBe(By.id("archived-count"), "(1)"));
            browser.findElement(By.id("archived-summary")).click();
            WebElement archived = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#archived .question")));
            assertTrue(archived.getText().contains("Archived from the board"), archived.getText());
            archived.findElement(By.xpath(".//button[text()='Unarchive']")).click();

            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live"), "Why five moments"));
            wait.until(ExpectedConditions.textToBe(By.id("archived-count"), "(0)"));
            JsonObject back = audience.next("contribution.created").getJsonObject("data");
            assertEquals("Why five moments and not four?", back.getString("text"), "back on every phone and projector");
        }
        // unarchiving what is not archived changes nothing; a wrong flag is refused in words and changes nothing
        String flags = "api/sessions/" + session.getString("id") + "/questions/" + question + "/flags";
        Reply again = presenter.client().put(flags, json("{'archived':false}"));
        assertEquals(200, again.status(), again.body());
        assertFalse(again.json().getBoolean("archived"));
        Reply wrong = presenter.client().put(flags, "{\"archived\": tru");
        assertEquals(400, wrong.status());
        assertEquals("application/problem+json", wrong.contentType());
        Reply unknown = presenter.client().put("api/sessions/" + session.getString("id") + "/questions/no-such/flags",
                json("{'archived':false}"));
        assertEquals(404, unknown.status());
        assertEquals("question-not-found", unknown.problemType());
        Reply stranger = staff.create("presenter").client().put(flags, json("{'archived':true}"));
        assertEquals(403, stranger.status());
        assertFalse(presenter.client().get("api/sessions/" + session.getString("id") + "/questions").array()
                .getJsonObject(0).getBoolean("archived"));
        Browsers.assertNoErrorsLogged(browser, "400");
    }

    @Test
    void endingASessionAsksInWordsAndTheBoardAndProjectorShowTheEnd() {
        JsonObject session = session("Chest drain care", "PRE_MODERATION");
        String id = session.getString("id");
        presenter.client().post("api/sessions/" + id + "/start", "");
        logIn(presenter);
        browser.get(base + "projector.html?id=" + id);
        wait.until(ExpectedConditions.textToBe(By.id("join-code"), session.getString("joinCode")));
        String projector = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(base + "board.html?id=" + id);
        WebElement end = wait.until(ExpectedConditions.elementToBeClickable(By.id("end")));
        assertEquals("End session", end.getText());

        end.click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("end-dialog")));
        assertTrue(dialog.getText().contains("Ending “Chest drain care” stops it for everyone"), dialog.getText());
        assertEquals("end-cancel", focused().getAttribute("id"), "the safe choice has the focus");
        focused().sendKeys(Keys.ESCAPE);
        wait.until(ExpectedConditions.invisibilityOf(dialog));
        assertEquals("LIVE", presenter.client().get("api/sessions/" + id).json().getString("status"));

        end.click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("end-confirm"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ended-banner")));
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Ended"));
        assertFalse(browser.findElement(By.id("end")).isDisplayed());
        assertFalse(browser.findElement(By.id("projector-settings")).isDisplayed());
        assertEquals("ENDED", presenter.client().get("api/sessions/" + id).json().getString("status"));

        browser.switchTo().window(projector);
        wait.until(ExpectedConditions.textToBe(By.id("ended-heading"), "This session has ended"));
        assertFalse(browser.findElement(By.id("join-code")).isDisplayed(), "no join code after the end");
        assertFalse(browser.findElement(By.id("qr")).isDisplayed(), "no QR code after the end");
        browser.navigate().refresh(); // and so after a reload
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ended-heading")));
        assertFalse(browser.findElement(By.id("join-code")).isDisplayed());
        Browsers.assertNoErrorsLogged(browser);
    }

    @Test
    void aBoardWithoutASessionOrWithAnUnknownOneSaysSoWithAWayToSessions() {
        logIn(presenter);
        for (String address : List.of("board.html", "board.html?id=", "board.html?id=no-such-session")) {
            browser.get(base + address);
            WebElement reason = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("board-unavailable")));
            assertTrue(reason.getText().contains(address.endsWith("no-such-session")
                    ? "There is no session with this address" : "does not say which session"), reason.getText());
            reason.findElement(By.linkText("Go to Sessions"));
            assertEquals("Not connected", browser.findElement(By.id("connection")).getText(), address);
            assertFalse(browser.findElement(By.id("queue-heading")).isDisplayed());
        }
        browser.findElement(By.linkText("Go to Sessions")).click();
        wait.until(ExpectedConditions.urlContains("sessions.html"));
        Browsers.assertNoErrorsLogged(browser, "404");
    }

    @Test
    void countsReadInTheRightNumberOnTheBoardAndProjector() {
        JsonObject session = session("Falls prevention", "POST_MODERATION");
        ApiClient trainee = trainee(session, "Sam");
        String question = ask(trainee, "Do bed rails prevent falls?");
        trainee.post("api/participants/me/questions/" + question + "/vote", "");
        trainee.post("api/participants/me/feedback", json("{'rating':4}"));
        putProjector(session, "DARK", true, true);
        logIn(presenter);
        browser.get(base + "board.html?id=" + session.getString("id"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#live .votes"), "1 vote"));
        assertEquals("1 vote", browser.findElement(By.cssSelector("#live .votes")).getText());
        wait.until(ExpectedConditions.textToBe(By.id("feedback-total"), "1 rating, average 4.0"));

        browser.get(base + "projector.html?id=" + session.getString("id"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("projector-questions"), "1 vote"));
        assertFalse(browser.findElement(By.id("projector-questions")).getText().contains("1 votes"));
        wait.until(ExpectedConditions.textToBe(By.id("participants"), "1 person joined"));
        trainee(session, "Kim"); // live, without a reload
        wait.until(ExpectedConditions.textToBe(By.id("participants"), "2 people joined"));
        Browsers.assertNoErrorsLogged(browser);
    }

    // the projector

    @Test
    void theProjectorFollowsThePresentersChoicesLiveAndKeepsThem() {
        JsonObject session = session("Sepsis six", "POST_MODERATION");
        String id = session.getString("id");
        trainee(session, "Sam");
        logIn(presenter);
        browser.get(base + "projector.html?id=" + id);
        wait.until(ExpectedConditions.textToBe(By.id("join-code"), session.getString("joinCode")));
        assertTrue(bodyClass().contains("theme-dark"), "dark by default");
        assertTrue(browser.findElement(By.id("qr")).isDisplayed());
        assertFalse(browser.findElement(By.id("participants")).isDisplayed(), "no count unless asked for");
        assertEquals("St Elsewhere Teaching Hospital", browser.findElement(By.id("organisation-name")).getText());
        WebElement logo = browser.findElement(By.id("organisation-logo"));
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", logo));
        String projector = browser.getWindowHandle();

        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(base + "board.html?id=" + id);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name=projector-theme][value=LIGHT]"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("board-status"), "light theme"));
        browser.findElement(By.id("projector-qr")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("board-status"), "without the QR code"));
        browser.findElement(By.id("projector-participants")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("board-status"), "with the number of participants"));

        browser.switchTo().window(projector);
        wait.until(d -> bodyClass().contains("theme-light"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("qr")));
        wait.until(ExpectedConditions.textToBe(By.id("participants"), "1 person joined"));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBe(By.id("participants"), "1 person joined"));
        assertTrue(bodyClass().contains("theme-light"), "kept for the session");
        assertFalse(browser.findElement(By.id("qr")).isDisplayed());
        JsonObject kept = presenter.client().get("api/sessions/" + id + "/projector").json();
        assertEquals("LIGHT", kept.getString("theme"));
        assertEquals(1, kept.getInt("participants"));
        Browsers.assertNoErrorsLogged(browser);
    }

    @Test
    void projectorSettingsAreCheckedAndOnlyTheSessionsStaffMayChangeThem() {
        JsonObject session = session("Sepsis six", "POST_MODERATION");
        String path = "api/sessions/" + session.getString("id") + "/projector";
        Reply incomplete = presenter.client().put(path, json("{'theme':'DARK'}"));
        assertEquals(400, incomplete.status());
        assertEquals("application/problem+json", incomplete.contentType());
        assertEquals(List.of("showParticipants", "showQrCode"), incomplete.problemFields().stream().sorted().toList());
        Reply blue = presenter.client().put(path, json("{'theme':'BLUE','showQrCode':true,'showParticipants':false}"));
        assertEquals(400, blue.status());
        assertEquals("application/problem+json", blue.contentType());
        assertEquals(401, ApiClient.anonymous(base).put(path, json("{'theme':'LIGHT','showQrCode':true,'showParticipants':false}")).status());
        assertEquals(403, staff.create("presenter").client().put(path, json("{'theme':'LIGHT','showQrCode':true,'showParticipants':false}")).status());
        assertEquals(403, staff.create("presenter").client().get(path).status());
        assertEquals(403, staff.create("reviewer").client().get(path).status());
        assertEquals("DARK", presenter.client().get(path).json().getString("theme"), "nothing changed");
        presenter.client().post("api/sessions/" + session.getString("id") + "/end", "");
        Reply ended = presenter.client().put(path, json("{'theme':'LIGHT','showQrCode':true,'showParticipants':false}"));
        assertEquals(409, ended.status());
        assertEquals("session-ended", ended.problemType());

        Reply organisation = ApiClient.anonymous(base).get("api/public/organisation");
        assertEquals(200, organisation.status());
        assertEquals("St Elsewhere Teaching Hospital", organisation.json().getString("name"));
        assertEquals("#7a1f5c", organisation.json().getString("colour"));
        assertTrue(organisation.json().getString("logoUrl").startsWith("data:image/svg+xml;base64,"));
    }

    @Test
    void theProjectorFitsEachScreenWithLongQuestionsInBothThemes() throws Exception {
        JsonObject session = presenter.client().post("api/sessions", json("{'title':'Recognising the deteriorating "
                + "patient: NEWS2 in practice','facility':'Lecture hall B, Education Centre','hashtag':'NEWS2x"
                + Staff.uniqueSuffix().replaceAll("[^A-Za-z0-9]", "") + "','moderationMode':'POST_MODERATION'}")).json();
        String id = session.getString("id");
        presenter.client().post("api/sessions/" + id + "/start", "");
        List<ApiClient> trainees = List.of(trainee(session, "Sam"), trainee(session, "Kim"), trainee(session, "Ali"));
        String pinned = ask(trainees.get(0), LONG);
        ask(trainees.get(1), "Is a NEWS2 of 5 always an urgent review, even when the patient says they feel fine?");
        String voted = ask(trainees.get(2), LONG.substring(0, 400));
        ask(trainees.get(0), "Who escalates when the nurse in charge is on a break?");
        ask(trainees.get(1), "How often do we repeat observations after an escalation?");
        ask(trainees.get(2), "Does supplemental oxygen change the score?");
        presenter.client().put("api/sessions/" + id + "/questions/" + pinned + "/flags", json("{'pinned':true}"));
        for (ApiClient trainee : trainees) {
            trainee.post("api/participants/me/questions/" + voted + "/vote", "");
        }
        logIn(presenter);
        for (String theme : List.of("DARK", "LIGHT")) {
            putProjector(session, theme, true, true);
            browser.get(base + "projector.html?id=" + id);
            wait.until(d -> bodyClass().contains("theme-" + theme.toLowerCase()));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("projector-questions"), "3 votes"));
            wait.until(ExpectedConditions.textToBe(By.id("participants"), "3 people joined"));
            for (int[] size : new int[][]{{1920, 1080}, {1280, 720}, {1024, 768}}) {
                browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size[0],
                        "height", size[1], "deviceScaleFactor", 1, "mobile", false));
                String screen = theme.toLowerCase() + "-" + size[0] + "x" + size[1];
                // the page fits its text to the new size in steps: waited for until every part is on screen
                wait.withMessage("the projector fits " + screen).until(d -> fits(size[0], size[1])
                        && partsOffScreen().isEmpty());
                assertEverythingOnScreen(screen, size[0], size[1]);
                Browsers.screenshot(browser, "projector-" + screen);
            }
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
        Browsers.assertNoErrorsLogged(browser);
    }

    @Test
    void theJoinCodeIsNoHeadingAndReadableFromTheBackOfTheHall() {
        JsonObject session = session("Sepsis six", "POST_MODERATION");
        logIn(presenter);
        browser.get(base + "projector.html?id=" + session.getString("id"));
        WebElement code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("join-code")));
        wait.until(ExpectedConditions.textToBe(By.id("join-code"), session.getString("joinCode")));
        Object heading = browser.executeScript("const e = arguments[0]; return e.closest('h1,h2,h3,h4,h5,h6,p,[role=heading]') !== null", code);
        assertEquals(Boolean.FALSE, heading, "neither a heading nor a paragraph styled as one (axe p-as-heading)");
        String spoken = browser.findElement(By.id("join-code-spoken")).getAttribute("textContent");
        assertEquals("Join code " + String.join(" ", session.getString("joinCode").replace("-", "").split("")), spoken);
        for (int[] size : new int[][]{{1920, 1080}, {1024, 768}}) {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size[0],
                    "height", size[1], "deviceScaleFactor", 1, "mobile", false));
            wait.until(d -> ((Number) browser.executeScript("return window.innerWidth")).intValue() == size[0]);
            double height = ((Number) browser.executeScript(
                    "return arguments[0].getBoundingClientRect().height", code)).doubleValue();
            // a line of at least 6 % of the screen's height: the back rows of a hall see it as large as slide titles
            assertTrue(height >= 0.06 * size[1], "join code " + height + " px high at " + size[0] + "×" + size[1]);
        }
        Browsers.assertNoErrorsLogged(browser);
    }

    // helpers

    private boolean fits(int width, int height) {
        return (Boolean) browser.executeScript("""
                const list = document.getElementById('projector-questions');
                return window.innerWidth === arguments[0] && window.innerHeight === arguments[1]
                  && document.documentElement.scrollHeight <= window.innerHeight
                  && document.documentElement.scrollWidth <= window.innerWidth
                  && list.children.length > 0 && list.scrollHeight <= list.clientHeight + 1""", width, height);
    }

    /** No scrollbar, and every part the hall must see whole inside the window: code, QR code, each question shown. */
    private void assertEverythingOnScreen(String screen, int width, int height) {
        assertEquals(List.of(), partsOffScreen(), "off-screen at " + screen);
        assertTrue(browser.findElement(By.id("qr")).getSize().getWidth() >= 0.2 * Math.min(width, height),
                "a QR code phones scan from their seats at " + screen);
        long shown = browser.findElements(By.cssSelector("#projector-questions > li")).size();
        assertTrue(shown >= 2, "the pinned question and at least one more at " + screen + ": " + shown);
    }

    /** The parts the hall must see whole (code, QR code, each question shown) that are not inside the window. */
    @SuppressWarnings("unchecked")
    private List<String> partsOffScreen() {
        return (List<String>) browser.executeScript("""
                const outside = [];
                const parts = [...document.querySelectorAll('#session-title, #join-code, #qr, #participants, #organisation, '
                  + '#projector-questions > li, .projector-question, .projector-votes')];
                const list = document.getElementById('projector-questions').getBoundingClientRect();
                for (const part of parts) {
                  const r = part.getBoundingClientRect();
                  if (r.width === 0) continue;
                  const inList = part.closest('#projector-questions');
                  if (r.left < 0 || r.top < 0 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5
                      || (inList && r.bottom > list.bottom + 0.5)) outside.push((part.id || part.className) + ' ' + JSON.stringify(r));
                }
                return outside;""");
    }

    private void putProjector(JsonObject session, String theme, boolean qr, boolean participants) {
        Reply put = presenter.client().put("api/sessions/" + session.getString("id") + "/projector",
                json("{'theme':'" + theme + "','showQrCode':" + qr + ",'showParticipants':" + participants + "}"));
        assertEquals(200, put.status(), put.body());
    }

    private JsonObject session(String title, String moderationMode) {
        return presenter.client().post("api/sessions", json("{'title':'" + title + "','moderationMode':'"
                + moderationMode + "'}")).json();
    }

    private ApiClient trainee(JsonObject session, String name) {
        ApiClient anonymous = ApiClient.anonymous(base).from(Staff.uniqueAddress());
        Reply joined = anonymous.post("api/participants", json("{'code':'" + session.getString("joinCode")
                + "','displayName':'" + name + "'}"));
        assertEquals(201, joined.status(), joined.body());
        return anonymous.withHeader("Rounds-Participant", joined.json().getString("token"));
    }

    private static String ask(ApiClient trainee, String text) {
        Reply asked = trainee.post("api/participants/me/questions",
                "{\"text\":" + jakarta.json.Json.createValue(text) + "}");
        assertEquals(201, asked.status(), asked.body());
        return asked.json().getString("id");
    }

    private List<String> statuses(JsonObject session, boolean archived) {
        return presenter.client().get("api/sessions/" + session.getString("id") + "/questions?sort=newest&archived="
                        + archived).array()
                .getValuesAs(JsonObject.class).reversed().stream().map(q -> q.getString("status")).toList();
    }

    private String origin() {
        return base.getProtocol() + "://" + base.getAuthority();
    }

    private WebElement focused() {
        return browser.switchTo().activeElement();
    }

    private void waitForFocusOn(String text) {
        wait.withMessage("focus on “" + text + "”").until(d -> focused().getText().startsWith(text));
    }

    private String bodyClass() {
        return browser.findElement(By.tagName("body")).getAttribute("class");
    }

    private void logIn(Staff.Member member) {
        Browsers.logIn(browser, base, member, "sessions.html");
        wait.until(ExpectedConditions.textToBe(By.id("who"), "Test " + member.username()));
    }

    /** Console errors fail the test, except failed requests with an expected status (a page showing a 4xx). */
}
