package dev.pulse.app.browser;

import dev.pulse.app.bench.dashboard.HeadlessChromium;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's ChromeDriver ({@code .ci/run} installs both
 * when missing). Each instance is a fresh profile: a cold cache and no cookies.
 *
 * <p>With the flags this machine needs ({@link HeadlessChromium#FLAGS}), the same as the bench's.
 */
public final class Chromium implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final Path profile;
    private final ChromeDriver driver;

    private Chromium(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    /**
     * A browser window of {@code width} × {@code height} CSS pixels that saves downloads into
     * {@code downloads} without asking.
     */
    public static Chromium start(int width, int height, Path downloads) {
        if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException(
                    "Browser tests need Debian's chromium and chromium-driver ("
                            + BINARY
                            + ", "
                            + DRIVER
                            + "): apt-get install -y chromium chromium-driver (.ci/run does)");
        }
        try {
            Path profile = Files.createTempDirectory("pulse-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BINARY.toFile());
            options.addArguments(HeadlessChromium.FLAGS);
            options.addArguments(
                    "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
            Files.createDirectories(downloads);
            options.setExperimentalOption(
                    "prefs",
                    Map.of(
                            "download.prompt_for_download",
                            false,
                            "download.default_directory",
                            downloads.toAbsolutePath().toString()));
            options.setExperimentalOption("excludeSwitches", List.of("enable-automation"));
            ChromeDriverService service =
                    new ChromeDriverService.Builder()
                            .usingDriverExecutable(DRIVER.toFile())
                            .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new Chromium(profile, driver);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Saves what the window shows as a PNG. */
    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp profile is harmless.
        }
    }
}
