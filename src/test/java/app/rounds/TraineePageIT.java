package app.rounds;

import app.rounds.testing.ApiClient;
import app.rounds.testing.Browsers;
import app.rounds.testing.RunningRounds;
import app.rounds.testing.Staff;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static app.rounds.testing.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trainee's page on a phone-sized Chromium against the deployed app: votes as the server has them, their own
 * questions with where they stand (and withdrawn by them), the end of the session, a question sent offline, a paste
 * that is too long, and being quoted by name without a name. Each test makes its own session and participants.
 */
@ExtendWith(RunningRounds.class)
class TraineePageIT {

    @RunningRounds.Base
    URL base;

    ChromeDriver phone;
    WebDriverWait wait;
    ApiClient presenter;
    Staff staff;

    @BeforeEach
    void openPhone() {
        phone = Browsers.fresh(base);
        phone.manage().window().setSize(new Dimension(390, 844));
        // the page re-renders its lists as frames arrive: an element found a moment ago may be replaced
        wait = Browsers.waitIn(phone);
        staff = new Staff(ApiClient.anonymous(base).from(Staff.uniqueAddress()));
        presenter = staff.create("presenter").client();
    }

    record Session(String id, String code) {
    }

    Session session(String moderationMode) {
        JsonObject created = presenter.post("api/sessions", json("{'title':'Hand hygiene " + Staff.uniqueSuffix()
                + "','facility':'Ward 5','moderationMode':'" + moderationMode + "'}")).json();
        return new Session(created.getString("id"), created.getString("joinCode").replace("-", ""));
    }

    ApiClient apiTrainee(Session session, String name) {
        ApiClient anonymous = ApiClient.anonymous(base).from(Staff.uniqueAddress());
        return anonymous.withHeader("Rounds-Participant", anonymous.post("api/participants",
                json("{'code':'" + session.code() + "','displayName':'" + name + "'}")).json().getString("token"));
    }

