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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static app.rounds.testing.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A session's report in a real Chromium: a presenter opens it from the session's card, reads the figures, opens each
 * chart's table with the keyboard and finds the same numbers, on a wide screen and on a phone; axe finds nothing
 * serious. Screenshots: target/screenshots/report-*.png.
 */
@ExtendWith(RunningRounds.class)
class ReportPagesIT {

    @RunningRounds.Base
    URL base;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = Browsers.fresh(base);
        wait = Browsers.waitIn(browser);
    }

    @Test
    void aPresenterReadsTheReportOfTheirLiveSessionAndItsChartsAsTables() {
        Staff staff = new Staff(ApiClient.anonymous(base));
        Staff.Member presenter = staff.create("presenter");
        ApiClient api = presenter.client();
        String title = "Sepsis six " + Staff.uniqueSuffix();
        JsonObject created = api.post("api/sessions", json("{'title':'" + title + "','facility':'Simulation suite',"
                + "'moderationMode':'PRE_MODERATION'}")).json();
        String id = created.getString("id");
        String code = created.getString("joinCode").replace("-", "");
        assertEquals(200, api.post("api/sessions/" + id + "/start", null).status());
        ApiClient anonymous = ApiClient.anonymous(base);
        List<ApiClient> trainees = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Reply joined = anonymous.from(Staff.uniqueAddress()).post("api/participants",
                    json("{'code':'" + code + "'}"));
            trainees.add(anonymous.withHeader("Rounds-Participant", joined.json().getString("token")));
        }
        String first = ReportsIT.ask(trainees.get(0), "Which fluids first?");
        ReportsIT.ask(trainees.get(1), "When do we take lactate again?");
        ReportsIT.moderate(api, id, first, "APPROVED");
        ReportsIT.vote(trainees.get(2), first);
        ReportsIT.vote(trainees.get(3), first);
        String poll = api.post("api/sessions/" + id + "/polls", json("{'kind':'SINGLE_CHOICE','title':'Within "
                + "which time?','options':[{'text':'One hour'},{'text':'Three hours'}]}")).json().getString("id");
        assertEquals(200, api.put("api/sessions/" + id + "/polls/" + poll + "/state", json("{'state':'OPEN'}"))
                .status());
        ReportsIT.answer(trainees.get(0), poll, 0);
        ReportsIT.answer(trainees.get(2), poll, 0);
        ReportsIT.answer(trainees.get(4), poll, 1);
        ReportsIT.feedback(trainees.get(1), 4);
        ReportsIT.feedback(trainees.get(4), 5);

        Browsers.logIn(browser, base, presenter, "sessions.html");
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".card[data-session-id='" + id + "']")));
        WebElement reportLink = card.findElement(By.className("report"));
        assertEquals("Report of " + title, reportLink.getAttribute("aria-label"));
        reportLink.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("title"), "Report · " + title));
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#tiles .tile"), 0));

        Map<String, String> tiles = browser.findElements(By.cssSelector("#tiles .tile")).stream().collect(
                Collectors.toMap(t -> t.findElement(By.tagName("dt")).getText(),
                        t -> t.findElement(By.tagName("dd")).getText()));
        assertEquals("5", tiles.get("Joined"));
        assertEquals("5", tiles.get("Took part"));
        assertEquals("100 %", tiles.get("Engagement rate"));
        assertEquals("2", tiles.get("Questions"));
        assertEquals("2", tiles.get("Votes"));
        assertEquals("4.5 of 5", tiles.get("Feedback, 2 ratings"));
        assertTrue(browser.findElement(By.id("report-meta")).getText().startsWith("Simulation suite · Live: as of"),
                browser.findElement(By.id("report-meta")).getText());
        for (String chart : List.of("timeline-chart", "participation-chart", "ratings-chart", "poll-chart-0")) {
            assertEquals(1, browser.findElements(By.cssSelector("#" + chart + " canvas")).size(), chart + " drawn");
            assertEquals("true", browser.findElement(By.id(chart)).getAttribute("aria-hidden"),
                    chart + ": its table speaks for it");
        }
        browser.manage().window().setSize(new Dimension(1280, 3200)); // the whole report in one picture
        browser.executeScript("window.scrollTo(0, 0)");
        Browsers.screenshot(browser, "report-live");
        browser.manage().window().setSize(new Dimension(1280, 900));

        // each chart's table opens from the keyboard and holds the chart's numbers
        WebElement participation = browser.findElement(By.cssSelector("#participation-table"));
        openDetailsOf(participation);
        assertEquals(List.of("Joined 5", "Took part 5", "Asked 2", "Voted 2", "Answered a poll 3", "Gave feedback 2"),
                rows(participation));
        WebElement ratings = browser.findElement(By.id("ratings-table"));
        openDetailsOf(ratings);
        assertEquals(List.of("1 star 0", "2 stars 0", "3 stars 0", "4 stars 1", "5 stars 1"), rows(ratings));
        WebElement pollTable = browser.findElement(By.cssSelector(".report-poll table"));
        openDetailsOf(pollTable);
        assertEquals(List.of("One hour 2 66.7 %", "Three hours 1 33.3 %"), rows(pollTable));
        WebElement timeline = browser.findElement(By.id("timeline-table"));
        openDetailsOf(timeline);
        int questionsOverTime = timeline.findElements(By.cssSelector("tbody tr")).stream()
                .mapToInt(r -> Integer.parseInt(r.findElements(By.tagName("td")).get(1).getText())).sum();
        assertEquals(2, questionsOverTime, "the timeline's questions add up");
        assertEquals("Activity per minute", timeline.findElement(By.tagName("caption")).getText());
        assertTrue(browser.findElement(By.cssSelector("a.csv[data-table=figures]")).getAttribute("href")
                .endsWith("/api/sessions/" + id + "/report/figures.csv"));
        // the one-page PDF, made while the page says how far along it is
        browser.findElement(By.id("pdf")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textMatches(By.id("report-status"),
                java.util.regex.Pattern.compile("Download as PDF \\(one page\\): done \\(\\d+ KB\\)")));
        Accessibility.assertNoSeriousViolations(browser, "report");
        Browsers.assertNoErrorsLogged(browser);

        browser.manage().window().setSize(new Dimension(390, 844));
        wait.until(driver -> browser.findElement(By.cssSelector("#timeline-chart canvas")).getSize().getWidth() < 390);
        Boolean fits = (Boolean) browser.executeScript("return document.documentElement.scrollWidth <= innerWidth");
        assertTrue(fits, "the report fits a phone's width");
        browser.executeScript("window.scrollTo(0, 0)");
        Browsers.screenshot(browser, "report-phone");
    }

    @Test
    void aCommunicatorComparesSessionsOfAFacilityAndReadsWhyInTables() {
        Staff staff = new Staff(ApiClient.anonymous(base));
        Staff.Member communicator = staff.create("communicator");
        Staff.Member presenter = staff.create("presenter");
        String facility = "Theatre " + Staff.uniqueSuffix();
        List<String> titles = List.of("Airway " + Staff.uniqueSuffix(), "Burns " + Staff.uniqueSuffix(),
                "Cannulation " + Staff.uniqueSuffix());
        int joins = 1;
        for (String title : titles) {
            JsonObject created = presenter.client().post("api/sessions", json("{'title':'" + title + "','facility':'"
                    + facility + "'}")).json();
            presenter.client().post("api/sessions/" + created.getString("id") + "/start", null);
            // on the team of each: a communicator compares the sessions they work on
            assertEquals(201, presenter.client().put("api/sessions/" + created.getString("id") + "/team/"
                    + communicator.username(), json("{'role':'COMMUNICATOR'}")).status());
            String code = created.getString("joinCode").replace("-", "");
            for (int i = 0; i < joins; i++) {
                String token = ApiClient.anonymous(base).from(Staff.uniqueAddress()).post("api/participants",
                        json("{'code':'" + code + "'}")).json().getString("token");
                if (i % 2 == 0) { // every other one rates the session
                    ReportsIT.feedback(ApiClient.anonymous(base).withHeader("Rounds-Participant", token), 5 - i % 3);
                }
            }
            joins++;
        }

        Browsers.logIn(browser, base, communicator, "sessions.html");
        WebElement reportsLink = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("header nav a[href='reports.html']")));
        reportsLink.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reports-status"), "Figures as of"));
        WebElement facilityField = browser.findElement(By.id("facility"));
        facilityField.sendKeys(facility, Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("sessions-count"), "(3)"));
        assertTrue(browser.getCurrentUrl().contains("facility="), "the filter is in the address: "
                + browser.getCurrentUrl());
        assertEquals(List.of(List.of("Sessions", "3"), List.of("Joined", "6")), monthCells());
        assertEquals(1, browser.findElements(By.cssSelector("#months-chart canvas")).size());

        // two sessions side by side, ticked from the keyboard (each box found afresh: a table drawn again, as CI saw
        // once, keeps what was ticked but not the elements)
        By compareBoxes = By.cssSelector("#sessions-table tbody input[type=checkbox]");
        String newestFirst = "Compare “" + titles.get(2) + "”";
        Browsers.waitIn(browser).withMessage("the newest session first, with a box to compare it")
                .until(driver -> driver.findElements(compareBoxes).stream().findFirst()
                        .map(box -> newestFirst.equals(box.getAttribute("aria-label"))).orElse(false));
        for (int row : new int[]{0, 2}) {
            wait.until(driver -> {
                driver.findElements(compareBoxes).get(row).sendKeys(Keys.SPACE);
                return true;
            });
        }
        WebElement comparison = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("comparison-table")));
        List<String> heads = comparison.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText)
                .toList();
        assertEquals(List.of("Figure", titles.get(2), titles.get(0)), heads);
        assertTrue(rows(comparison).contains("Joined 3 1"), rows(comparison).toString());
        assertTrue(browser.findElement(By.id("xlsx")).getAttribute("href").contains("api/reports/tables.xlsx?"));

        browser.manage().window().setSize(new Dimension(1280, 2400));
        browser.executeScript("window.scrollTo(0, 0)");
        Browsers.screenshot(browser, "reports");
        browser.manage().window().setSize(new Dimension(1280, 900));

        // a month that does not exist is refused beside its field, in words
        WebElement from = browser.findElement(By.id("from"));
        browser.executeScript("arguments[0].type = 'text'; arguments[0].value = 'last spring'", from);
        browser.findElement(By.cssSelector("#filter button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("from-error"),
                "Give a month as year and month"));
        assertEquals("true", from.getAttribute("aria-invalid"));
        browser.executeScript("arguments[0].type = 'month'", from);

        Accessibility.assertNoSeriousViolations(browser, "reports");
        browser.manage().window().setSize(new Dimension(390, 844));
        wait.until(driver -> browser.findElement(By.cssSelector("#months-chart canvas")).getSize().getWidth() < 390);
        Boolean fits = (Boolean) browser.executeScript("return document.documentElement.scrollWidth <= innerWidth");
        assertTrue(fits, "the reports fit a phone's width (wide tables scroll in their own box)");
        Browsers.assertNoErrorsLogged(browser, "400");
    }

    /** The months table's first row: sessions and joined, with their headings. */
    private List<List<String>> monthCells() {
        WebElement table = browser.findElement(By.id("months-table"));
        List<String> headings = table.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText)
                .toList();
        List<String> cells = table.findElements(By.cssSelector("tbody tr")).getFirst()
                .findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList();
        return List.of(List.of(headings.get(1), cells.get(1)), List.of(headings.get(2), cells.get(2)));
    }

    private void openDetailsOf(WebElement table) {
        WebElement summary = table.findElement(By.xpath("ancestor::details/summary"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", summary);
        summary.sendKeys(Keys.ENTER);
        wait.until(driver -> table.isDisplayed());
    }

    /** Each body row's cells, joined by a space. */
    private static List<String> rows(WebElement table) {
        return table.findElements(By.cssSelector("tbody tr")).stream().map(row -> row.findElements(
                By.cssSelector("th, td")).stream().map(WebElement::getText).collect(Collectors.joining(" "))).toList();
    }
}
