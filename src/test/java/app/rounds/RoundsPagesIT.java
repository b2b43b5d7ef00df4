package app.rounds;

import app.rounds.testing.Accessibility;
import app.rounds.testing.ApiClient;
import app.rounds.testing.Browsers;
import app.rounds.testing.PayaraProcess;
import app.rounds.testing.RunningRounds;
import app.rounds.testing.Staff;
import app.rounds.testing.TestPhotos;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages in a real headless Chromium against the deployed app: a presenter logs in with the keyboard, schedules
 * a session and shows its join code and QR code; a trainee on a phone-sized screen joins with that code. No page may
 * log an error (a Content-Security-Policy violation included).
 */
@ExtendWith(RunningRounds.class)
@ResourceLock(value = RunningRounds.MEDIA_FOLDER, mode = ResourceAccessMode.READ)
class RoundsPagesIT {

    @RunningRounds.Base
    URL base;

    ChromeDriver browser;
    WebDriverWait wait;
    Staff staff;

    @BeforeEach
    void openBrowser() {
        browser = Browsers.fresh(base);
        // live pages re-render lists as frames arrive: an element found a moment ago may be replaced
        wait = Browsers.waitIn(browser);
        staff = new Staff(ApiClient.anonymous(base));
    }

    @Test
    void presenterSchedulesASessionAndShowsItsJoinCodeAndQrCode() {
        Staff.Member presenter = staff.create("presenter");
        logIn(presenter);

        WebElement title = browser.findElement(By.id("title"));
        browser.findElement(By.cssSelector("#session-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("title-error"), "The title is required."));
        assertEquals("true", title.getAttribute("aria-invalid"));
        assertEquals(title, browser.switchTo().activeElement(), "focus moves to the first invalid field");

        title.sendKeys("Infection control: PPE donning");
        browser.findElement(By.id("facility")).sendKeys("Skills lab 2");
        browser.findElement(By.id("hashtag")).sendKeys("#PPE" + Staff.uniqueSuffix());
        browser.findElement(By.id("description")).sendKeys("Gloves, gowns, masks.");
        title.sendKeys(Keys.ENTER);
        WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("page-status")));
        wait.until(d -> status.getText().contains("join code"));
        String code = status.getText().replaceAll(".*join code ([A-Z0-9-]+).*", "$1");

        // the list is drawn again after the status says the session was made
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#sessions .card")));
        assertEquals("Infection control: PPE donning", card.findElement(By.className("card-title")).getText());
        assertEquals(code, card.findElement(By.className("code")).getText());
        card.findElement(By.className("projector")).click();

        wait.until(ExpectedConditions.textToBe(By.id("join-code"), code));
        WebElement qr = browser.findElement(By.id("qr"));
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", qr));
        // the projector fits any screen (BoardProjectorPagesIT): its QR code is sized by the screen, never below a fifth
        long smallerSide = (Long) browser.executeScript("return Math.min(innerWidth, innerHeight)");
        assertTrue(qr.getSize().getWidth() >= 0.2 * smallerSide, "QR code big enough for a projector: " + qr.getSize());
        assertTrue(qr.getAttribute("alt").contains("?code=" + code.replace("-", "")), qr.getAttribute("alt"));
        Browsers.screenshot(browser, "projector");
        Accessibility.assertNoSeriousViolations(browser, "projector with the join code");
        Browsers.assertNoErrorsLogged(browser, "400");
    }

