package app.rounds;

import app.rounds.testing.Accessibility;
import app.rounds.testing.ApiClient;
import app.rounds.testing.Browsers;
import app.rounds.testing.Reply;
import app.rounds.testing.RunningRounds;
import app.rounds.testing.Staff;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.util.List;

import static app.rounds.testing.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Polls in real headless Chromiums: a presenter prepares and opens a poll on the board, three phones answer it on the
 * trainee page, and the projector shows the chart; a quiz closes on the board and the projector and the phone show
 * its leaderboard and points. axe-core checks each page with a poll on it.
 */
@ExtendWith(RunningRounds.class)
class PollsPagesIT {

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
        staff = new Staff(ApiClient.anonymous(base).from(Staff.uniqueAddress()));
        presenter = staff.create("presenter");
    }

    JsonObject session(String title) {
        Reply created = presenter.client().post("api/sessions", json("{'title':'" + title + " " + Staff.uniqueSuffix()
                + "','moderationMode':'POST_MODERATION'}"));
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    WebElement pollItem(String title) {
        return wait.until(d -> d.findElements(By.cssSelector("#polls .poll-item")).stream()
                .filter(p -> p.findElement(By.className("poll-title")).getText().equals(title)).findFirst().orElse(null));
    }

    void press(String title, String action) {
        wait.until(d -> {
            WebElement button = pollItem(title).findElement(By.cssSelector("[data-action='" + action + "']"));
            button.click();
            return true;
        });
    }

    /** A trainee joins on the phone, answers the open poll with the option of that text, and leaves again. */
    void answerOnThePhone(ChromeDriver phone, String code, String name, String option) {
        WebDriverWait phoneWait = Browsers.waitIn(phone);
        phone.get(base + "?code=" + code);
        phoneWait.until(ExpectedConditions.elementToBeClickable(By.id("displayName"))).sendKeys(name, Keys.ENTER);
        phoneWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("poll")));
        phoneWait.until(d -> {
            d.findElements(By.cssSelector("#poll-inputs .poll-choice")).stream()
                    .filter(c -> c.getText().equals(option)).findFirst().orElseThrow().click();
            return true;
        });
        phone.findElement(By.id("poll-submit")).click();
        phoneWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("poll-answer"),
                "Your answer: " + option + "."));
    }

    @Test
    void aPresenterOpensAPollThreePhonesAnswerAndTheProjectorShowsTheChart() {
        JsonObject session = session("NEWS2 refresher");
        String code = session.getString("joinCode").replace("-", "");
        Browsers.logIn(browser, base, presenter, "board.html?id=" + session.getString("id"));

        // prepared on the board's own form, once the board has loaded
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#poll-editor-box summary"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("poll-title-input")))
                .sendKeys("Which NEWS2 score calls for an urgent response?");
        for (String option : List.of("3", "5", "7")) {
            int number = List.of("3", "5", "7").indexOf(option) + 1;
            browser.findElement(By.id("poll-option-" + number)).sendKeys(option);
        }
        browser.findElement(By.id("poll-editor-submit")).click();
        String title = "Which NEWS2 score calls for an urgent response?";
        pollItem(title);
        press(title, "state");
        wait.until(d -> pollItem(title).getText().contains("Open"));
        Accessibility.assertNoSeriousViolations(browser, "board with a poll");

        ChromeDriver phone = Browsers.another();
        try {
            phone.manage().window().setSize(new Dimension(390, 844));
            answerOnThePhone(phone, code, "Sam", "7");
            Accessibility.assertNoSeriousViolations(phone, "trainee page with a poll (phone)");
            Browsers.screenshot(phone, "trainee-poll");
            for (String[] trainee : List.of(new String[]{"Kim", "7"}, new String[]{"Lee", "5"})) {
                phone.findElement(By.id("leave")).click();
                Browsers.waitIn(phone).until(ExpectedConditions.urlMatches(".*/(index\\.html)?(\\?.*)?$"));
                answerOnThePhone(phone, code, trainee[0], trainee[1]);
            }
            wait.until(d -> pollItem(title).getText().contains("3 answers"));
            Browsers.screenshot(browser, "board-poll");

            press(title, "results");
            Browsers.waitIn(phone).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#poll-results .poll-bars")));
            Browsers.assertNoErrorsLogged(phone);
        } finally {
            phone.quit();
        }

        browser.switchTo().newWindow(WindowType.TAB);
        browser.manage().window().setSize(new Dimension(1280, 720));
        browser.get(base + "projector.html?id=" + session.getString("id"));
        WebElement chart = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#poll .poll-bars")));
        assertTrue(browser.findElement(By.id("poll-title")).getText().contains("NEWS2"));
        List<String> rows = chart.findElements(By.cssSelector("tbody tr")).stream().map(WebElement::getText).toList();
        assertEquals(3, rows.size(), rows.toString());
        assertTrue(rows.get(0).startsWith("3 0"), rows.toString());
        assertTrue(rows.get(1).startsWith("5 1 33.3"), rows.toString());
        assertTrue(rows.get(2).startsWith("7 2 66.7"), rows.toString());
        assertTrue(browser.findElement(By.id("questions")).getAttribute("hidden") != null,
                "the poll takes the questions' place");
        Accessibility.assertNoSeriousViolations(browser, "projector with poll results");
        Browsers.screenshot(browser, "projector-poll");
        Browsers.assertNoErrorsLogged(browser);
    }

    @Test
    void aQuizClosesOnTheBoardAndThePhoneAndTheProjectorShowTheLeaderboard() {
        JsonObject session = session("Sepsis quiz");
        String sessionId = session.getString("id");
        String code = session.getString("joinCode").replace("-", "");
        String title = "First step of the sepsis six?";
        Reply prepared = presenter.client().post("api/sessions/" + sessionId + "/polls", json("{'kind':'QUIZ',"
                + "'title':'" + title + "','timeLimitSeconds':120,'options':[{'text':'Give oxygen','correct':true},"
                + "{'text':'Wait for the consultant'}]}"));
        assertEquals(201, prepared.status(), prepared.body());
        String pollId = prepared.json().getString("id");
        assertEquals(200, presenter.client().put("api/sessions/" + sessionId + "/polls/" + pollId + "/state",
                json("{'state':'OPEN'}")).status());

        ApiClient other = ApiClient.anonymous(base).from(Staff.uniqueAddress());
        String token = other.post("api/participants", json("{'code':'" + code + "','displayName':'Ash'}")).json()
                .getString("token");
        assertEquals(200, other.withHeader("Rounds-Participant", token).post("api/participants/me/polls/" + pollId
                + "/answer", json("{'choices':[1]}")).status());

        ChromeDriver phone = Browsers.another();
        try {
            phone.manage().window().setSize(new Dimension(390, 844));
            WebDriverWait phoneWait = Browsers.waitIn(phone);
            answerOnThePhone(phone, code, "Sam", "Give oxygen");
            assertTrue(phone.findElement(By.id("poll-time")).getText().matches("\\d+ seconds left"),
                    phone.findElement(By.id("poll-time")).getText());

            Browsers.logIn(browser, base, presenter, "board.html?id=" + sessionId);
            press(title, "results");
            press(title, "state");
            // a CI run once waited 15 s here: say what the board showed and what the server had stored
            Browsers.waitIn(browser).withMessage(() -> "the board showing the quiz closed; its polls show \""
                            + browser.findElement(By.id("polls")).getText() + "\", it says \""
                            + browser.findElement(By.id("polls-status")).getText() + "\" and \""
                            + browser.findElement(By.id("connection")).getText() + "\"; the server has "
                            + presenter.client().get("api/sessions/" + sessionId + "/polls").body())
                    .until(d -> pollItem(title).getText().contains("Closed"));

            phoneWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("poll-answer"), "You scored"));
            WebElement leaders = phoneWait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#poll-results .leaderboard")));
            assertTrue(leaders.getText().contains("Sam"), leaders.getText());
            assertTrue(!leaders.getText().contains("Ash"), "a wrong answer scores nothing: " + leaders.getText());
            assertTrue(phone.findElement(By.cssSelector("#poll-results tr.correct")).getText().startsWith("Give oxygen"));
            Accessibility.assertNoSeriousViolations(phone, "trainee page with a closed quiz (phone)");
            Browsers.screenshot(phone, "trainee-quiz-closed");
            Browsers.assertNoErrorsLogged(phone);
        } finally {
            phone.quit();
        }
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(base + "projector.html?id=" + sessionId);
        wait.withMessage("the leaderboard, shown whole").until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#poll .leaderboard ol"), "Sam"));
        Browsers.screenshot(browser, "projector-quiz-leaderboard");
        assertEquals("1.", browser.findElement(By.cssSelector("#poll .leaderboard .rank")).getText());
        Accessibility.assertNoSeriousViolations(browser, "projector with a quiz's leaderboard");
        Browsers.assertNoErrorsLogged(browser);
    }

    @Test
    void theBoardsEditorSaysWhatIsMissingInWords() {
        JsonObject session = session("Editor");
        Browsers.logIn(browser, base, presenter, "board.html?id=" + session.getString("id"));
        // the polls panel shows once the board has loaded its state
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#poll-editor-box summary"))).click();
        new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("poll-kind-select"))))
                .selectByValue("QUIZ");
        browser.findElement(By.id("poll-option-1")).sendKeys("Only one");
        browser.findElement(By.id("poll-editor-submit")).click();
        WebElement alert = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#poll-editor [role=alert]")));
        wait.until(d -> !alert.getText().isBlank());
        assertTrue(alert.getText().contains("Write the question the poll asks."), alert.getText());
        assertTrue(alert.getText().contains("Give 2 to 10 options"), alert.getText());
        assertEquals("true", browser.findElement(By.id("poll-title-input")).getAttribute("aria-invalid"));
        Browsers.assertNoErrorsLogged(browser, "400");
    }
}
