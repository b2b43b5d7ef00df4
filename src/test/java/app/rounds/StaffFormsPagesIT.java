package app.rounds;

import app.rounds.testing.ApiClient;
import app.rounds.testing.Browsers;
import app.rounds.testing.RunningRounds;
import app.rounds.testing.Staff;
import app.rounds.testing.TestPhotos;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Staff forms in a real headless Chromium: every fault of a form beside its field and in one summary, in words; a
 * failed upload says so on its bar, why, and offers a retry; consent is never chosen in advance; an export says what
 * it downloaded.
 */
@ExtendWith(RunningRounds.class)
@ResourceLock(value = RunningRounds.MEDIA_FOLDER, mode = ResourceAccessMode.READ)
class StaffFormsPagesIT {

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
    void aSessionFormWithThreeFaultsShowsEachBesideItsFieldAndAllInTheSummary() {
        logIn(staff.create("presenter"));
        browser.findElement(By.id("hashtag")).sendKeys("hand hygiene");
        setValue(By.id("scheduledStart"), "2026-12-01T10:00");
        setValue(By.id("scheduledEnd"), "2026-12-01T09:00");
        browser.findElement(By.cssSelector("#session-form button[type=submit]")).click();

        wait.until(ExpectedConditions.textToBe(By.id("scheduledEnd-error"), "The end must be after the start."));
        assertEquals("The title is required.", browser.findElement(By.id("title-error")).getText());
        assertEquals("A hashtag can have 1 to 50 letters, digits or underscores, without spaces.",
                browser.findElement(By.id("hashtag-error")).getText());
        for (String field : List.of("title", "hashtag", "scheduledEnd")) {
            WebElement input = browser.findElement(By.id(field));
            assertEquals("true", input.getAttribute("aria-invalid"), field);
            assertTrue(input.getAttribute("aria-describedby").contains(field + "-error"), field);
        }
        assertEquals(null, browser.findElement(By.id("facility")).getAttribute("aria-invalid"));
        assertEquals("Please correct 3 fields: The title is required. A hashtag can have 1 to 50 letters, digits or "
                        + "underscores, without spaces. The end must be after the start.",
                browser.findElement(By.cssSelector("#session-form [role=alert]")).getText(), "in the form's order");
        assertEquals(browser.findElement(By.id("title")), browser.switchTo().activeElement());
        Browsers.screenshot(browser, "session-form-errors");

        browser.findElement(By.id("title")).sendKeys("Hand hygiene");
        browser.findElement(By.id("hashtag")).clear();
        setValue(By.id("scheduledEnd"), "2026-12-01T11:00");
        browser.findElement(By.id("title")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-status"), "Scheduled “Hand hygiene”"));
        assertEquals("", browser.findElement(By.cssSelector("#session-form [role=alert]")).getText());
        assertEquals(null, browser.findElement(By.id("scheduledEnd")).getAttribute("aria-invalid"));
    }

    @Test
    void aFailedUploadSaysWhyOnItsOwnRedBarAndOffersARetry(@TempDir Path folder) throws Exception {
        Staff.Member presenter = staff.create("presenter");
        String sessionId = presenter.client().post("api/sessions",
                ApiClient.json("{'title':'Wound care'}")).json().getString("id");
        Path photo = Files.write(folder.resolve("dressing.jpg"), TestPhotos.withExif(640, 480));
        Path notes = Files.writeString(folder.resolve("notes.txt"), "not a picture", StandardCharsets.UTF_8);
        logIn(presenter);
        browser.get(base + "media.html?id=" + sessionId);
        wait.until(ExpectedConditions.textToBe(By.id("title"), "Media · Wound care"));

        browser.findElement(By.cssSelector("#upload button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("files-error"), "Choose one or more photos or videos first."));
        assertEquals("true", browser.findElement(By.id("files")).getAttribute("aria-invalid"));
        assertEquals(browser.findElement(By.id("files")), browser.switchTo().activeElement());

        browser.findElement(By.id("files")).sendKeys(photo + "\n" + notes);
        browser.findElement(By.cssSelector("#upload button[type=submit]")).click();
        WebElement failed = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#uploads .upload.failed")));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#uploads .upload.done"), 1));
        assertEquals("", browser.findElement(By.id("files-error")).getText(), "the choice error is gone");
        assertEquals("notes.txt", failed.findElement(By.className("upload-name")).getText());
        String why = failed.findElement(By.className("upload-status")).getText();
        assertTrue(why.startsWith("Not uploaded. ") && why.length() > "Not uploaded. ".length() + 20, why);
        WebElement bar = failed.findElement(By.tagName("progress"));
        assertEquals("Upload of notes.txt failed", bar.getAttribute("aria-label"));
        assertEquals("rgb(176, 0, 32)", bar.getCssValue("accent-color"), "the failed bar is red, not a full blue bar");
        WebElement retry = failed.findElement(By.className("retry"));
        assertTrue(retry.isDisplayed());
        assertEquals("Try uploading notes.txt again", retry.getAttribute("aria-label"));
        Browsers.screenshot(browser, "media-upload-failed");

        retry.click(); // the same file fails the same way: the row says so again
        wait.until(d -> failed.getAttribute("class").contains("failed")
                && failed.findElement(By.className("upload-status")).getText().equals(why));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#media .media-card"), 1));
    }

    @Test
    void consentIsNeverChosenInAdvanceAndTheFormSaysWhatIsMissing(@TempDir Path folder) throws Exception {
        Staff.Member presenter = staff.create("presenter");
        ApiClient client = presenter.client();
        String sessionId = client.post("api/sessions", ApiClient.json("{'title':'Consent drill'}")).json().getString("id");
        Path photo = Files.write(folder.resolve("ward.jpg"),
                TestPhotos.withExif(480, 360));
        logIn(presenter);
        browser.get(base + "media.html?id=" + sessionId);
        // the upload form shows once the page knows the library may be used: not clickable before
        WebElement upload = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#upload button[type=submit]")));
        browser.findElement(By.id("files")).sendKeys(photo.toString());
        upload.click();
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#media .media-card")));
        card.findElement(By.cssSelector(".consent summary")).click();
        WebElement form = card.findElement(By.className("add-consent"));
        for (String choice : List.of("relation", "scope", "status")) {
            assertEquals("", new Select(form.findElement(By.name(choice))).getFirstSelectedOption().getAttribute("value"),
                    choice + " has no choice made in advance");
        }
        form.findElement(By.name("person")).sendKeys("Nurse Kim", Keys.ENTER);

        wait.until(d -> form.findElement(By.cssSelector("[role=alert]")).getText().startsWith("Please correct 3 fields"));
        for (String choice : List.of("relation", "scope", "status")) {
            WebElement select = form.findElement(By.name(choice));
            assertEquals("true", select.getAttribute("aria-invalid"), choice);
            WebElement hint = browser.findElement(By.id(select.getAttribute("aria-describedby")));
            assertTrue(hint.getText().startsWith("Choose "), hint.getText());
        }
        Browsers.screenshot(browser, "consent-form-errors");
        assertEquals(0, client.get("api/sessions/" + sessionId + "/media").array().getJsonObject(0)
                .getJsonArray("consents").size(), "nothing recorded");

        new Select(form.findElement(By.name("relation"))).selectByVisibleText("Staff");
        new Select(form.findElement(By.name("scope"))).selectByVisibleText("Internal use only");
        new Select(form.findElement(By.name("status"))).selectByVisibleText("Granted");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#media .media-card .consents"),
                "Nurse Kim (staff): granted, internal use"));
    }

    @Test
    void theExportSaysWhatItDownloadedInWords() {
        Staff.Member presenter = staff.create("presenter");
        JsonObject session = presenter.client().post("api/sessions", ApiClient.json("{'title':'Export words'}")).json();
        ApiClient trainee = ApiClient.anonymous(base).from(Staff.uniqueAddress());
        trainee = trainee.withHeader("Rounds-Participant", trainee.post("api/participants",
                ApiClient.json("{'code':'" + session.getString("joinCode") + "'}")).json().getString("token"));
        assertTrue(trainee.post("api/participants/me/feedback", ApiClient.json("{'rating':4,'comment':'Clear'}")).status() < 300);
        for (String text : List.of("Gloves first?", "How long to rub?")) {
            assertEquals(201, trainee.post("api/participants/me/questions", ApiClient.json("{'text':'" + text + "'}")).status());
        }
        logIn(presenter);
        browser.get(base + "board.html?id=" + session.getString("id"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("export"))).click();
        String file = "rounds-" + session.getString("joinCode").replace("-", "").toLowerCase() + ".csv";
        wait.until(ExpectedConditions.textToBe(By.id("board-status"),
                "Downloaded 2 questions and 1 feedback entry as " + file + "."));
        assertFalse(browser.findElement(By.id("board-status")).getText().contains("bytes"));
    }

    private void setValue(By input, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", browser.findElement(input), value);
    }

    private void logIn(Staff.Member member) {
        Browsers.logIn(browser, base, member, "sessions.html");
        wait.until(ExpectedConditions.textToBe(By.id("who"), "Test " + member.username()));
    }
}
