package app.rounds;

import app.rounds.testing.ApiClient;
import app.rounds.testing.Browsers;
import app.rounds.testing.Reply;
import app.rounds.testing.RunningRounds;
import app.rounds.testing.Staff;
import app.rounds.testing.TestPhotos;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The handoff between roles in a real Chromium: a presenter schedules a session and builds its team on the Sessions
 * page with the keyboard; the co-presenter moderates a trainee's question on the board; the communicator uploads a
 * photo, builds a highlight and submits it to review, on a session someone else created. Each sees only what their
 * part lets them use.
 */
@ExtendWith(RunningRounds.class)
@ResourceLock(value = RunningRounds.MEDIA_FOLDER, mode = ResourceAccessMode.READ)
class SessionTeamsPagesIT {

    @RunningRounds.Base
    URL base;

    ChromeDriver browser;
    WebDriverWait wait;
    Staff staff;

    @BeforeEach
    void openBrowser() {
        browser = Browsers.fresh(base);
        wait = Browsers.waitIn(browser);
        staff = new Staff(ApiClient.anonymous(base));
    }

    @Test
    void aPresentersTeamModeratesAndMakesAHighlightOfTheirSession(@TempDir Path folder) throws Exception {
        Staff.Member presenter = staff.create("presenter");
        Staff.Member coPresenter = staff.create("presenter");
        Staff.Member communicator = staff.create("communicator");
        String title = "Falls prevention " + Staff.uniqueSuffix();

        logIn(presenter);
        WebElement titleInput = browser.findElement(By.id("title"));
        titleInput.sendKeys(title, Keys.ENTER);
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(cardOf(title)));
        String sessionId = presenter.client().get("api/sessions").array().stream()
                .map(s -> s.asJsonObject()).filter(s -> s.getString("title").equals(title)).findFirst().orElseThrow()
                .getString("id");

        WebElement summary = card.findElement(By.cssSelector(".team summary"));
        summary.sendKeys(Keys.ENTER); // a disclosure opens from the keyboard
        wait.until(ExpectedConditions.textToBePresentInElement(card.findElement(By.className("team-owner")),
                "Owner: Test " + presenter.username()));
        WebElement username = card.findElement(By.cssSelector(".team-add input[name=username]"));
        assertEquals("User name", card.findElement(By.cssSelector("label[for='" + username.getAttribute("id") + "']"))
                .getText(), "the field is labelled");

        // a wrong name is answered in words beside the field, and nothing is added
        username.sendKeys("nobody-" + Staff.uniqueSuffix(), Keys.ENTER);
        WebElement usernameError = card.findElement(By.cssSelector(".team-add [data-error-for=username]"));
        wait.until(ExpectedConditions.textToBePresentInElement(usernameError, "There is no staff member"));
        assertEquals("true", username.getAttribute("aria-invalid"));
        assertEquals(username, browser.switchTo().activeElement(), "focus goes back to the name to correct");