    void joinOnThePhone(Session session, String name) {
        phone.get(base + "?code=" + session.code());
        wait.until(ExpectedConditions.elementToBeClickable(By.id("displayName"))).sendKeys(name, Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("connection"), "Live"));
    }

    void ask(String text) {
        WebElement box = phone.findElement(By.id("question-text"));
        box.clear();
        box.sendKeys(text);
        phone.findElement(By.cssSelector("#ask-form button[type=submit]")).click();
    }

    WebElement ownQuestion(String text) {
        return wait.until(d -> d.findElements(By.cssSelector("#mine .question")).stream()
                .filter(q -> q.findElement(By.className("question-text")).getText().equals(text)).findFirst()
                .orElse(null));
    }

    void waitForOwnStatus(String text, String status) {
        wait.until(d -> ownQuestion(text).findElement(By.className("own-status")).getText().equals(status));
    }

    List<JsonObject> staffQuestions(Session session) {
        return presenter.get("api/sessions/" + session.id() + "/questions").array().getValuesAs(JsonObject.class);
    }

    String questionId(Session session, String text) {
        return staffQuestions(session).stream().filter(q -> q.getString("text").equals(text)).findFirst()
                .orElseThrow().getString("id");
    }

    void moderate(Session session, String text, String status) {
        assertEquals(200, presenter.put("api/sessions/" + session.id() + "/questions/" + questionId(session, text)
                + "/status", json("{'status':'" + status + "'}")).status());
    }

    @Test
    void aNewTabShowsTheVotesTheServerHasAndVotingThereNeverTakesThemBack() {
        Session session = session("POST_MODERATION");
        String question = "Do alcohol rubs replace washing after C. diff contact?";
        apiTrainee(session, "Ana").post("api/participants/me/questions", json("{'text':'" + question + "'}"));
        joinOnThePhone(session, "Sam");
        By vote = By.cssSelector("#questions .vote");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("questions"), question));
        phone.findElement(vote).click();
        wait.until(ExpectedConditions.attributeToBe(vote, "aria-pressed", "true"));

        phone.switchTo().newWindow(WindowType.TAB);
        phone.get(base + "trainee.html");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("questions"), question));
        wait.until(ExpectedConditions.attributeToBe(vote, "aria-pressed", "true"));
        assertEquals("1", phone.findElement(By.cssSelector("#questions .vote-count")).getText());
        // read in the wait: the list is drawn again when a frame arrives, replacing the button
        String name = wait.until(d -> d.findElement(vote).getAccessibleName());
        assertTrue(name.startsWith("Vote for: " + question) && name.endsWith("1 vote"), name);

        phone.findElement(vote).click();
        wait.until(ExpectedConditions.attributeToBe(vote, "aria-pressed", "false"));
        assertTrue(apiVotesOf(session).isEmpty(), "taken back on the server, as the new tab showed");
        screenshotFrom(By.id("questions-heading"), "trainee-votes-new-tab");
        assertNoErrorsLogged();
    }

    private List<?> apiVotesOf(Session session) {
        // the phone's own participant token, from its storage
        String token = (String) phone.executeScript("return localStorage.getItem('rounds.participant')");
        return ApiClient.anonymous(base).withHeader("Rounds-Participant", token)
                .get("api/participants/me/questions/votes").json().getJsonArray("questionIds");
    }

    @Test
    void traineesSeeWhereTheirQuestionsStandLiveAndWithdrawThemFromTheBoardAndTheQueue() {
        Session session = session("PRE_MODERATION");
        String rejected = "Is it fine to skip gloves for a quick IV flush?";
        String approved = "How long should a surgical scrub take?";
        String withdrawn = "Can I take this one back before anyone sees it?";
        joinOnThePhone(session, "Sam");
        ask(rejected);
        waitForOwnStatus(rejected, "Waiting for a moderator");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ask-status"), "once a moderator"));
        ask(approved);
        waitForOwnStatus(approved, "Waiting for a moderator");

        moderate(session, rejected, "REJECTED");
        waitForOwnStatus(rejected, "Not shown: a moderator kept it off the board");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mine-status"), "kept it off the board"));

        moderate(session, approved, "APPROVED");
        waitForOwnStatus(approved, "On the board");
        WebElement onBoard = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#questions .question.own")));
        assertTrue(onBoard.getText().contains(approved) && onBoard.getText().contains("Your question"), onBoard.getText());
        presenter.put("api/sessions/" + session.id() + "/questions/" + questionId(session, approved) + "/flags",
                json("{'answered':true}"));
        waitForOwnStatus(approved, "Answered");
        assertNoHorizontalScrolling();
        screenshotFrom(By.id("mine-section"), "trainee-your-questions");

        ownQuestion(approved).findElement(By.className("withdraw")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id("questions"), approved)));
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id("mine"), approved)));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mine-status"), "was withdrawn"));
        assertEquals("WITHDRAWN", staffQuestions(session).stream().filter(q -> q.getString("text").equals(approved))
                .findFirst().orElseThrow().getString("status"));

        // the presenter's board, open on a laptop, loses a withdrawn question from its queue at once
        ChromeDriver laptop = Browsers.another();
        try {
            WebDriverWait laptopWait = Browsers.waitIn(laptop);
            Staff.Member moderator = staff.create("presenter");
            Browsers.logIn(laptop, base, moderator, "sessions.html");
            JsonObject own = moderator.client().post("api/sessions",
                    json("{'title':'Moderated','moderationMode':'PRE_MODERATION'}")).json();
            Session moderated = new Session(own.getString("id"), own.getString("joinCode").replace("-", ""));
            joinOnThePhone(moderated, "Sam");
            ask(withdrawn);
            waitForOwnStatus(withdrawn, "Waiting for a moderator");
            laptop.get(base + "board.html?id=" + moderated.id());
            laptopWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue"), withdrawn));

            ownQuestion(withdrawn).findElement(By.className("withdraw")).click();
            wait.until(ExpectedConditions.alertIsPresent()).accept();
            laptopWait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id("queue"),
                    withdrawn)));
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("mine-section")));
            assertEquals(phone.findElement(By.id("questions-heading")), phone.switchTo().activeElement(),
                    "the last of one's questions withdrawn, the keyboard stays on the page");
        } finally {
            laptop.quit();
        }
        assertNoErrorsLogged();
    }

    @Test
    void afterTheSessionEndsThePageThanksTheTraineeAndSaysWhatIsClosed() {
        Session session = session("POST_MODERATION");
        String question = "Where do the sharps bins go after the session?";
        joinOnThePhone(session, "Sam");
        ask(question);
        waitForOwnStatus(question, "On the board");

        assertEquals(200, presenter.post("api/sessions/" + session.id() + "/end", null).status());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ended")));
        assertEquals("Thank you for taking part", phone.findElement(By.id("ended-heading")).getText());
        assertTrue(phone.findElement(By.id("ended-text")).getText().contains("questions, votes and feedback are closed"));
        wait.until(ExpectedConditions.textToBe(By.id("connection"), "Session ended"));
        assertEquals("Ended", phone.findElement(By.id("status")).getText());
        assertFalse(phone.findElement(By.id("ask")).isDisplayed(), "no Send button left without a word");
        assertFalse(phone.findElement(By.id("feedback")).isDisplayed());
        assertEquals(0, phone.findElements(By.cssSelector("#questions .vote")).size());
        assertEquals("0 votes", phone.findElement(By.cssSelector("#questions .vote-total")).getText());
        assertTrue(ownQuestion(question).isDisplayed(), "their own questions stay readable");
        assertNoHorizontalScrolling();
        Browsers.screenshot(phone, "trainee-ended");

        phone.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ended")));
        wait.until(ExpectedConditions.textToBe(By.id("connection"), "Session ended"));
        assertNoErrorsLogged();
    }

    @Test
    void aQuestionAskedOfflineIsKeptSaidSoAndSentExactlyOnceWhenTheConnectionIsBack() {
        Session session = session("PRE_MODERATION");
        String question = "Does the isolation sign go on the door or the bed?";
        joinOnThePhone(session, "Sam");
        phone.executeCdpCommand("Network.enable", Map.of());
        try {
            emulateOffline(true);
            ask(question);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ask-status"),
                    "will be sent as soon as the connection is back"));
            waitForOwnStatus(question, "Not sent yet: waiting for the connection");
            wait.until(ExpectedConditions.textToBe(By.id("connection"), "Offline"));
            assertFalse(phone.findElement(By.tagName("body")).getText().contains("Failed to fetch"));
            assertEquals("", phone.findElement(By.id("question-text")).getAttribute("value"),
                    "the text is kept in the queue, not lost with the box");
            assertTrue(staffQuestions(session).isEmpty(), "nothing reached the server while offline");
            assertNoHorizontalScrolling();
            screenshotFrom(By.id("ask-status"), "trainee-offline");
        } finally {
            emulateOffline(false);
        }
        waitForOwnStatus(question, "Waiting for a moderator");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ask-status"), "once a moderator"));
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("connection"), "Offline")));
        phone.navigate().refresh(); // nothing left in the queue to send again
        waitForOwnStatus(question, "Waiting for a moderator");
        assertEquals(1, phone.findElements(By.cssSelector("#mine .question")).size());
        assertEquals(1, staffQuestions(session).stream().filter(q -> q.getString("text").equals(question)).count(),
                "sent exactly once");
        assertNoErrorsLogged("ERR_INTERNET_DISCONNECTED");
    }

    private void emulateOffline(boolean offline) {
        phone.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    @Test
    void aLongPasteIsCountedAndRefusedBeforeSendingNeverCutSilently() {
        Session session = session("POST_MODERATION");
        joinOnThePhone(session, "Sam");
        WebElement box = phone.findElement(By.id("question-text"));
        box.click();
        String pasted = "Why? ".repeat(1000); // 5,000 characters
        phone.executeCdpCommand("Input.insertText", Map.of("text", pasted));

        wait.until(ExpectedConditions.textToBe(By.id("question-count"), "5,000 / 1,000 characters"));
        assertEquals(5000, box.getAttribute("value").length(), "nothing cut");
        assertEquals("4,000 characters too many: shorten it to at most 1,000 before sending (it has 5,000).",
                phone.findElement(By.id("text-error")).getText());
        assertEquals("true", box.getAttribute("aria-invalid"));
        Browsers.screenshot(phone, "trainee-too-long");
        phone.findElement(By.cssSelector("#ask-form button[type=submit]")).click();
        assertEquals(box, phone.switchTo().activeElement(), "back to the text to shorten it");
        assertTrue(staffQuestions(session).isEmpty(), "nothing sent");
        assertEquals(5000, box.getAttribute("value").length());

        box.clear();
        box.sendKeys("Why are the gloves powder-free?");
        wait.until(ExpectedConditions.textToBe(By.id("question-count"), "31 / 1,000 characters"));
        assertEquals("", phone.findElement(By.id("text-error")).getText());
        phone.findElement(By.cssSelector("#ask-form button[type=submit]")).click();
        waitForOwnStatus("Why are the gloves powder-free?", "On the board");
        assertNoErrorsLogged();
    }

    @Test
    void tickingQuoteMeByThisNameWithoutANameAsksForTheNameBeforeJoining() {
        Session session = session("POST_MODERATION");
        phone.get(base + "?code=" + session.code());
        WebElement name = wait.until(ExpectedConditions.elementToBeClickable(By.id("displayName")));
        phone.findElement(By.name("quoteByName")).click();
        phone.findElement(By.cssSelector("#join-form button[type=submit]")).click();

        wait.until(ExpectedConditions.textToBe(By.id("displayName-error"),
                "Enter the name to be quoted by, or untick “quote me by this name”."));
        assertEquals(name, phone.switchTo().activeElement(), "the name is next");
        assertTrue(phone.getCurrentUrl().endsWith("?code=" + session.code()), "not joined: " + phone.getCurrentUrl());
        assertNoHorizontalScrolling();
        Browsers.screenshot(phone, "join-quote-without-name");

        name.sendKeys("Sam", Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("welcome"), "You joined as Sam"));
        assertTrue(phone.findElement(By.id("quote-by-name")).isSelected(), "quoted by the name given");
        assertNoErrorsLogged();
    }

    /** A screenshot of the page scrolled to what it is about. */
    private void screenshotFrom(By element, String name) {
        phone.executeScript("arguments[0].scrollIntoView({block: 'start'})", phone.findElement(element));
        Browsers.screenshot(phone, name);
    }

    private void assertNoHorizontalScrolling() {
        Boolean fits = (Boolean) ((JavascriptExecutor) phone).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth");
        assertTrue(fits, "the page fits a phone's width");
    }

    /** No page logged an error, but for network failures the test caused on purpose. */
    private void assertNoErrorsLogged(String... expected) {
        List<String> errors = phone.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> Arrays.stream(expected).noneMatch(m::contains))
                .toList();
        assertEquals(List.of(), errors);
    }
}
