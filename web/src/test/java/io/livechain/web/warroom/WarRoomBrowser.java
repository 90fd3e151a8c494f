package io.livechain.web.warroom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A war room page in a real browser: Debian's headless Chromium, driven through Debian's chromedriver (never a
 * browser a test tool downloads). Tests skip where the machine has neither ({@link #installed()}); {@code .ci/run}
 * installs both.
 */
public final class WarRoomBrowser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Where to keep a screenshot of the page, if set: {@code -Dlivechain.screenshot=docs/war-room.png}. */
    public static final String SCREENSHOT = "livechain.screenshot";

    private final ChromeDriver browser;
    private final Path profile;
    private final WebDriverWait wait;

    private WarRoomBrowser(ChromeDriver browser, Path profile) {
        this.browser = browser;
        this.profile = profile;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    /** Whether Chromium and chromedriver are installed where Debian puts them. */
    public static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public static WarRoomBrowser open() {
        try {
            Path profile = Files.createTempDirectory("war-room-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--no-first-run",
                    "--user-data-dir=" + profile,
                    "--window-size=1440,1200");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            return new WarRoomBrowser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens the page and logs in with the key, as a person would. */
    public void logIn(String url, String apiKey) {
        browser.get(url);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key")))
                .sendKeys(apiKey);
        browser.findElement(By.id("login-button")).click();
    }

    /** Waits until the element shows exactly this text. */
    public void awaitText(By element, String text) {
        wait.until(ExpectedConditions.textToBe(element, text));
    }

    /** Waits until the element shows text other than this. */
    public void awaitTextOtherThan(By element, String text) {
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(element, text)));
    }

    public String text(By element) {
        return browser.findElement(element).getText();
    }

    public Object script(String javascript) {
        return browser.executeScript(javascript);
    }

    /** The admitted units an offer's row shows. */
    public static By admitted(String sku) {
        return By.cssSelector("tr[data-sku='" + sku + "'] td.admitted");
    }

    public static By cell(String sku, String column) {
        return By.cssSelector("tr[data-sku='" + sku + "'] td." + column);
    }

    /**
     * Keeps a screenshot of the page where {@value #SCREENSHOT} says (a path relative to the repository's root, the
     * folder that holds docs/), if it is set; returns where.
     */
    public Optional<Path> screenshot() {
        String wanted = System.getProperty(SCREENSHOT);
        if (wanted == null || wanted.isBlank()) {
            return Optional.empty();
        }
        Path target = resolve(Path.of(wanted));
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(target);
    }

    private static Path resolve(Path wanted) {
        if (wanted.isAbsolute()) {
            return wanted;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs")) && Files.isRegularFile(dir.resolve("README.md"))) {
                return dir.resolve(wanted);
            }
        }
        return wanted.toAbsolutePath();
    }

    @Override
    public void close() {
        browser.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind
        }
    }
}
