package app.rounds.testing;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Headless Debian Chromium driven by its own chromedriver (nothing downloaded). Without them the browser tests are
 * skipped, unless {@code -Drounds.browser-tests=required} (as in CI), where their absence fails the build.
 *
 * <p>One Chromium per test thread serves the browser tests of a run ({@link #fresh}): starting one costs a second or
 * two, so each test gets its thread's browser with the site's cookies, storage and cache wiped, one window, a desktop
 * size. Page-test classes run side by side (four at a time), each on its own thread and so with its own browser. A test
 * that needs a second person at the same time (a trainee's phone beside the presenter) opens {@link #another}.
 */
public final class Browsers {

    private static final File CHROMIUM = new File(System.getProperty("rounds.chromium", "/usr/bin/chromium"));
    private static final File CHROMEDRIVER = new File(System.getProperty("rounds.chromedriver", "/usr/bin/chromedriver"));

    private Browsers() {
    }

    private static final ThreadLocal<ChromeDriver> THREADS_BROWSER = new ThreadLocal<>();
    private static final List<ChromeDriver> THREAD_BROWSERS = new CopyOnWriteArrayList<>();
    /** The profiles of this run's browsers, under one folder removed as the tests' JVM ends (a few MB each). */
    private static final Path PROFILES = profilesFolder();

    /** This thread's Chromium, as if new to {@code site}: nothing stored for it, one blank window at desktop size. */
    public static ChromeDriver fresh(URL site) {
        ChromeDriver shared = THREADS_BROWSER.get();
        if (shared == null || !alive(shared)) {
            shared = headlessChromium(null);
            THREADS_BROWSER.set(shared);
            THREAD_BROWSERS.add(shared);
        }
        List<String> windows = List.copyOf(shared.getWindowHandles());
        for (String extra : windows.subList(1, windows.size())) {
            shared.switchTo().window(extra).close();
        }
        shared.switchTo().window(windows.getFirst());
        shared.get("about:blank");
        shared.manage().logs().get(LogType.BROWSER); // reading the console log empties it: no errors of an earlier test
        shared.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        shared.executeCdpCommand("Network.clearBrowserCache", Map.of());
        String origin = site.getProtocol() + "://" + site.getAuthority();
        shared.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
        shared.manage().window().setSize(new Dimension(1280, 900));
        return shared;
    }

    /** A Chromium of its own, with its own profile, for a second person at the same time; the caller quits it. */
    public static ChromeDriver another() {
        return headlessChromium(null);
    }

    /**
     * A Chromium of its own whose person reads {@code languages} (an Accept-Language list such as "de-DE,de"): what
     * its pages find in navigator.languages and its requests send. The caller quits it.
     */
    public static ChromeDriver speaking(String languages) {
        return headlessChromium(languages);
    }

    private static boolean alive(ChromeDriver browser) {
        try {
            browser.getWindowHandles();
            return true;
        } catch (RuntimeException gone) {
            return false;
        }
    }

    private static ChromeDriver headlessChromium(String languages) {
        boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!present && "required".equals(System.getProperty("rounds.browser-tests"))) {
            throw new AssertionError("Browser tests are required but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: apt-get install -y chromium chromium-driver");
        }
        assumeTrue(present, "no Chromium/chromedriver: browser tests skipped (apt-get install -y chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + freshProfile(), "--window-size=1280,900");
        if (languages != null) {
            options.addArguments("--lang=" + languages.split(",")[0]);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
        return new ChromeDriver(service, options);
    }

    /**
     * A wait of 15 seconds on {@code browser} that tries again when an element it found was replaced (the pages redraw
     * their lists as frames arrive) or when a command met the page navigating away (Chromium 156's chromedriver answers
     * "aborted by navigation" to a command that races a form's submission).
     */
    public static WebDriverWait waitIn(WebDriver browser) {
        return waitIn(browser, Duration.ofSeconds(15));
    }

    public static WebDriverWait waitIn(WebDriver browser, Duration timeout) {
        return new WebDriverWait(browser, timeout) {
            @Override
            public <V> V until(Function<? super WebDriver, ? extends V> condition) {
                return super.until(driver -> {
                    try {
                        return condition.apply(driver);
                    } catch (WebDriverException e) {
                        if (e instanceof StaleElementReferenceException || navigationAborted(e)) {
                            return null;
                        }
                        throw e;
                    }
                });
            }
        };
    }

    private static boolean navigationAborted(WebDriverException e) {
        return e.getMessage() != null && e.getMessage().contains("aborted by navigation");
    }

    /**
     * Logs a staff member in through the login page, which then opens {@code page} (e.g. "board.html?id=…"); returns
     * once the browser is on that page. Tests of the login page itself type on it their own way.
     */
    public static void logIn(ChromeDriver browser, URL site, Staff.Member member, String page) {
        WebDriverWait wait = waitIn(browser);
        browser.get(site + "login.html?next=" + URLEncoder.encode(page, StandardCharsets.UTF_8));
        loginFormReady(browser).sendKeys(member.username());
        browser.findElement(By.id("password")).sendKeys(member.password(), Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/" + page.replaceFirst("\\?.*", "")));
    }

    /**
     * The login page's user name field, once the page's script handles the form: its button is enabled then (a loaded
     * CI machine once typed and pressed Enter before that, and nothing happened).
     */
    public static WebElement loginFormReady(WebDriver browser) {
        WebDriverWait wait = waitIn(browser);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#login-form button[type=submit]")));
        return wait.until(ExpectedConditions.elementToBeClickable(By.id("username")));
    }

    /**
     * The page logged no error (a Content-Security-Policy violation included), apart from answers with the statuses a
     * test expects (a 404 it asked for) and 401s (a page asking who is logged in).
     */
    public static void assertNoErrorsLogged(ChromeDriver browser, String... expectedStatuses) {
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(e -> Arrays.stream(expectedStatuses).noneMatch(s -> e.getMessage().contains("status of " + s)))
                .filter(e -> !e.getMessage().contains("status of 401"))
                .toList();
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), errors.stream().map(LogEntry::getMessage).toList());
    }

    /** Keeps what the browser shows in target/screenshots, for a person to look at; asserts nothing. */
    public static void screenshot(ChromeDriver browser, String name) {
        try {
            Path folder = Path.of("target", "screenshots");
            Files.createDirectories(folder);
            Files.write(folder.resolve(name + ".png"), browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String freshProfile() {
        try {
            return Files.createTempDirectory(PROFILES, "profile").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path profilesFolder() {
        try {
            Path folder = Files.createTempDirectory("rounds-chromium");
            // one hook: the thread browsers quit before their profiles go (the others were quit by their tests)
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                THREAD_BROWSERS.forEach(ChromeDriver::quit);
                try (Stream<Path> paths = Files.walk(folder)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                } catch (IOException | UncheckedIOException leftBehind) {
                    // a temporary folder: the system clears it in time
                }
            }));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
