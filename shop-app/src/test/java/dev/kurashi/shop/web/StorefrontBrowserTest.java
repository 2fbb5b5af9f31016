package dev.kurashi.shop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A shopper's whole visit in Debian's headless chromium, once as a phone and once as a desktop: search,
 * product, cart (as a guest), sign-in at the local issuer, checkout with a test card, the confirmation and
 * the order in "my orders"; and a reader's way from the article list to an article and through one of its
 * featured products to the product page. Screenshots of every step go to {@code target/screenshots/}.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian: {@code apt-get install
 * chromium chromium-driver fonts-noto-cjk}); without them the test fails, it never downloads a browser.
 */
@QuarkusTest
class StorefrontBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** A seeded, published article with featured products. */
    private static final String FEATURING_ARTICLE = "birch-tools-life";

    enum Device {
        PHONE(390, 844, true),
        DESKTOP(1280, 900, false);

        final int width;
        final int height;
        final boolean mobile;

        Device(int width, int height, boolean mobile) {
            this.width = width;
            this.height = height;
            this.mobile = mobile;
        }
    }

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void browserInstalled() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The browser test needs Debian's chromium and chromedriver: "
                    + "apt-get install chromium chromium-driver fonts-noto-cjk");
        }
        // Selenium Manager must never fetch a browser or a driver
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    }

    @ParameterizedTest
    @EnumSource(Device.class)
    void searchBuyAndSeeTheOrder(Device device) throws IOException {
        visit(device, (driver, steps, root) -> {
            driver.get(root + "/");
            assertThat(driver.findElement(By.cssSelector("h1")).getText()).contains("静かな毎日");
            steps.shot("01-home");

            WebElement box = driver.findElement(By.id("site-search-q"));
            box.sendKeys("マグ");
            box.submit();
            steps.waitFor(By.cssSelector(".product-grid"));
            assertThat(driver.findElement(By.cssSelector("h1")).getText()).contains("マグ");
            steps.shot("02-search");

            WebElement product = driver.findElement(
                    By.cssSelector(".product-card:not(.product-card--soldout) .product-card__name a"));
            String productName = product.getText();
            steps.click(product);
            steps.waitFor(By.cssSelector(".product__name"));
            assertThat(driver.findElement(By.cssSelector(".product__name")).getText())
                    .isEqualTo(productName);
            steps.shot("03-product");

            // one click: カートに入れる lands on the cart with the item in it (issue 13), no confirm step
            steps.click(driver.findElement(By.cssSelector(".product__form button[type=submit]")));
            steps.waitFor(By.cssSelector(".cart-table"));
            assertThat(driver.getCurrentUrl()).endsWith("/cart?added=1");
            assertThat(driver.findElements(By.cssSelector(".add-panel"))).isEmpty();
            assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("カートに追加しました");
            assertThat(driver.findElement(By.cssSelector(".cart-table")).getText())
                    .contains(productName);
            steps.shot("04-cart-guest");

            steps.click(driver.findElement(By.cssSelector(".order-summary a.btn--primary")));
            WebElement username = steps.waitFor(By.name("username"));
            String user = "shopper-" + device.name().toLowerCase() + "-"
                    + UUID.randomUUID().toString().substring(0, 8);
            username.sendKeys(user);
            steps.shot("05-sign-in");
            username.submit();

            steps.waitFor(By.cssSelector(".checkout-form"));
            assertThat(driver.getCurrentUrl()).endsWith("/checkout");
            assertThat(driver.findElement(By.cssSelector(".order-summary")).getText())
                    .contains(productName);

            // マイページ shows the cart badge too
            driver.get(root + "/account/orders");
            steps.waitFor(By.cssSelector(".cart-link__count"));
            assertThat(driver.findElement(By.cssSelector(".cart-link__count")).getText())
                    .contains("1");
            steps.shot("05b-my-page-cart-badge");
            driver.get(root + "/checkout");
            steps.waitFor(By.cssSelector(".checkout-form"));
            driver.findElement(By.id("f-name")).sendKeys("山田 花子");
            driver.findElement(By.id("f-postalCode")).sendKeys("150-0001");
            new Select(driver.findElement(By.id("f-prefecture"))).selectByVisibleText("東京都");
            driver.findElement(By.id("f-city")).sendKeys("渋谷区神宮前");
            driver.findElement(By.id("f-line1")).sendKeys("1-2-3");
            driver.findElement(By.id("f-phone")).sendKeys("03-1234-5678");
            assertThat(driver.findElement(By.id("pay-card")).isSelected()).isTrue();
            new Select(driver.findElement(By.id("f-cardToken"))).selectByValue("tok_visa");
            steps.shot("06-checkout");

            steps.click(driver.findElement(By.cssSelector(".checkout-form button[type=submit]")));
            steps.waitFor(By.cssSelector(".complete"));
            assertThat(driver.findElement(By.cssSelector("h1")).getText()).contains("ご注文ありがとうございました");
            String number = driver.findElement(By.cssSelector(".complete__number strong"))
                    .getText();
            assertThat(number).startsWith("K-");
            assertThat(driver.findElement(By.cssSelector(".tax-breakdown")).getText())
                    .contains("%対象");
            steps.shot("07-order-complete");

            driver.get(root + "/account/orders");
            steps.waitFor(By.cssSelector(".order-list"));
            assertThat(driver.findElement(By.cssSelector(".order-list")).getText())
                    .contains(number);
            steps.shot("08-my-orders");
        });
    }

    /** Issue 4: the reading pages, from the list to an article and through a featured product to its page. */
    @ParameterizedTest
    @EnumSource(Device.class)
    void readAnArticleAndOpenAFeaturedProduct(Device device) throws IOException {
        visit(device, (driver, steps, root) -> {
            driver.get(root + "/");
            steps.click(driver.findElement(By.cssSelector(".header-actions a[href='/articles']")));
            steps.waitFor(By.id("article-list"));
            assertThat(driver.findElement(By.cssSelector("h1")).getText()).isEqualTo("読み物");
            steps.shot("reading-01-articles");

            driver.get(root + "/articles/" + FEATURING_ARTICLE);
            steps.waitFor(By.id("article-body"));
            String title =
                    driver.findElement(By.cssSelector(".article-header__title")).getText();
            assertThat(driver.getTitle()).startsWith(title);
            List<WebElement> featured =
                    driver.findElements(By.cssSelector("#featured-products li.featured-product[data-product-slug]"));
            assertThat(featured).isNotEmpty();
            steps.shot("reading-02-article");

            WebElement first = featured.getFirst();
            String slug = first.getAttribute("data-product-slug");
            WebElement link = first.findElement(By.cssSelector(".product-card__name a"));
            String productName = link.getText();
            steps.click(link);
            steps.waitFor(By.cssSelector(".product__name"));
            assertThat(driver.getCurrentUrl()).endsWith("/products/" + slug);
            assertThat(driver.findElement(By.cssSelector(".product__name")).getText())
                    .isEqualTo(productName);
            steps.shot("reading-03-product");
        });
    }

    /** What a visit does, in a fresh browser, given the site's root URL. */
    private interface Visit {
        void run(WebDriver driver, Steps steps, String root) throws IOException;
    }

    private void visit(Device device, Visit visit) throws IOException {
        Path profile = Files.createTempDirectory("kurashi-chromium-");
        WebDriver driver = start(device, profile);
        try {
            visit.run(driver, new Steps(driver, device), base.toString().replaceAll("/$", ""));
        } finally {
            driver.quit();
        }
    }

    private static WebDriver start(Device device, Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--lang=ja-JP",
                "--user-data-dir=" + profile,
                "--window-size=" + device.width + "," + device.height);
        if (device.mobile) {
            options.setExperimentalOption(
                    "mobileEmulation",
                    Map.of("deviceMetrics", Map.of("width", device.width, "height", device.height, "pixelRatio", 2.0)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /** Waiting, clicking and full-page screenshots named by device and step. */
    private record Steps(WebDriver driver, Device device) {

        WebElement waitFor(By by) {
            return new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(ExpectedConditions.visibilityOfElementLocated(by));
        }

        void click(WebElement element) {
            ((ChromeDriver) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
            element.click();
        }

        void shot(String step) throws IOException {
            ChromeDriver chrome = (ChromeDriver) driver;
            // lazy images below the fold are not fetched for a full-page capture: load them all first
            chrome.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "const images = [...document.images];"
                    + "images.forEach(i => i.loading = 'eager');"
                    + "Promise.all(images.map(i => i.complete ? null"
                    + " : new Promise(r => { i.onload = r; i.onerror = r; }))).then(() => done());");
            Map<String, Object> metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
            double height = Math.min(((Number) size.get("height")).doubleValue(), 8000);
            Map<String, Object> shot = chrome.executeCdpCommand(
                    "Page.captureScreenshot",
                    Map.of(
                            "format",
                            "png",
                            "captureBeyondViewport",
                            true,
                            "clip",
                            Map.of("x", 0, "y", 0, "width", device.width, "height", height, "scale", 1)));
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(device.name().toLowerCase() + "-" + step + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            assertThat(List.of(driver.getTitle())).allMatch(t -> !t.isBlank());
        }
    }
}
