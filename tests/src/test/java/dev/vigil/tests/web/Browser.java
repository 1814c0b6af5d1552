package dev.vigil.tests.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Debian's headless Chromium through its own chromedriver (Selenium Manager is never asked to download
 * anything: both paths are given), with a fresh profile, the flags that keep it from calling home, and
 * its console and network logs kept for assertions.
 */
public final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Selenium warns on every start that it has no CDP module for this Chromium; nothing here uses one
     * (console and network come from chromedriver's logs), so its warnings are kept quiet.
     */
    private static final Logger SELENIUM = Logger.getLogger("org.openqa.selenium");

    static {
        SELENIUM.setLevel(Level.SEVERE);
    }

    private final Path profile;
    private final ChromeDriver driver;
    private final List<LogEntry> console = new ArrayList<>();
    private final List<String> requests = new ArrayList<>();
    private boolean closed;

    public Browser(int width, int height) throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run does)");
        profile = Files.createTempDirectory("vigil-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    /** Opens {@code url} and waits until {@code readyScript} is true. */
    public Browser open(String url, String readyScript, Duration timeout) throws InterruptedException {
        collect();
        requests.clear();
        driver.get(url);
        await(readyScript, timeout);
        return this;
    }

    /** Waits until {@code script} is true, failing after {@code timeout}. */
    public void await(String script, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("return " + script))) {
            assertTrue(System.nanoTime() < deadline, "not true within " + timeout + ": " + script);
            Thread.sleep(50);
        }
    }

    /** The value of {@code expression} in the page, as JSON. */
    public JsonNode eval(String expression) {
        Object v = driver.executeScript("return JSON.stringify(" + expression + ")");
        try {
            return JSON.readTree((String) v);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Console messages at SEVERE (errors, failed loads, uncaught exceptions) so far. */
    public List<String> consoleErrors() {
        collect();
        return console.stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    /** Every URL requested since the last {@link #open} (Network.requestWillBeSent), the browser's own pages excepted. */
    public Set<String> requestedUrls() {
        collect();
        return new HashSet<>(requests);
    }

    private void collect() {
        driver.manage().logs().get(LogType.BROWSER).forEach(console::add);
        for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode m = JSON.readTree(e.getMessage()).path("message");
                String url = m.path("params").path("request").path("url").asText();
                if (m.path("method").asText().equals("Network.requestWillBeSent") && !url.startsWith("chrome:")) {
                    requests.add(url);
                }
            } catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
        }
    }

    /** Resizes the window to show the whole page up to {@code maxHeight}. */
    public void fitHeight(int width, int maxHeight) {
        long h = (Long) driver.executeScript("return Math.ceil(document.documentElement.scrollHeight)");
        driver.manage().window().setSize(new Dimension(width, (int) Math.min(maxHeight, h + 140)));
    }

    /** A screenshot of the viewport, written to {@code file}; fails when it is blank. */
    public BufferedImage screenshot(Path file) throws IOException {
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(inkShare(image) > 0.02, file + " is (nearly) blank: " + inkShare(image));
        return image;
    }

    /** Share of pixels that are not the background white. */
    static double inkShare(BufferedImage image) {
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                if (rgb != 0xffffff) {
                    ink++;
                }
            }
        }
        return (double) ink / ((long) image.getWidth() * image.getHeight());
    }

    /** Closes the browser and removes its profile; once. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
