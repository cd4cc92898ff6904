package be.serv.advies.server;

import be.serv.advies.review.Decision;
import be.serv.advies.review.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A reviewer's session in a real browser (Debian's chromium and chromium-driver, installed by .ci/run):
 * log in, filter, override an application and land on the next one of the list, confirm three in a
 * row of a sorted list without clicking "next", lose a race and keep the typed reason, bulk-confirm a
 * filtered list through its confirmation step, export the annex, work through a second look after a
 * rule change with "next" and bulk, and lose the session while typing and find the text after signing
 * in again; and a sector's representative who cannot decide another sector's application.
 * Keeps a screenshot of the work list at target/screenshots/worklist.png.
 */
class BrowserReviewTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path tmp;

    @Test
    void aReviewerWorksThroughTheListInABrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver; .ci/run does)");
        Path downloads = Files.createDirectories(tmp.resolve("downloads"));
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 6, ReviewFixture.quiet(), "anna", "bert")) {
            WebDriver driver = chrome(downloads);
            try {
                // Log in
                driver.get(fx.base + "/");
                assertTrue(driver.getCurrentUrl().endsWith("/aanmelden"));
                driver.findElement(By.id("naam")).sendKeys("anna");
                driver.findElement(By.id("wachtwoord")).sendKeys(ReviewFixture.PASSWORD);
                clickAndLoad(driver, driver.findElement(By.id("aanmelden")));
                assertEquals("anna", driver.findElement(By.id("reviewer")).getText());

                // Filter on sector
                new Select(driver.findElement(By.id("f-sector"))).selectByValue("HAARZORG");
                clickAndLoad(driver, driver.findElement(By.id("filter")));
                assertEquals("8 van 11 aanvragen getoond", driver.findElement(By.id("shown")).getText());

                // Open an application and override it with a reason
                clickAndLoad(driver, driver.findElement(By.linkText("A1")));
                assertTrue(driver.findElement(By.id("motivation")).getText().startsWith("Negatief advies."));
                new Select(driver.findElement(By.id("override-advice"))).selectByValue("POSITIVE_WITH_REMARKS");
                driver.findElement(By.id("override-reason")).sendKeys("Sector bevestigt nieuwe vraag in Hasselt");
                clickAndLoad(driver, driver.findElement(By.id("override")));
                assertTrue(driver.findElement(By.id("flash")).getText().contains("Gewijzigd: A1"));

                // The override led on to the next open application of the Haarzorg list, the filter kept
                assertTrue(driver.getCurrentUrl().contains("sector=HAARZORG") && !driver.getCurrentUrl().contains("/aanvraag/A1"), driver.getCurrentUrl());
                assertEquals("open", driver.findElement(By.id("status")).getText());

                // Confirm three in a row from a sorted list, without clicking "next"
                driver.get(fx.base + "/?sector=HAARZORG&sorteer=id&richting=af");
                clickAndLoad(driver, driver.findElement(By.linkText("P006")));
                for (String[] step : new String[][]{{"P006", "P005"}, {"P005", "P004"}, {"P004", "P003"}}) {
                    assertTrue(driver.getCurrentUrl().contains("/aanvraag/" + step[0] + "?"), driver.getCurrentUrl());
                    clickAndLoad(driver, driver.findElement(By.id("confirm")));
                    assertTrue(driver.findElement(By.id("flash")).getText().startsWith("Bevestigd: " + step[0]));
                    assertTrue(driver.getCurrentUrl().endsWith("/aanvraag/" + step[1] + "?sector=HAARZORG&sorteer=id&richting=af"), driver.getCurrentUrl());
                }

                // Lose a race: bert confirms A5 while anna types her reason; the refusal keeps what she typed
                driver.get(fx.base + "/aanvraag/A5");
                new Select(driver.findElement(By.id("override-advice"))).selectByValue("NEGATIVE");
                driver.findElement(By.id("override-reason")).sendKeys("Geen leerwerkplekken in Hasselt");
                WebClient bert = fx.signedIn("bert");
                String rules = bert.get("/aanvraag/A5").hidden("regels").get(0);
                bert.post("/aanvraag/A5/bevestigen", "versie", "0", "regels", rules).expect(303);
                clickAndLoad(driver, driver.findElement(By.id("override")));
                assertTrue(driver.findElement(By.id("conflict")).getText().contains("NIET vastgelegd: bert"));
                assertEquals("Geen leerwerkplekken in Hasselt", driver.findElement(By.id("override-reason")).getAttribute("value"));
                assertEquals("NEGATIVE", new Select(driver.findElement(By.id("override-advice"))).getFirstSelectedOption().getAttribute("value"));
                // The refusal came as a redirect: the address is the application's page, and a refresh submits nothing again
                assertTrue(driver.getCurrentUrl().endsWith("/aanvraag/A5"), driver.getCurrentUrl());
                int decisions = fx.store.allDecisions().size();
                driver.navigate().refresh();
                assertTrue(driver.findElements(By.id("conflict")).isEmpty(), "the message is shown once");
                assertEquals(decisions, fx.store.allDecisions().size());
                assertEquals("bert", fx.store.latest("A5").orElseThrow().reviewer());

                // Bulk-confirm a filtered list, through the step that states the count
                driver.get(fx.base + "/?q=campus");
                WebElement bulk = driver.findElement(By.id("bulk"));
                assertEquals("Bevestig de 3 ontwerpadviezen die in deze lijst op een beslissing wachten…", bulk.getText());
                clickAndLoad(driver, bulk);
                assertEquals("U bevestigt 3 ontwerpadviezen (open of tweede blik), elk met het advies dat erbij staat:", driver.findElement(By.id("bulk-count")).getText());
                assertEquals(3, driver.findElements(By.cssSelector("#bulk-items li")).size());
                assertEquals(5, fx.store.allDecisions().size(), "nothing confirmed before the second click");
                clickAndLoad(driver, driver.findElement(By.id("bulk-confirm")));
                assertTrue(driver.findElement(By.id("flash")).getText().startsWith("3 ontwerpadviezen bevestigd."));
                assertTrue(driver.getCurrentUrl().endsWith("/?q=campus"), driver.getCurrentUrl());

                // The work list as the reviewer now sees it, kept as a test artifact
                clickAndLoad(driver, driver.findElement(By.linkText("Alles tonen")));
                Path shot = Path.of("target", "screenshots", "worklist.png");
                Files.createDirectories(shot.getParent());
                Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);

                // Export the annex
                driver.findElement(By.id("export-csv")).click();
                Path csv = awaitDownload(downloads);
                String text = Files.readString(csv, StandardCharsets.UTF_8);
                assertTrue(text.contains("A1;CDO Hasselt;") && text.contains(";gewijzigd;ja;Sector bevestigt nieuwe vraag in Hasselt;anna;"), text);
                assertEquals(6, text.lines().filter(l -> l.startsWith("P0") && l.contains(";bevestigd;nee;;anna;")).count(), text);

                // A rule change puts A1 up for a second look: "next" from the end of the Haarzorg list leads to it
                RulesReloadTest.raiseMaxProviders(fx.rules);
                driver.get(fx.base + "/");
                clickAndLoad(driver, driver.findElement(By.id("reload")));
                driver.get(fx.base + "/aanvraag/P006?sector=HAARZORG");
                assertEquals("A1", driver.findElement(By.id("next-open")).getAttribute("href").replaceAll(".*/aanvraag/([^?]*).*", "$1"));
                clickAndLoad(driver, driver.findElement(By.id("next-open")));
                assertEquals("tweede blik", driver.findElement(By.id("status")).getText());
                // and bulk takes the second looks of the list, as many as it shows
                driver.get(fx.base + "/?status=SECOND_LOOK");
                int second = driver.findElements(By.cssSelector("tr[data-id]")).size();
                clickAndLoad(driver, driver.findElement(By.id("bulk")));
                assertEquals(second, driver.findElements(By.cssSelector("#bulk-items li")).size());
                clickAndLoad(driver, driver.findElement(By.id("bulk-confirm")));
                assertTrue(driver.findElements(By.cssSelector("tr[data-id]")).isEmpty(), "no second look left");
                assertEquals(Decision.Kind.CONFIRM, fx.store.latest("A1").orElseThrow().kind());

                // The session ends while anna types an override reason: after signing in again the text is back
                driver.get(fx.base + "/aanvraag/A3");
                new Select(driver.findElement(By.id("override-advice"))).selectByIndex(1);
                driver.findElement(By.id("override-reason")).sendKeys("Geen leerkrachten elektriciteit te vinden");
                fx.store.endSessions("anna", null, true);
                clickAndLoad(driver, driver.findElement(By.id("override")));
                assertTrue(driver.findElement(By.id("kept-note")).isDisplayed());
                driver.findElement(By.id("naam")).clear();
                driver.findElement(By.id("naam")).sendKeys("anna");
                driver.findElement(By.id("wachtwoord")).sendKeys(ReviewFixture.PASSWORD);
                clickAndLoad(driver, driver.findElement(By.id("aanmelden")));
                assertTrue(driver.getCurrentUrl().endsWith("/aanvraag/A3"), driver.getCurrentUrl());
                assertEquals("Geen leerkrachten elektriciteit te vinden", driver.findElement(By.id("override-reason")).getAttribute("value"));
                assertTrue(fx.store.latest("A3").isEmpty(), "nothing stored while signed out");
            } finally {
                driver.quit();
            }
            Decision a1 = fx.store.latest("A1").orElseThrow();
            assertEquals(2, a1.version(), "overridden, then confirmed on a second look");
            assertEquals(Decision.Kind.CONFIRM, fx.store.latest("A5").orElseThrow().kind());
        }
    }

    @Test
    void aHorecaRepresentativeCannotDecideABouwApplicationInABrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver; .ci/run does)");
        Path downloads = Files.createDirectories(tmp.resolve("downloads"));
        try (ReviewFixture fx = ReviewFixture.start(tmp, ReviewFixture.batchWithSectors(tmp), ReviewFixture.quiet(),
                store -> store.addUser("horeca", be.serv.advies.review.Passwords.hash(ReviewFixture.PASSWORD.toCharArray()),
                        be.serv.advies.review.Role.SECTOR, java.util.Set.of("HORECA"), ""))) {
            WebDriver driver = chrome(downloads);
            try {
                driver.get(fx.base + "/aanmelden");
                driver.findElement(By.id("naam")).sendKeys("Horeca");
                driver.findElement(By.id("wachtwoord")).sendKeys(ReviewFixture.PASSWORD);
                clickAndLoad(driver, driver.findElement(By.id("aanmelden")));
                assertEquals("horeca", driver.findElement(By.id("reviewer")).getText());

                // A Bouw application reads, without the forms to decide it
                driver.get(fx.base + "/aanvraag/B1");
                assertEquals("U kunt deze aanvraag bekijken, niet beslissen.", driver.findElement(By.id("read-only")).getText());
                assertTrue(driver.findElements(By.id("confirm")).isEmpty());
                // The Bouw list offers no bulk confirmation; the Horeca list offers its two
                driver.get(fx.base + "/?sector=BOUW");
                assertTrue(driver.findElements(By.id("bulk")).isEmpty());
                driver.get(fx.base + "/?sector=HORECA");
                assertEquals("Bevestig de 2 ontwerpadviezen die in deze lijst op een beslissing wachten…", driver.findElement(By.id("bulk")).getText());
                // The Bouw export is refused
                driver.get(fx.base + "/export/annex.csv?sector=BOUW");
                assertTrue(driver.findElement(By.id("message")).getText().startsWith("U exporteert enkel de aanvragen van uw sector HORECA"));
                // A Horeca application is theirs to confirm
                driver.get(fx.base + "/aanvraag/H1");
                clickAndLoad(driver, driver.findElement(By.id("confirm")));
                assertTrue(driver.findElement(By.id("flash")).getText().contains("Bevestigd: H1"));
            } finally {
                driver.quit();
            }
            assertEquals(1, fx.store.allDecisions().size());
            assertTrue(fx.store.latest("B1").isEmpty());
        }
    }

    @Test
    void aReviewerFiltersReapplicationsAfterANegativeAdviceInABrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver; .ci/run does)");
        // Given a batch whose batch.json names last year's final annex: A2 (a re-application) was refused last
        // year, A1 (not marked as one) was approved
        Path batch = ReviewFixture.batch(tmp, "small", 3);
        Files.writeString(batch.resolve("final-annex.csv"), "id;institution_number;campus_number;trajectory;draft_verdict;draft_reasons;advice\n"
                + "V1;100001;1;SENSE3_KAPPER;POSITIVE;;POSITIVE\n"
                + "V2;100002;1;SENSE3_ZORG;NEGATIVE;INFRASTRUCTURE;NEGATIVE\n");
        Files.writeString(batch.resolve("batch.json"), "{\"school_year\": \"2022-2023\", \"previous\": {\"advice\": \"final-annex.csv\"}}\n");
        try (ReviewFixture fx = ReviewFixture.start(tmp, batch, ReviewFixture.quiet(),
                store -> store.addUser("anna", be.serv.advies.review.Passwords.hash(ReviewFixture.PASSWORD.toCharArray()), Role.SECRETARIAAT, Set.of(), ""))) {
            WebDriver driver = chrome(Files.createDirectories(tmp.resolve("downloads")));
            try {
                driver.get(fx.base + "/aanmelden");
                driver.findElement(By.id("naam")).sendKeys("anna");
                driver.findElement(By.id("wachtwoord")).sendKeys(ReviewFixture.PASSWORD);
                clickAndLoad(driver, driver.findElement(By.id("aanmelden")));
                // When she filters on re-applications after a negative advice
                new Select(driver.findElement(By.id("f-vorig"))).selectByVisibleText("her-aanvraag na negatief advies");
                clickAndLoad(driver, driver.findElement(By.id("filter")));
                // Then only A2 is listed, with last year's advice in its column, and the filter stays chosen
                assertEquals("1 van 8 aanvragen getoond", driver.findElement(By.id("shown")).getText());
                assertEquals("A2", driver.findElement(By.cssSelector("#worklist tbody tr")).getAttribute("data-id"));
                assertEquals("negatief", driver.findElement(By.cssSelector("#worklist tbody tr td.previous")).getText());
                assertEquals("NEGATIEF_ADVIES", new Select(driver.findElement(By.id("f-vorig"))).getFirstSelectedOption().getAttribute("value"));
                // And the whole list shows A1's approval from last year too
                clickAndLoad(driver, driver.findElement(By.linkText("Alles tonen")));
                assertEquals("positief", driver.findElement(By.cssSelector("#worklist tr[data-id='A1'] td.previous")).getText());
            } finally {
                driver.quit();
            }
        }
    }

    /**
     * Clicks an element that loads a new page and waits until the new page has loaded: reading the next
     * page right after a plain click can find the old page's element under load. The old page is
     * recognised by a mark on its window object, which a new page does not inherit; asking for an old
     * element's staleness instead fails now and then, since Chromium may answer "node does not belong
     * to the document", which is not a stale-element error. Errors while the page changes are retried.
     */
    private static void clickAndLoad(WebDriver driver, WebElement element) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.__oldPage = true;");
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(js.executeScript(
                        "return window.__oldPage === undefined && document.readyState === 'complete';")));
    }

    private WebDriver chrome(Path downloads) throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createDirectories(tmp.resolve("profile")));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(10)).pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    private static Path awaitDownload(Path dir) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Stream<Path> s = Files.list(dir)) {
                List<Path> done = s.filter(p -> p.getFileName().toString().endsWith(".csv")).toList();
                if (!done.isEmpty()) return done.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no annex downloaded into " + dir + File.separator);
    }
}
