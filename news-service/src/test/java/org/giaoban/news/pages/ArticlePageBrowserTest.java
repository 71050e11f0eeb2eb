package org.giaoban.news.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.giaoban.news.article.ArticleContent.Image;
import org.giaoban.news.reading.ReadingTestBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The article page in a real headless browser: Debian's {@code chromium} driven through {@code chromium-driver}
 * (/usr/bin/chromedriver) by Selenium. Nothing is downloaded: both paths are given, so Selenium Manager never runs.
 * Without them the test fails (it is never skipped): install them with {@code apt-get install -y chromium chromium-driver}.
 */
class ArticlePageBrowserTest extends ReadingTestBase {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static WebDriver browser;

    @BeforeAll
    static void startBrowser() {
        assertThat(Files.isExecutable(CHROMIUM))
                .as("%s is missing: the browser test needs Debian's chromium (apt-get install -y chromium chromium-driver)", CHROMIUM)
                .isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER))
                .as("%s is missing: the browser test needs Debian's chromium-driver (apt-get install -y chromium chromium-driver)", CHROMEDRIVER)
                .isTrue();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        // Belt and braces: were Selenium Manager ever run, it gets SE_* system properties as its environment.
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--window-size=390,844", "--lang=vi");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aReaderSeesTheArticleItsPicturesBothListsAndShareLinks() throws Exception {
        String u = unique();
        Published interested = publish(content("Lai Châu đăng cai hội nghị năm 2024 " + u, null, "Nội dung.", "Sự kiện " + u,
                List.of("Tây Bắc " + u), List.of("tay-bac-" + u), List.of(), List.of()));
        Published sameCategory = publish(content("Tháo nút thắt hạ tầng, thúc đẩy du lịch " + u, null, "Nội dung.",
                "Thời sự " + u, List.of(), List.of(), List.of(), List.of()));
        String title = "Giao ban cụm các đô thị vùng Tây Bắc năm 2023 " + u;
        Published article = publish(content(title,
                "Sáng 24/9, tại thị xã Sa Pa, Hiệp hội các đô thị Việt Nam tổ chức hội nghị giao ban.",
                "Dự hội nghị có lãnh đạo của 11 đô thị thành viên cụm các đô thị vùng Tây Bắc.", "Thời sự " + u,
                List.of("Tây Bắc " + u), List.of("tay-bac-" + u), List.of("sa-pa-" + u),
                List.of(new Image("/images/quang-canh-2.jpg", "Quang cảnh hội nghị."),
                        new Image("/images/trao-co.jpg", "Thành phố Lai Châu sẽ là địa điểm tổ chức hội nghị năm 2024."))));
        String pageUrl = "http://localhost:" + port + "/news/" + article.slug();

        browser.get(pageUrl);

        assertThat(browser.getTitle()).startsWith(title);
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
        assertThat(browser.findElement(By.cssSelector("h1#title")).getText()).isEqualTo(title);
        assertThat(browser.findElement(By.cssSelector("p.summary")).getText()).startsWith("Sáng 24/9, tại thị xã Sa Pa");
        assertThat(texts(By.cssSelector("figure figcaption")))
                .containsExactly("Quang cảnh hội nghị.", "Thành phố Lai Châu sẽ là địa điểm tổ chức hội nghị năm 2024.");
        assertThat(browser.findElement(By.cssSelector("#you-may-be-interested h2")).getText()).isEqualTo("Có thể bạn quan tâm");
        assertThat(texts(By.cssSelector("#you-may-be-interested li h3 a"))).containsExactly("Lai Châu đăng cai hội nghị năm 2024 " + u);
        assertThat(browser.findElement(By.cssSelector("#same-category h2")).getText()).isEqualTo("Tin cùng chuyên mục");
        assertThat(texts(By.cssSelector("#same-category li h3 a"))).containsExactly("Tháo nút thắt hạ tầng, thúc đẩy du lịch " + u);
        assertThat(browser.findElement(By.cssSelector("#same-category li h3 a")).getAttribute("href"))
                .isEqualTo("http://localhost:" + port + "/news/" + sameCategory.slug());

        String facebook = browser.findElement(By.cssSelector("a.share-facebook")).getAttribute("href");
        assertThat(facebook).startsWith("https://www.facebook.com/sharer/sharer.php?u=");
        assertThat(URLDecoder.decode(facebook.substring(facebook.indexOf("?u=") + 3), StandardCharsets.UTF_8)).isEqualTo(pageUrl);
        String mail = browser.findElement(By.cssSelector("a.share-email")).getAttribute("href");
        assertThat(mail).startsWith("mailto:?subject=");
        assertThat(URLDecoder.decode(mail, StandardCharsets.UTF_8)).contains(title).endsWith("body=" + pageUrl);
        assertThat(browser.findElement(By.cssSelector("a.share-link")).getAttribute("href")).isEqualTo(pageUrl);
        assertThat(browser.findElement(By.cssSelector("button.share-copy")).getAttribute("data-url")).isEqualTo(pageUrl);

        // Under the page's Content-Security-Policy the stylesheet applies and the copy button's script runs.
        assertThat(browser.findElement(By.cssSelector("header.site")).getCssValue("background-color")).isEqualTo("rgba(11, 93, 42, 1)");
        ((ChromeDriver) browser).executeCdpCommand("Browser.grantPermissions", java.util.Map.of("origin", "http://localhost:" + port,
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        WebElement copy = browser.findElement(By.cssSelector("button.share-copy"));
        copy.click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(5))
                .until(driver -> !copy.getText().equals("Sao chép liên kết"));
        assertThat(copy.getText()).isEqualTo("Đã sao chép");

        // Readable on a phone: nothing wider than the screen.
        browser.manage().window().setSize(new Dimension(390, 844));
        long scrollWidth = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth;");
        long viewport = (Long) ((JavascriptExecutor) browser).executeScript("return window.innerWidth;");
        assertThat(scrollWidth).isLessThanOrEqualTo(viewport);
        screenshot("article-page.png");

        // A related article opens its own page.
        browser.findElement(By.cssSelector("#you-may-be-interested li h3 a")).click();
        assertThat(browser.getCurrentUrl()).isEqualTo("http://localhost:" + port + "/news/" + interested.slug());
        assertThat(browser.findElement(By.cssSelector("h1#title")).getText()).isEqualTo("Lai Châu đăng cai hội nghị năm 2024 " + u);
    }

    @Test
    void aScriptInATitleShowsAsText() {
        String u = unique();
        String title = "<script>alert(1)</script> Tin thử " + u;
        Published article = publish(content(title, "<img src=x onerror=alert(2)>", "Nội dung <b>không đậm</b>.", "Thời sự " + u,
                List.of(), List.of(), List.of(), List.of(new Image("/images/a.jpg", "<script>alert(3)</script>"))));

        browser.get("http://localhost:" + port + "/news/" + article.slug());

        assertThat(browser.findElement(By.cssSelector("h1#title")).getText()).isEqualTo(title);
        assertThat(browser.getTitle()).startsWith(title);
        assertThat(browser.findElement(By.cssSelector("figcaption")).getText()).isEqualTo("<script>alert(3)</script>");
        assertThat(browser.findElements(By.cssSelector("main script, main b, main img[src='x']"))).isEmpty();
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);

        browser.get("http://localhost:" + port + "/news?q=" + u);
        assertThat(texts(By.cssSelector("ul.articles li h2 a"))).containsExactly(title);
        assertThat(browser.findElement(By.cssSelector("input[name=q]")).getAttribute("value")).isEqualTo(u);
        screenshot("news-list.png");
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void anUnknownArticleShowsTheNotFoundPage() {
        browser.get("http://localhost:" + port + "/news/khong-co-" + unique());

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Không tìm thấy bài viết");
        assertThat(browser.findElement(By.linkText("« Về trang tin tức")).getAttribute("href")).endsWith("/news");
    }

    private List<String> texts(By selector) {
        return browser.findElements(selector).stream().map(WebElement::getText).toList();
    }

    private static void screenshot(String name) {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "browser");
        try {
            Files.createDirectories(target);
            Files.copy(shot.toPath(), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
