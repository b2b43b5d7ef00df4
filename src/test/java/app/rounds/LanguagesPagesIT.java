package app.rounds;

import app.rounds.platform.control.MessageBundle;
import app.rounds.testing.Accessibility;
import app.rounds.testing.ApiClient;
import app.rounds.testing.Browsers;
import app.rounds.testing.Bundles;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.util.List;
import java.util.regex.Pattern;

import static app.rounds.testing.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages trainees and the public see, in the five languages: chosen from the browser's language, switched on the
 * page and remembered (by the browser pages and the server's public pages alike), with the words of the bundles and
 * never a key. The expected words are read from the bundles, so a translation can change without these tests.
 */
@ExtendWith(RunningRounds.class)
class LanguagesPagesIT {

    /** What a bundle key looks like on a page where a message was missing: one of the bundle's prefixes and a dot. */
    private static final Pattern KEY_SHOWN = Pattern.compile("\\b(" + String.join("|", Bundles.prefixes()) + ")\\.[a-zA-Z]");

    @RunningRounds.Base
    URL base;

    Staff staff;
    Staff.Member presenter;

    @BeforeEach
    void presenter() {
        staff = new Staff(ApiClient.anonymous(base).from(Staff.uniqueAddress()));
        presenter = staff.create("presenter");
    }

    JsonObject session(String title) {
        return presenter.client().post("api/sessions", json("{'title':'" + title + " " + Staff.uniqueSuffix()
                + "','facility':'Ward 5','moderationMode':'POST_MODERATION'}")).json();
    }

    String code(JsonObject session) {
        return session.getString("joinCode").replace("-", "");
    }

    void askThroughTheApi(JsonObject session, String question) {
        ApiClient anonymous = ApiClient.anonymous(base).from(Staff.uniqueAddress());
        String token = anonymous.post("api/participants", json("{'code':'" + code(session) + "','displayName':'Ana'}"))
                .json().getString("token");
        assertEquals(201, anonymous.withHeader("Rounds-Participant", token)
                .post("api/participants/me/questions", json("{'text':'" + question + "'}")).status());
    }

    static void assertNoKeyShown(ChromeDriver browser) {
        String text = browser.findElement(By.tagName("body")).getText();
        // the audit trail lists what was recorded by its names (poll.closed, when PollsIT ran alongside): data, not
        // labels
        for (WebElement audit : browser.findElements(By.id("audit"))) {
            text = text.replace(audit.getText(), "");
        }
        assertFalse(KEY_SHOWN.matcher(text).find(), "a bundle key on the page: " + text);
    }

    @Test
    void aPhoneSetToGermanJoinsAsksAndVotesInGerman() {
        MessageBundle de = Bundles.of("de");
        JsonObject session = session("Händehygiene");
        String theirs = "Ersetzt Händedesinfektion das Waschen nach C.-diff.-Kontakt?";
        askThroughTheApi(session, theirs);
        ChromeDriver phone = Browsers.speaking("de-DE,de");
        try {
            phone.manage().window().setSize(new Dimension(390, 844));
            WebDriverWait wait = Browsers.waitIn(phone);
            phone.get(base.toString());
            wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "de"));
            assertEquals(de.text("join.heading"), phone.findElement(By.tagName("h1")).getText());
            assertEquals("Deutsch", new Select(phone.findElement(By.cssSelector("[data-language-switch] select")))
                    .getFirstSelectedOption().getText());

            // the server's refusal, in the reader's words
            phone.findElement(By.id("code")).sendKeys("ZZZZ9999", Keys.ENTER);
            wait.until(ExpectedConditions.textToBe(By.id("code-error"), de.text("problem.join-code-unknown")));
            WebElement code = phone.findElement(By.id("code"));
            code.clear();
            code.sendKeys(code(session));
            phone.findElement(By.id("displayName")).sendKeys("Sam", Keys.ENTER);

            wait.until(ExpectedConditions.textToBe(By.id("welcome"), de.text("trainee.welcomeNamed", "name", "Sam")));
            wait.until(ExpectedConditions.textToBe(By.id("connection"), de.text("board.connection.live")));
            assertEquals(de.text("trainee.ask.heading"), phone.findElement(By.id("ask-heading")).getText());
            assertEquals(de.text("trainee.status.SCHEDULED"), phone.findElement(By.id("status")).getText());
            assertEquals(de.text("trainee.count", "length", "0", "max", "1.000"),
                    phone.findElement(By.id("question-count")).getText(), "numbers written the German way");

            phone.findElement(By.cssSelector("#ask-form button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBe(By.id("text-error"), de.text("trainee.ask.empty")));
            phone.findElement(By.id("question-text")).sendKeys("Wie lange muss das Desinfektionsmittel einwirken?");
            phone.findElement(By.cssSelector("#ask-form button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBe(By.id("ask-status"), de.text("trainee.ask.sentOnBoard")));

            By vote = By.xpath("//li[contains(@class,'question')][.//p[text()='" + theirs + "']]//button[@class='vote']");
            // clicked in the wait: the list may be drawn again between finding the button and clicking it
            wait.until(driver -> {
                WebElement button = ExpectedConditions.elementToBeClickable(vote).apply(driver);
                if (button == null) {
                    return false;
                }
                button.click();
                return true;
            });
            wait.until(ExpectedConditions.attributeToBe(vote, "aria-pressed", "true"));
            // read in the wait: the list is drawn again when the count arrives, replacing the button
            String name = wait.until(d -> {
                String named = d.findElement(vote).getAccessibleName();
                return named.endsWith("1 Stimme") ? named : null;
            });
            assertTrue(name.startsWith("Stimme für: " + theirs), name);

            assertNoKeyShown(phone);
            Accessibility.assertNoSeriousViolations(phone, "trainee page in German");
            Browsers.screenshot(phone, "trainee-german");
            Browsers.assertNoErrorsLogged(phone, "404");
        } finally {
            phone.quit();
        }
    }

    @Test
    void theSwitchShowsTheTraineePageInEachLanguageAndTheChoiceIsKept() {
        JsonObject session = session("Infection control");
        askThroughTheApi(session, "Gloves for every patient contact?");
        ChromeDriver phone = Browsers.fresh(base);
        phone.manage().window().setSize(new Dimension(390, 844));
        WebDriverWait wait = Browsers.waitIn(phone);
        phone.get(base + "?code=" + code(session));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("displayName"))).sendKeys("Sam", Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("connection"), "Live"));

        String halfWritten = "Do gloves replace hand hygiene after";
        phone.findElement(By.id("question-text")).sendKeys(halfWritten);
        for (String language : List.of("fr", "es", "de", "en", "nl")) {
            MessageBundle words = Bundles.of(language);
            new Select(wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("[data-language-switch] select")))).selectByValue(language);
            wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", language));
            wait.until(ExpectedConditions.textToBe(By.id("welcome"), words.text("trainee.welcomeNamed", "name", "Sam")));
            for (String[] shown : new String[][]{{"ask-heading", "trainee.ask.heading"},
                    {"questions-heading", "trainee.questions.heading"}, {"feedback-heading", "trainee.feedback.heading"},
                    {"leave", "trainee.leave"}, {"connection", "board.connection.live"}}) {
                wait.until(ExpectedConditions.textToBe(By.id(shown[0]), words.text(shown[1])));
            }
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("questions"), "Gloves for every"));
            assertEquals(halfWritten, phone.findElement(By.id("question-text")).getDomProperty("value"),
                    "what was typed and not sent is still there in " + language);
            String counted = phone.findElement(By.id("question-count")).getText();
            assertTrue(counted.contains(String.valueOf(halfWritten.length())), "and counted: " + counted);
            assertNoKeyShown(phone);
            Browsers.screenshot(phone, "trainee-" + language);
        }
        phone.get(base.toString());
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "nl"));
        assertEquals(Bundles.of("nl").text("join.heading"), phone.findElement(By.tagName("h1")).getText(),
                "the last choice is kept");
        Browsers.assertNoErrorsLogged(phone);
    }

    /**
     * Staff pages read their words from the English bundle and stay English whatever the browser's language (their
     * German, French, Spanish and Dutch are not written yet, and a page half in two languages is worse than one in
     * English); none shows a key.
     */
    @Test
    void staffPagesStayEnglishInAGermanBrowserAndShowNoKey() {
        Staff.Member everyRole = staff.create("presenter", "communicator", "reviewer", "admin");
        String id = everyRole.client().post("api/sessions", json("{'title':'Sturzprävention " + Staff.uniqueSuffix()
                + "'}")).json().getString("id");
        ChromeDriver browser = Browsers.speaking("de-DE,de");
        try {
            WebDriverWait wait = Browsers.waitIn(browser);
            Browsers.logIn(browser, base, everyRole, "sessions.html");
            for (String page : List.of("sessions.html", "board.html?id=" + id, "media.html?id=" + id,
                    "highlights.html?session=" + id, "review.html", "admin.html", "account.html")) {
                browser.get(base + page);
                wait.until(d -> d.findElements(By.cssSelector("main[aria-busy]")).isEmpty()
                        && d.findElements(By.cssSelector("#who:empty")).isEmpty());
                assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"), page);
                assertNoKeyShown(browser);
            }
            browser.get(base + "sessions.html");
            wait.until(ExpectedConditions.textToBe(By.id("form-heading"), Bundles.of("en").text("sessions.scheduleHeading")));
            Browsers.assertNoErrorsLogged(browser);
        } finally {
            browser.quit();
        }
    }

    @Test
    void theProjectorAndThePublicHighlightsSpeakTheChosenLanguage() {
        JsonObject session = session("Sepsis six");
        ChromeDriver browser = Browsers.fresh(base);
        WebDriverWait wait = Browsers.waitIn(browser);
        Browsers.logIn(browser, base, presenter, "sessions.html");

        MessageBundle fr = Bundles.of("fr");
        browser.get(base + "projector.html?id=" + session.getString("id") + "&lang=fr");
        wait.until(ExpectedConditions.textToBe(By.id("join-code"), session.getString("joinCode")));
        assertEquals("fr", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals(fr.text("projector.fullScreen"), browser.findElement(By.id("fullscreen")).getText());
        assertEquals(fr.text("projector.joinAt", "host", base.getAuthority()),
                browser.findElement(By.id("join-instruction")).getText());
        assertNoKeyShown(browser);

        // the choice made on a page of the browser is the server's too: the public site opens in French
        browser.get(base + "highlights/");
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "fr"));
        assertEquals(fr.text("public.highlights"), browser.findElement(By.tagName("h1")).getText());
        browser.findElement(By.cssSelector("nav.languages a[hreflang=es]")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "es"));
        assertEquals(Bundles.of("es").text("public.highlights"), browser.findElement(By.tagName("h1")).getText());
        Accessibility.assertNoSeriousViolations(browser, "public highlights in Spanish");
        // the list shows every test's highlights: a picture whose consent another test withdraws meanwhile is refused
        // (403) between the list being drawn and its image loading, as it should be
        Browsers.assertNoErrorsLogged(browser, "403");

        Reply dutch = ApiClient.anonymous(base).withHeader("Accept-Language", "nl-NL,nl;q=0.9,en;q=0.8")
                .get("highlights/");
        assertEquals("nl", dutch.header("Content-Language"));
        assertTrue(dutch.header("Vary").contains("Accept-Language"), dutch.header("Vary"));
        assertTrue(dutch.body().contains("<html lang=\"nl\">"), dutch.body());
    }
}
