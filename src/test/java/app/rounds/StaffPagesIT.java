package app.rounds;

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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;

import static app.rounds.testing.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The staff pages as each role meets them, in a real headless Chromium: the Sessions list that follows changes made
 * elsewhere, in the order of what needs attention, with a filter; the Users page resetting passwords and changing
 * names; every role landing on its own start page and seeing only the pages it may use; unknown addresses answered
 * in words. Plus the HTTP answers under them (the list's ETag, the 404 for API clients).
 */
@ExtendWith(RunningRounds.class)
class StaffPagesIT {

    @RunningRounds.Base
    URL base;

    ChromeDriver browser;
    WebDriverWait wait;
    Staff staff;

    @BeforeEach
    void openBrowser() {
        browser = Browsers.fresh(base);
        // the Sessions list redraws when it changes: an element found a moment ago may be replaced
        wait = Browsers.waitIn(browser, Duration.ofSeconds(20));
        staff = new Staff(ApiClient.anonymous(base));
    }

    // --- Sessions --------------------------------------------------------------------------------------------

    @Test
    void theSessionsListPutsLiveFirstAndFollowsASessionStartedElsewhereWithoutAReload() {
        Staff.Member presenter = staff.create("presenter");
        ApiClient api = presenter.client();
        String ended = schedule(api, "Ended yesterday", null);
        api.post("api/sessions/" + ended + "/end", null);
        schedule(api, "Tomorrow's round", Instant.now().plus(Duration.ofDays(1)));
        schedule(api, "In an hour", Instant.now().plus(Duration.ofHours(1)));
        String startedElsewhere = schedule(api, "Started from the board", Instant.now().plus(Duration.ofDays(3)));
        logInThroughThePageOf(presenter, "sessions.html");

        wait.until(d -> cardTitles().equals(List.of("In an hour", "Tomorrow's round", "Started from the board",
                "Ended yesterday")));
        assertTrue(cardStatus("Started from the board").startsWith("Scheduled"), cardStatus("Started from the board"));

        assertEquals(200, api.post("api/sessions/" + startedElsewhere + "/start", null).status());
        wait.until(d -> cardTitles().getFirst().equals("Started from the board"));
        assertTrue(cardStatus("Started from the board").startsWith("Live since"), cardStatus("Started from the board"));
        assertEquals(List.of("Started from the board", "In an hour", "Tomorrow's round", "Ended yesterday"),
                cardTitles(), "live first, then upcoming (soonest first), then ended");
        browser.executeScript("document.getElementById('list-heading').scrollIntoView()");
        Browsers.screenshot(browser, "staff-sessions");
        browser.manage().window().setSize(new Dimension(390, 844));
        assertNoHorizontalScrolling();
        browser.executeScript("document.getElementById('list-heading').scrollIntoView()");
        Browsers.screenshot(browser, "staff-sessions-phone");
        Browsers.assertNoErrorsLogged(browser);
    }

    @Test
    void goingLiveReplacesTheScheduledBannerWithWhatJustHappened() {
        Staff.Member presenter = staff.create("presenter");
        logInThroughThePageOf(presenter, "sessions.html");
        WebElement title = wait.until(ExpectedConditions.elementToBeClickable(By.id("title")));
        title.sendKeys("Wound care basics", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-status"),
                "Scheduled “Wound care basics”"));

        card("Wound care basics").findElement(By.className("start")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-status"),
                "“Wound care basics” is live"));
        assertFalse(browser.findElement(By.id("page-status")).getText().contains("Scheduled"),
                browser.findElement(By.id("page-status")).getText());
        wait.until(d -> cardStatus("Wound care basics").startsWith("Live since"));
        Browsers.assertNoErrorsLogged(browser);
    }

    @Test
    void theFilterShowsLiveAndUpcomingOrEndedFromTheKeyboardAndKeepsTheChoiceOnReload() {
        Staff.Member communicator = staff.create("communicator");
        ApiClient api = communicator.client();
        String over = schedule(api, "Over and done", null);
        api.post("api/sessions/" + over + "/end", null);
        String live = schedule(api, "Running now", null);
        api.post("api/sessions/" + live + "/start", null);
        schedule(api, "Coming up", Instant.now().plus(Duration.ofHours(2)));
        logInThroughThePageOf(communicator, "sessions.html");
        wait.until(d -> cardTitles().size() == 3);

        WebElement all = browser.findElement(By.cssSelector("[data-show='all']"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", all);
        all.sendKeys(Keys.TAB);
        WebElement current = browser.switchTo().activeElement();
        assertEquals("Live and upcoming", current.getText(), "Tab walks the filter");
        current.sendKeys(Keys.ENTER);
        wait.until(d -> cardTitles().equals(List.of("Running now", "Coming up")));
        assertEquals("true", current.getAttribute("aria-pressed"));
        assertEquals("false", all.getAttribute("aria-pressed"));

        current.sendKeys(Keys.TAB);
        browser.switchTo().activeElement().sendKeys(Keys.SPACE);
        wait.until(d -> cardTitles().equals(List.of("Over and done")));
        assertTrue(browser.getCurrentUrl().endsWith("sessions.html?show=ended"), browser.getCurrentUrl());

        browser.navigate().refresh();
        wait.until(d -> cardTitles().equals(List.of("Over and done")));
        assertEquals("true", browser.findElement(By.cssSelector("[data-show='ended']")).getAttribute("aria-pressed"));
        Browsers.assertNoErrorsLogged(browser);
    }

    @Test
    void theSessionListAnswers304WhileNothingChangedAndTheNewListOnceSomethingDid() {
        ApiClient presenter = staff.create("presenter").client();
        String id = schedule(presenter, "Asked again and again", null);
        Reply first = presenter.get("api/sessions");
        String tag = first.header("ETag");
        assertNotNull(tag, first.headers().map().toString());

        Reply unchanged = presenter.withHeader("If-None-Match", tag).get("api/sessions");
        assertEquals(304, unchanged.status(), unchanged.body());
        assertEquals("", unchanged.body());
        assertEquals("no-store", unchanged.header("Cache-Control"), "a list that needs a login is never stored");

        presenter.post("api/sessions/" + id + "/start", null);
        Reply changed = presenter.withHeader("If-None-Match", tag).get("api/sessions");
        assertEquals(200, changed.status(), changed.body());
        assertNotEquals(tag, changed.header("ETag"));
        assertEquals("LIVE", changed.array().getJsonObject(0).getString("status"));
    }

    // --- Users -----------------------------------------------------------------------------------------------

    @Test
    void anAdminChangesANameAndResetsAPasswordOnTheUsersPageAfterConfirming() {
        Staff.Member admin = staff.create("admin");
        Staff.Member nurse = staff.create("presenter");
        logInThroughThePageOf(admin, "admin.html");
        findUser(nurse.username());
        WebElement rename = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("button[aria-label='Change name of " + nurse.username() + "']")));

        rename.click();
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rename-displayName")));
        assertEquals(name, browser.switchTo().activeElement(), "the dialog opens on the name");
        name.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Nurse Kim Okafor", Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("page-status"),
                nurse.username() + " is now called “Nurse Kim Okafor”."));
        assertEquals("Nurse Kim Okafor", staff.admin().get("api/users/" + nurse.username()).json()
                .getString("displayName"));
        assertEquals(browser.findElement(By.cssSelector("button[aria-label='Change name of " + nurse.username() + "']")),
                browser.switchTo().activeElement(), "focus goes back to the button that opened the dialog");

        WebElement reset = browser.findElement(By.cssSelector(
                "button[aria-label='Reset password of " + nurse.username() + "']"));
        reset.click();
        WebElement password = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reset-password")));
        assertTrue(browser.findElement(By.id("reset-heading")).getText().contains("Nurse Kim Okafor"));
        assertTrue(browser.findElement(By.id("reset-consequence")).getText().contains("logged out"),
                "the dialog says what the reset does before it is confirmed");
        password.sendKeys("a brand new password");
        browser.findElement(By.id("reset-repeated")).sendKeys("a brand new pasword", Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("reset-repeated-error"),
                "The two passwords differ: type the same one twice."));
        assertEquals(200, ApiClient.anonymous(base).post("api/auth/login",
                ApiClient.credentials(nurse.username(), nurse.password())).status(), "nothing changed yet");

        WebElement repeated = browser.findElement(By.id("reset-repeated"));
        repeated.clear();
        repeated.sendKeys("a brand new password");
        Browsers.screenshot(browser, "staff-users-reset");
        browser.findElement(By.id("reset-confirm")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-status"),
                "The password of " + nurse.username() + " was reset."));
        assertFalse(browser.findElement(By.id("reset-dialog")).isDisplayed());
        assertEquals(401, ApiClient.anonymous(base).post("api/auth/login",
                ApiClient.credentials(nurse.username(), nurse.password())).status());
        assertEquals(200, ApiClient.anonymous(base).post("api/auth/login",
                ApiClient.credentials(nurse.username(), "a brand new password")).status());

        browser.findElement(By.cssSelector("button[aria-label='Reset password of " + nurse.username() + "']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reset-password"))).sendKeys("never sent!!!!");
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        wait.until(d -> !d.findElement(By.id("reset-dialog")).isDisplayed());
        assertEquals(200, ApiClient.anonymous(base).post("api/auth/login",
                ApiClient.credentials(nurse.username(), "a brand new password")).status(), "Escape changes nothing");
        Browsers.screenshot(browser, "staff-users");
        browser.manage().window().setSize(new Dimension(390, 844));
        assertNoHorizontalScrolling();
        browser.executeScript("document.getElementById('users-heading').scrollIntoView()");
        Browsers.screenshot(browser, "staff-users-phone");
        Browsers.assertNoErrorsLogged(browser, "400");
    }

    @Test
    void anAdminsOwnRowOffersTheAccountPageInsteadOfAResetThatWouldLogThemOut() {
        Staff.Member admin = staff.create("admin");
        logInThroughThePageOf(admin, "admin.html");
        findUser(admin.username());
        WebElement own = wait.until(d -> d.findElement(By.xpath("//tr[@data-username='" + admin.username() + "']")));
        assertTrue(own.findElements(By.cssSelector("[data-action='reset']")).isEmpty());
        own.findElement(By.linkText("Change your password")).click();
        wait.until(ExpectedConditions.urlContains("account.html"));
    }

    /** A hospital has hundreds of staff: the table draws 50 rows, and typing finds anyone among the rest. */
    @Test
    void theUsersPageFindsAnyoneAmongHundredsByTyping() {
        Staff.Member admin = staff.create("admin");
        Staff.Member wanted = staff.create("reviewer");
        while (staff.admin().get("api/users").array().size() <= 50) {
            staff.create("reviewer");
        }
        int everyone = staff.admin().get("api/users").array().size();
        logInThroughThePageOf(admin, "admin.html");
        // other test classes add users meanwhile: the page counts at least those there before it opened
        wait.until(ExpectedConditions.textMatches(By.id("users-shown"), java.util.regex.Pattern.compile(
                "Showing the first 50 of [\\d,]+ users: type part of a name, user name or role to find the others\\.")));
        int counted = Integer.parseInt(browser.findElement(By.id("users-shown")).getText()
                .replaceAll("^Showing the first 50 of ([\\d,]+) users.*$", "$1").replace(",", ""));
        assertTrue(counted >= everyone, counted + " users counted, " + everyone + " there before");
        assertEquals(50, browser.findElements(By.cssSelector("#users tr")).size());

        findUser(wanted.username());
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#users tr"), 1));
        assertEquals(wanted.username(), browser.findElement(By.cssSelector("#users tr")).getDomAttribute("data-username"));
        assertEquals("1 user.", browser.findElement(By.id("users-shown")).getText());

        findUser("nobody-by-this-name");
        wait.until(ExpectedConditions.textToBe(By.id("users-shown"), "No user matches “nobody-by-this-name”."));
        assertTrue(browser.findElements(By.cssSelector("#users tr")).isEmpty());
        Browsers.assertNoErrorsLogged(browser);
    }

    private void findUser(String text) {
        WebElement filter = wait.until(ExpectedConditions.elementToBeClickable(By.id("user-filter")));
        filter.clear();
        filter.sendKeys(text);
    }

    // --- landing and navigation ------------------------------------------------------------------------------

    @Test
    void everyRoleLandsOnItsStartPageAndTheNavigationOffersOnlyItsPages() {
        record Landing(String[] roles, String startPage, List<String> navigation) {
        }
        for (Landing expected : List.of(
                new Landing(new String[]{"reviewer"}, "review.html", List.of("Review")),
                new Landing(new String[]{"presenter"}, "sessions.html", List.of("Sessions")),
                new Landing(new String[]{"communicator"}, "sessions.html", List.of("Sessions")),
                new Landing(new String[]{"admin"}, "admin.html", List.of("Sessions", "Review", "Users")),
                new Landing(new String[]{"admin", "presenter"}, "sessions.html", List.of("Sessions", "Review", "Users")))) {
            Staff.Member member = staff.create(expected.roles());
            browser = Browsers.fresh(base);
            browser.get(base + "login.html");
            logInOnTheLoginPage(member);
            wait.until(ExpectedConditions.urlToBe(base + expected.startPage()));
            wait.until(ExpectedConditions.textToBe(By.id("who"), "Test " + member.username()));
            assertEquals(expected.navigation(), navigationPages(), String.join(",", expected.roles()));
            assertEquals(base + expected.startPage(), browser.findElement(By.cssSelector("header .brand"))
                    .getAttribute("href"), "Rounds at the top leads to the start page");
        }
        Browsers.assertNoErrorsLogged(browser);
    }

    @Test
    void aReviewerSentToSessionsLandsOnReviewAndAPageNotForThemSaysSoWithoutAForm() {
        Staff.Member reviewer = staff.create("reviewer");
        browser.get(base + "sessions.html");
        wait.until(ExpectedConditions.urlContains("login.html?next=sessions.html"));
        logInOnTheLoginPage(reviewer);
        wait.until(ExpectedConditions.urlToBe(base + "review.html"));

        browser.get(base + "sessions.html");
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Sessions is not available to you"));
        assertTrue(browser.findElement(By.tagName("main")).getText().contains(
                "This page is for presenters, communicators and admins."), browser.findElement(By.tagName("main")).getText());
        assertTrue(browser.findElements(By.tagName("form")).isEmpty(), "no form under the message");
        assertEquals(List.of("Review"), navigationPages());
        Browsers.screenshot(browser, "staff-not-for-you");
        browser.manage().window().setSize(new Dimension(390, 844));
        assertNoHorizontalScrolling();
        Browsers.screenshot(browser, "staff-not-for-you-phone");
        browser.findElement(By.id("start-page-link")).click();
        wait.until(ExpectedConditions.urlToBe(base + "review.html"));

        browser.get(base + "admin.html");
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Users is not available to you"));
        assertTrue(browser.findElements(By.tagName("form")).isEmpty(), "no form for adding users either");
        assertEquals("Go to Review, your start page", browser.findElement(By.id("start-page-link")).getText());
        Browsers.assertNoErrorsLogged(browser);
    }

    // --- unknown addresses -----------------------------------------------------------------------------------

    @Test
    void anUnknownAddressGetsAPageInWordsWithAWayHome() {
        browser.get(base + "sessions");
        WebElement heading = wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        assertEquals("Page not found", heading.getText());
        assertEquals("Page not found · Rounds", browser.getTitle());
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("There is no page at /sessions."),
                browser.findElement(By.tagName("main")).getText());
        assertEquals("rgba(26, 26, 26, 1)", browser.findElement(By.cssSelector("header.bar")).getCssValue("background-color"),
                "in the site's look: its stylesheet is loaded");
        Browsers.screenshot(browser, "not-found");
        browser.manage().window().setSize(new Dimension(390, 844));
        assertNoHorizontalScrolling();
        Browsers.screenshot(browser, "not-found-phone");
        browser.findElement(By.linkText("Join a training session (start page)")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("code")));
    }

    @Test
    void unknownAddressesAnswerAPageToBrowsersAndAProblemToApiClientsWithTheSecurityHeaders() {
        ApiClient anonymous = ApiClient.anonymous(base);
        for (String path : List.of("sessions", "no/such/folder/", "api/no-such-thing", "api/sessions/x/y/z")) {
            Reply asJson = anonymous.withHeader("Accept", "application/json").get(path);
            assertEquals(404, asJson.status(), path);
            assertTrue(asJson.contentType().startsWith("application/problem+json"), path + ": " + asJson.contentType());
            assertEquals("urn:rounds:problem:http-404", asJson.json().getString("type"), asJson.body());
            assertSecurityHeaders(asJson, path);
        }
        for (String path : List.of("sessions", "no/such/folder/", "nothing-here.html")) {
            Reply asPage = anonymous.withHeader("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").get(path);
            assertEquals(404, asPage.status(), path);
            assertTrue(asPage.contentType().startsWith("text/html"), path + ": " + asPage.contentType());
            assertTrue(asPage.body().contains("<h1>Page not found</h1>"), asPage.body());
            assertFalse(asPage.body().contains("Payara"), asPage.body());
            assertSecurityHeaders(asPage, path);
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private String schedule(ApiClient api, String title, Instant start) {
        JsonObject body = jakarta.json.Json.createObjectBuilder().add("title", title)
                .add("scheduledStart", start == null ? jakarta.json.JsonValue.NULL
                        : jakarta.json.Json.createValue(start.toString())).build();
        Reply created = api.post("api/sessions", body.toString());
        assertEquals(201, created.status(), created.body());
        return created.json().getString("id");
    }

    /** Opens a page that needs a login, logs in on the login page it sends to, and waits to be back on it. */
    private void logInThroughThePageOf(Staff.Member member, String page) {
        browser.get(base + page);
        wait.until(ExpectedConditions.urlContains("login.html"));
        logInOnTheLoginPage(member);
        wait.until(ExpectedConditions.urlToBe(base + page));
        wait.until(ExpectedConditions.textToBe(By.id("who"), "Test " + member.username()));
    }

    private void logInOnTheLoginPage(Staff.Member member) {
        WebElement username = Browsers.loginFormReady(browser);
        username.sendKeys(member.username(), Keys.TAB);
        browser.switchTo().activeElement().sendKeys(member.password(), Keys.ENTER);
    }

    private List<String> cardTitles() {
        return browser.findElements(By.cssSelector("#sessions .card-title")).stream().map(WebElement::getText).toList();
    }

    private WebElement card(String title) {
        return wait.until(d -> d.findElement(By.xpath("//ul[@id='sessions']/li[h3='" + title + "']")));
    }

    private String cardStatus(String title) {
        return card(title).findElement(By.className("status")).getText();
    }

    /** The main pages the header offers (not the account link or the page's own links). */
    private List<String> navigationPages() {
        return browser.findElements(By.cssSelector("header nav a")).stream()
                .filter(a -> List.of("sessions.html", "review.html", "admin.html").stream()
                        .anyMatch(page -> a.getAttribute("href").endsWith("/" + page)))
                .map(WebElement::getText).toList();
    }

    private static void assertSecurityHeaders(Reply answer, String what) {
        assertNotNull(answer.header("Content-Security-Policy"), what + ": " + answer.headers().map());
        assertEquals("nosniff", answer.header("X-Content-Type-Options"), what);
        assertEquals("DENY", answer.header("X-Frame-Options"), what);
    }

    private void assertNoHorizontalScrolling() {
        Boolean fits = (Boolean) browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth");
        assertTrue(fits, "the page fits a phone's width");
    }

    /** Console errors fail the test, except failed requests with an expected status (a page showing a 4xx). */
}