    @Test
    void traineeJoinsFromAPhoneWithTheCode() {
        ApiClient presenter = staff.create("presenter").client();
        String code = presenter.post("api/sessions", ApiClient.json("{'title':'Sepsis six','facility':'Ward 5'}"))
                .json().getString("joinCode");
        browser.manage().window().setSize(new Dimension(390, 844));

        browser.get(base + "?code=" + code.replace("-", ""));
        WebElement name = wait.until(ExpectedConditions.elementToBeClickable(By.id("displayName")));
        assertEquals(name, browser.switchTo().activeElement(), "with the code in the link, the name is next");
        assertEquals(code.replace("-", ""), browser.findElement(By.id("code")).getAttribute("value"));
        name.sendKeys("Sam", Keys.ENTER);

        wait.until(ExpectedConditions.textToBe(By.id("title"), "Sepsis six"));
        assertEquals("You joined as Sam", browser.findElement(By.id("welcome")).getText());
        assertNoHorizontalScrolling(browser);
        Browsers.screenshot(browser, "trainee-phone");

        browser.findElement(By.id("leave")).click();
        WebElement codeInput = wait.until(ExpectedConditions.elementToBeClickable(By.id("code")));
        codeInput.sendKeys("WRONGCOD", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("code-error"), "No session has this join code"));
        assertNoHorizontalScrolling(browser);
        Accessibility.assertNoSeriousViolations(browser, "join page with a wrong code");
        Browsers.assertNoErrorsLogged(browser, "404");
    }

    @Test
    void aQuestionGoesFromATraineesPhoneThroughModerationToTheBoardAndProjectorWithoutReloads() {
        Staff.Member presenter = staff.create("presenter");
        JsonObject session = presenter.client().post("api/sessions",
                ApiClient.json("{'title':'Sepsis six','moderationMode':'PRE_MODERATION'}")).json();
        String question = "How fast should the first antibiotic dose be given?";

        ChromeDriver phone = Browsers.another();
        try {
            phone.manage().window().setSize(new Dimension(390, 844));
            WebDriverWait phoneWait = Browsers.waitIn(phone);
            phone.get(base + "?code=" + session.getString("joinCode").replace("-", ""));
            phoneWait.until(ExpectedConditions.elementToBeClickable(By.id("displayName"))).sendKeys("Sam", Keys.ENTER);
            phoneWait.until(ExpectedConditions.textToBe(By.id("connection"), "Live"));
            phone.findElement(By.id("question-text")).sendKeys(question);
            phone.findElement(By.cssSelector("#ask-form button[type=submit]")).click();
            phoneWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ask-status"), "once a moderator"));
            phoneWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mine"), "Waiting for a moderator"));

            logIn(presenter);
            browser.get(base + "board.html?id=" + session.getString("id"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue"), question));
            browser.findElement(By.tagName("body")).sendKeys("j");
            WebElement focused = browser.switchTo().activeElement();
            assertTrue(focused.getText().contains(question), "j focuses the first question: " + focused.getText());
            focused.sendKeys("a");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live"), question));
            wait.until(ExpectedConditions.textToBe(By.id("queue-count"), "(0)"));
            browser.executeScript("window.scrollTo(0, 0)");
            Browsers.screenshot(browser, "presenter-board");

            phoneWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("questions"), question));
            phoneWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mine"), "On the board"));
            phone.findElement(By.cssSelector("#questions .vote")).click();
            phoneWait.until(ExpectedConditions.attributeToBe(By.cssSelector("#questions .vote"), "aria-pressed", "true"));
            Accessibility.assertNoSeriousViolations(phone, "trainee page after a vote");

            browser.get(base + "projector.html?id=" + session.getString("id"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("projector-questions"), question));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("projector-questions"), "1 vote"));
            Browsers.screenshot(browser, "projector-questions");

            presenter.client().put("api/sessions/" + session.getString("id") + "/questions/"
                    + presenter.client().get("api/sessions/" + session.getString("id") + "/questions").array()
                    .getJsonObject(0).getString("id") + "/flags", ApiClient.json("{'pinned':true}"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("projector-questions"), "Pinned"));
            Browsers.screenshot(phone, "trainee-board");

            // a held question says, in words, what screening found in it and why
            WebElement ask = phone.findElement(By.id("question-text"));
            ask.clear();
            ask.sendKeys("Mrs Patel in bed 4 fell again overnight, is that a datix?");
            phone.findElement(By.cssSelector("#ask-form button[type=submit]")).click();
            browser.get(base + "board.html?id=" + session.getString("id"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue"), "Mrs Patel"));
            String held = browser.findElement(By.cssSelector("#queue .screening")).getText();
            assertTrue(held.contains("Held by screening: person's name “Mrs Patel”")
                    && held.contains("a name after a title"), held);
            Browsers.screenshot(browser, "presenter-board-held");
            Accessibility.assertNoSeriousViolations(browser, "board with a question held by screening");
            Browsers.assertNoErrorsLogged(browser);
        } finally {
            phone.quit();
        }
    }

    @Test
    void adminAddsAStaffUserWithRoles() {
        browser.get(base + "login.html");
        Browsers.loginFormReady(browser).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(PayaraProcess.adminPassword(), Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("admin.html"));

        String username = "educator-" + Staff.uniqueSuffix();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("username"))).sendKeys(username);
        browser.findElement(By.id("displayName")).sendKeys("Clinical Educator");
        browser.findElement(By.id("password")).sendKeys("short");
        browser.findElement(By.cssSelector("input[name=roles][value=presenter]")).click();
        browser.findElement(By.cssSelector("#user-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("password-error"), "The password needs at least 12 characters (this one has 5)."));
        Accessibility.assertNoSeriousViolations(browser, "users page with an invalid field");

        WebElement password = browser.findElement(By.id("password"));
        password.clear();
        password.sendKeys("a long enough password", Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("page-status"), "Added " + username + "."));
        wait.until(d -> d.findElement(By.id("users")).getText().contains(username));
        assertEquals(List.of("presenter"), staff.admin().get("api/users/" + username).json().getJsonArray("roles")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        Browsers.assertNoErrorsLogged(browser, "400");
    }

    @Test
    void staffChangeTheirPasswordOnTheAccountPage() {
        Staff.Member presenter = staff.create("presenter");
        logIn(presenter);
        browser.findElement(By.id("who")).click();
        WebElement current = wait.until(ExpectedConditions.elementToBeClickable(By.id("currentPassword")));
        current.sendKeys("not my password");
        browser.findElement(By.id("newPassword")).sendKeys("my new long password", Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("currentPassword-error"), "Your current password is not the one you typed."));

        current.clear();
        current.sendKeys(presenter.password());
        browser.findElement(By.id("newPassword")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("page-status"), "Your password was changed."));
        assertEquals(200, ApiClient.anonymous(base).post("api/auth/login",
                ApiClient.credentials(presenter.username(), "my new long password")).status());
        browser.findElement(By.linkText("Sessions")).click();
        wait.until(ExpectedConditions.textToBe(By.id("who"), "Test " + presenter.username()));
        Browsers.assertNoErrorsLogged(browser, "400");
    }

    @Test
    void presenterUploadsTwoPhotosAndSeesTheirProgressAndThumbnails(@TempDir Path folder) throws Exception {
        Staff.Member presenter = staff.create("presenter");
        String sessionId = presenter.client().post("api/sessions",
                ApiClient.json("{'title':'Hand hygiene drill'}")).json().getString("id");
        Path first = Files.write(folder.resolve("sink.jpg"), TestPhotos.withExif(640, 480));
        Path second = Files.write(folder.resolve("gloves.jpg"), TestPhotos.withExif(480, 640));
        logIn(presenter);

        browser.get(base + "media.html?id=" + sessionId);
        wait.until(ExpectedConditions.textToBe(By.id("title"), "Media · Hand hygiene drill"));
        browser.findElement(By.id("files")).sendKeys(first + "\n" + second);
        browser.findElement(By.cssSelector("#upload button[type=submit]")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#uploads .upload.done"), 2));
        for (WebElement bar : browser.findElements(By.cssSelector("#uploads progress"))) {
            assertEquals("1", bar.getAttribute("value"), "each file has its own progress bar, full when done");
            assertTrue(bar.getAttribute("aria-label").startsWith("Upload of "));
        }
        List<WebElement> thumbnails = wait.until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("#media img.thumbnail"), 2));
        for (WebElement thumbnail : thumbnails) {
            wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "return arguments[0].complete && arguments[0].naturalWidth > 0", thumbnail));
            assertTrue(thumbnail.getAttribute("alt").contains("no alt text yet"), thumbnail.getAttribute("alt"));
        }
        WebElement card = browser.findElement(By.cssSelector("#media .media-card"));
        card.findElement(By.cssSelector(".consent summary")).click();
        card.findElement(By.name("person")).sendKeys("Nurse Kim");
        new Select(card.findElement(By.name("relation"))).selectByVisibleText("Staff");
        new Select(card.findElement(By.name("scope"))).selectByVisibleText("Publication");
        new Select(card.findElement(By.name("status"))).selectByVisibleText("Granted");
        card.findElement(By.name("person")).sendKeys(Keys.ENTER);
        WebElement withdraw = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#media .media-card button[aria-label='Withdraw consent of Nurse Kim']")));
        withdraw.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#media .media-card .consents"),
                "Nurse Kim (staff): withdrawn"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#media .media-card .media-meta"),
                "not publishable"));
        Browsers.screenshot(browser, "media-library");
        Accessibility.assertNoSeriousViolations(browser, "media page after uploads and a withdrawal");
        Browsers.assertNoErrorsLogged(browser);
    }

    @Test
    void communicatorBuildsAHighlightAReviewerApprovesItAndThePublicPageShowsIt() throws Exception {
        Staff.Member communicator = staff.create("communicator", "presenter");
        Staff.Member reviewer = staff.create("reviewer");
        ApiClient curator = communicator.client();
        JsonObject session = curator.post("api/sessions", ApiClient.json("{'title':'Chest drain care'}")).json();
        String sessionId = session.getString("id");
        ApiClient trainee = ApiClient.anonymous(base).from(Staff.uniqueAddress());
        trainee = trainee.withHeader("Rounds-Participant", trainee.post("api/participants",
                ApiClient.json("{'code':'" + session.getString("joinCode") + "','displayName':'Sam',"
                        + "'quoteByName':true}")).json().getString("token"));
        String questionId = trainee.post("api/participants/me/questions",
                ApiClient.json("{'text':'When do we clamp the drain?'}")).json().getString("id");
        curator.put("api/sessions/" + sessionId + "/questions/" + questionId + "/status",
                ApiClient.json("{'status':'APPROVED'}"));
        HttpResponse<String> uploaded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "api/sessions/" + sessionId + "/media?name=drain.jpg"))
                .header("Authorization", curator.header("Authorization"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(TestPhotos.withExif(640, 480))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        String photo = "api/sessions/" + sessionId + "/media/"
                + uploaded.body().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
        curator.put(photo, ApiClient.json("{'altText':'A nurse checks the chest drain bottle on a manikin'}"));
        curator.put(photo + "/people", ApiClient.json("{'noIdentifiablePeople':true}"));

        logIn(communicator);
        browser.get(base + "highlights.html?session=" + sessionId);
        wait.until(ExpectedConditions.textToBe(By.id("title"), "Highlights · Chest drain care"));
        browser.findElement(By.id("new-title")).sendKeys("Chest drains, safely", Keys.ENTER);
        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("summary")));
        summary.sendKeys("Twenty nurses practised drain checks.");
        List<WebElement> material = browser.findElements(By.cssSelector("#material .material-item input[type=checkbox]"));
        assertEquals(2, material.size(), "the approved question and the publishable photo are suggested");
        material.forEach(WebElement::click);
        browser.findElement(By.cssSelector("#draft button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("page-status"), "Saved."));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"), "Sam, trainee"));
        Browsers.screenshot(browser, "highlight-studio");
        Accessibility.assertNoSeriousViolations(browser, "highlight studio with a draft");
        browser.findElement(By.cssSelector("#submission button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("page-status"), "Submitted for review."));
        assertEquals("in review", browser.findElement(By.id("editor-status")).getText());
        Browsers.assertNoErrorsLogged(browser);

        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.urlContains("login.html"));
        browser.get(base + "review.html");
        wait.until(ExpectedConditions.urlContains("login.html"));
        Browsers.loginFormReady(browser).sendKeys(reviewer.username(), Keys.TAB);
        browser.switchTo().activeElement().sendKeys(reviewer.password(), Keys.ENTER);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("login.html")));
        assertTrue(browser.getCurrentUrl().endsWith("review.html"), "back where the reviewer was going");

        long opened = System.nanoTime();
        browser.get(base + "review.html");
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//ul[@id='queue']//button[contains(., 'Chest drains, safely')]"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rendition"), "When do we clamp the drain?"));
        assertTrue(browser.findElement(By.id("packet-pictures")).getText().contains("No one identifiable"),
                "the reviewer sees the consent status of the picture");
        Browsers.screenshot(browser, "review-screen");
        Accessibility.assertNoSeriousViolations(browser, "review packet");
        browser.findElement(By.id("approve")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("published-link"))).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("article.highlight h1"), "Chest drains, safely"));
        long millis = (System.nanoTime() - opened) / 1_000_000;
        System.out.printf("RoundsPagesIT: reviewer from opening the queue to the published page: %d ms%n", millis);

        WebElement picture = browser.findElement(By.cssSelector("article.highlight img"));
        assertEquals("A nurse checks the chest drain bottle on a manikin", picture.getAttribute("alt"));
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", picture));
        assertEquals("— Sam, trainee", browser.findElement(By.cssSelector("blockquote.quote footer")).getText());
        Browsers.screenshot(browser, "published-highlight");
        browser.manage().window().setSize(new Dimension(390, 844));
        assertNoHorizontalScrolling(browser);
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertEquals("Skip to content", browser.switchTo().activeElement().getText(), "the first Tab offers the skip link");
        Browsers.screenshot(browser, "published-highlight-phone");
        Accessibility.assertNoSeriousViolations(browser, "published highlight on a phone");
        Browsers.assertNoErrorsLogged(browser);

        // a hospital's page, served from another origin, embeds it with the widget: the link becomes a sized iframe
        String pageUrl = browser.getCurrentUrl();
        HttpServer hospital = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] hospitalPage = ("<!DOCTYPE html><html lang=\"en\"><head><title>Our training</title></head><body>"
                + "<blockquote class=\"rounds-highlight\"><a href=\"" + pageUrl + "\">Chest drains</a></blockquote>"
                + "<script async src=\"" + base + "js/embed.js\"></script></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        hospital.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, hospitalPage.length);
            exchange.getResponseBody().write(hospitalPage);
            exchange.close();
        });
        hospital.start();
        try {
            browser.get("http://127.0.0.1:" + hospital.getAddress().getPort() + "/");
            WebElement frame = wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("iframe")));
            assertEquals(pageUrl + "/embed", frame.getAttribute("src"));
            wait.until(d -> !"480px".equals(frame.getCssValue("height")));
            browser.switchTo().frame(frame);
            assertEquals("Chest drains, safely", wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("article.highlight h1"))).getText());
        } finally {
            hospital.stop(0);
        }
    }

    private void logIn(Staff.Member member) {
        browser.get(base + "sessions.html");
        wait.until(ExpectedConditions.urlContains("login.html"));
        WebElement username = Browsers.loginFormReady(browser);
        assertEquals(username, browser.switchTo().activeElement(), "the login form is ready to type into");
        username.sendKeys(member.username(), Keys.TAB);
        browser.switchTo().activeElement().sendKeys(member.password(), Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("sessions.html"));
        wait.until(ExpectedConditions.textToBe(By.id("who"), "Test " + member.username()));
    }

    private static void assertNoHorizontalScrolling(WebDriver browser) {
        Boolean fits = (Boolean) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth");
        assertTrue(fits, "the page fits a phone's width");
    }

    /** Console errors fail the test, except failed requests with an expected status (a page showing a 4xx). */
}