        username.clear();
        username.sendKeys(coPresenter.username(), Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElement(card.findElement(By.className("team-members")),
                "Test " + coPresenter.username()));
        username.sendKeys(communicator.username(), Keys.TAB);
        WebElement role = browser.switchTo().activeElement();
        assertEquals("select", role.getTagName(), "Tab leads from the name to the role");
        new Select(role).selectByValue("COMMUNICATOR");
        role.sendKeys(Keys.TAB);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER); // "Add to team"
        wait.until(ExpectedConditions.textToBePresentInElement(card.findElement(By.cssSelector(".team [role=status]")),
                "Test " + communicator.username() + " is on the team as communicator."));
        List<WebElement> members = card.findElements(By.className("team-member"));
        assertEquals(2, members.size());
        assertEquals("COMMUNICATOR", new Select(members.get(1).findElement(By.tagName("select")))
                .getFirstSelectedOption().getAttribute("value"));
        assertEquals("Remove Test " + communicator.username() + " from the team of “" + title + "”",
                members.get(1).findElement(By.tagName("button")).getAttribute("aria-label"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'start'})", card.findElement(By.className("team")));
        Browsers.screenshot(browser, "session-team-panel");
        browser.manage().window().setSize(new Dimension(390, 844));
        assertNoHorizontalScrolling();
        browser.executeScript("arguments[0].scrollIntoView({block: 'start'})",
                card.findElement(By.className("team")));
        Browsers.screenshot(browser, "session-team-panel-phone");
        Browsers.assertNoErrorsLogged(browser, "404");

        // a trainee asks; the co-presenter, not the owner, moderates it on the board
        ApiClient trainee = ApiClient.anonymous(base).from(Staff.uniqueAddress());
        String joinCode = presenter.client().get("api/sessions/" + sessionId).json().getString("joinCode");
        trainee = trainee.withHeader("Rounds-Participant", trainee.post("api/participants",
                ApiClient.json("{'code':'" + joinCode + "','displayName':'Sam','quoteByName':true}")).json()
                .getString("token"));
        String question = "How often should we reassess the falls risk?";
        Reply asked = trainee.post("api/participants/me/questions", ApiClient.json("{'text':'" + question + "'}"));
        assertEquals(201, asked.status(), asked.body());

        openFresh();
        logIn(coPresenter);
        WebElement theirs = wait.until(ExpectedConditions.visibilityOfElementLocated(cardOf(title)));
        assertTrue(theirs.getText().contains("You are co-presenter · owner: Test " + presenter.username()),
                theirs.getText());
        assertFalse(theirs.findElement(By.className("media")).isDisplayed(), "no media for a co-presenter");
        assertFalse(theirs.findElement(By.className("highlights")).isDisplayed());
        assertFalse(theirs.findElement(By.className("edit")).isDisplayed(), "only the owner edits the session");
        browser.executeScript("arguments[0].scrollIntoView({block: 'start'})", theirs);
        Browsers.screenshot(browser, "sessions-as-co-presenter");
        theirs.findElement(By.className("board")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue"), question));
        assertFalse(browser.findElement(By.id("media-link")).isDisplayed(), "the board offers no media link");
        browser.findElement(By.tagName("body")).sendKeys("j");
        WebElement focused = browser.switchTo().activeElement();
        assertTrue(focused.getText().contains(question), focused.getText());
        focused.sendKeys("a");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live"), question));
        assertEquals(List.of("APPROVED"), presenter.client().get("api/sessions/" + sessionId + "/questions").array()
                .stream().map(q -> q.asJsonObject().getString("status")).toList());
        Browsers.assertNoErrorsLogged(browser);

        // the communicator cannot open the board, and is told who can change that; media and highlights open
        openFresh();
        logIn(communicator);
        WebElement ours = wait.until(ExpectedConditions.visibilityOfElementLocated(cardOf(title)));
        assertFalse(ours.findElement(By.className("board")).isDisplayed(), "no board for a communicator");
        browser.get(base + "board.html?id=" + sessionId);
        wait.until(ExpectedConditions.textToBe(By.id("problem"), "As a communicator of “" + title + "” you may not "
                + "use the live board: ask its owner, Test " + presenter.username()
                + ", or an admin to make you a co-presenter."));
        assertFalse(browser.findElement(By.id("queue")).isDisplayed(), "no queue drawn under the refusal");
        assertFalse(browser.findElement(By.id("projector-link")).isDisplayed(), "no way to this board's parts");
        assertFalse(browser.findElement(By.id("connection")).isDisplayed(), "no connection to wait for");
        Browsers.screenshot(browser, "board-refused-to-communicator");

        Path photo = Files.write(folder.resolve("mat.jpg"),
                TestPhotos.withExif(640, 480));
        browser.get(base + "media.html?id=" + sessionId);
        wait.until(ExpectedConditions.textToBe(By.id("title"), "Media · " + title));
        assertFalse(browser.findElement(By.id("board-link")).isDisplayed());
        browser.findElement(By.id("files")).sendKeys(photo.toString());
        browser.findElement(By.cssSelector("#upload button[type=submit]")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#uploads .upload.done"), 1));
        WebElement item = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#media .media-card")));
        item.findElement(By.cssSelector(".description summary")).click();
        item.findElement(By.name("altText")).sendKeys("A fall mat beside a hospital bed", Keys.ENTER);
        // saved, and the library drawn again with it: the card found before is gone
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#media .media-card img.thumbnail"), "alt",
                "A fall mat beside a hospital bed"));
        item = browser.findElement(By.cssSelector("#media .media-card"));
        item.findElement(By.cssSelector(".consent summary")).click();
        item.findElement(By.className("no-people")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#media .media-card .media-meta"),
                " · publishable"));

        browser.get(base + "highlights.html?session=" + sessionId);
        wait.until(ExpectedConditions.textToBe(By.id("title"), "Highlights · " + title));
        assertTrue(browser.findElement(By.id("media-link")).isDisplayed(), "media is the communicator's too");
        browser.findElement(By.id("new-title")).sendKeys("Fewer falls on ward 5", Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("summary")))
                .sendKeys("The team practised falls risk checks.");
        List<WebElement> material = browser.findElements(By.cssSelector("#material .material-item input[type=checkbox]"));
        assertEquals(2, material.size(), "the approved question and the photo are offered");
        material.forEach(WebElement::click);
        browser.findElement(By.cssSelector("#draft button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("page-status"), "Saved."));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"), question));
        browser.findElement(By.cssSelector("#submission button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("page-status"), "Submitted for review."));
        assertEquals("in review", browser.findElement(By.id("editor-status")).getText());
        Browsers.assertNoErrorsLogged(browser, "403");

        // the owner takes the co-presenter off the team on the Sessions page
        openFresh();
        logIn(presenter);
        card = wait.until(ExpectedConditions.visibilityOfElementLocated(cardOf(title)));
        card.findElement(By.cssSelector(".team summary")).click();
        WebElement remove = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "button[aria-label='Remove Test " + coPresenter.username() + " from the team of “" + title + "”']")));
        remove.click();
        wait.until(ExpectedConditions.textToBePresentInElement(card.findElement(By.cssSelector(".team [role=status]")),
                "Removed Test " + coPresenter.username() + " from the team"));
        assertEquals(403, coPresenter.client().get("api/sessions/" + sessionId + "/questions").status());
        Browsers.assertNoErrorsLogged(browser);
    }

    private By cardOf(String title) {
        return By.xpath("//ul[@id='sessions']/li[.//h3[normalize-space()='" + title + "']]");
    }

    private void openFresh() {
        browser = Browsers.fresh(base);
    }

    private void logIn(Staff.Member member) {
        Browsers.logIn(browser, base, member, "sessions.html");
        wait.until(ExpectedConditions.textToBe(By.id("who"), "Test " + member.username()));
    }

    private void assertNoHorizontalScrolling() {
        Boolean fits = (Boolean) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth");
        assertTrue(fits, "the page fits a phone's width");
    }

    /** Console errors fail the test, except failed requests with an expected status (a page showing a 4xx). */
}
