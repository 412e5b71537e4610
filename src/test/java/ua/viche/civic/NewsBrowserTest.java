package ua.viche.civic;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import ua.viche.Browser;
import ua.viche.IntegrationTest;
import ua.viche.Journey;

/**
 * News in real Chromium, JavaScript off and on, every page audited with axe-core: an official
 * writes an item (first with mistakes, each named and linked), publishes it, schedules another with
 * JavaScript on; a visitor reads the list, the item and the Atom feed (parsed back with ROME), where
 * the scheduled one is not.
 */
@IntegrationTest
class NewsBrowserTest {

    @LocalServerPort int port;

    @Test
    void anOfficialPublishesNewsAndAVisitorReadsTheFeed() throws Exception {
        String title = "Толока в парку " + Journey.suffix();
        String later = "Заплановано на потім " + Journey.suffix();
        try (Journey j = Journey.start(port)) {
            Browser b = j.noJs();
            j.signInWithPassword("official@kropyvnytskyi.demo");
            b.open("/kropyvnytskyi/news");
            j.audit("news, as an official");
            b.clickAndWait(By.linkText("Написати новину"));
            b.waitForPath("/kropyvnytskyi/news/new");
            j.audit("news form");

            b.find(By.id("imageAltUk")).sendKeys(" ");
            b.clickAndWait(By.id("publish"));
            j.assertErrorSummaryLinksTo("titleUk", "bodyUk");
            j.auditReproduced("news form with mistakes", js -> {
                js.open("/kropyvnytskyi/news/new");
                js.clickAndWait(By.id("publish"));
            });

            new Select(b.find(By.id("category"))).selectByValue("ANNOUNCEMENT");
            b.find(By.id("titleUk")).sendKeys(title);
            b.find(By.id("summaryUk")).sendKeys("Прибираємо парк разом.");
            b.find(By.id("bodyUk")).sendKeys("Збираємося в суботу о **10:00** біля входу.\n\n- рукавички є;\n- мішки є.");
            b.clickAndWait(By.id("publish"));
            b.waitForPathMatching("/kropyvnytskyi/news/\\d+-.+");
            String item = b.path();
            assertThat(j.notice()).isEqualTo("Новину оприлюднено.");
            assertThat(b.heading()).isEqualTo(title);
            assertThat(b.find(By.id("body")).findElement(By.tagName("strong")).getText()).isEqualTo("10:00");
            j.audit("published news item, as its official");
            String id = item.replaceAll(".*/news/(\\d+)-.*", "$1");
            b.open("/kropyvnytskyi/news/manage");
            j.audit("all news, as an official");
            b.clickAndWait(By.id("pin-" + id));
            assertThat(j.notice()).isEqualTo("Новину закріплено вгорі списку.");
            b.open("/kropyvnytskyi/news");
            assertThat(b.find(By.cssSelector("#news li")).getText()).contains(title, "Закріплено");
            b.open("/kropyvnytskyi/news/manage");
            b.clickAndWait(By.id("pin-" + id));
            assertThat(j.notice()).isEqualTo("Новину відкріплено.");

            // with JavaScript: an item scheduled for a day ahead
            Browser js = j.withJs();
            js.copySessionFrom(b);
            js.open("/kropyvnytskyi/news/new");
            js.find(By.id("titleUk")).sendKeys(later);
            js.find(By.id("bodyUk")).sendKeys("Пізніше.");
            LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/Kyiv")).plusDays(1);
            ((JavascriptExecutor) js.driver()).executeScript(
                    "document.getElementById('publishDay').value = arguments[0]; document.getElementById('publishTime').value = '09:00';",
                    tomorrow.toString());
            js.clickAndWait(By.id("publish"));
            js.waitForPathMatching("/kropyvnytskyi/news/\\d+-.+");
            assertThat(js.find(By.cssSelector("#main .notice[role=status]")).getText()).contains("заплановано");
            assertThat(js.find(By.id("scheduled")).getText()).contains("Ще не оприлюднено");
            js.assertAccessible("scheduled news item, as its official, JavaScript on");
            j.signOut();

            b.open("/kropyvnytskyi/news");
            assertThat(b.mainText()).contains(title).doesNotContain(later);
            j.audit("news, as a visitor");
            b.clickAndWait(By.linkText(title));
            b.waitForPath(item);
            assertThat(b.mainText()).contains("Прибираємо парк разом.", "рукавички є");
            j.audit("news item, as a visitor");
            b.open(item + "?lang=en");
            assertThat(b.find(By.id("fallback")).getText()).contains("Ukrainian only");
            j.audit("news item in English, Ukrainian only");

            HttpResponse<String> atom = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/kropyvnytskyi/news.atom")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(atom.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
            SyndFeed feed = new SyndFeedInput().build(new StringReader(atom.body()));
            assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).contains(title).doesNotContain(later);
            SyndEntry entry = feed.getEntries().stream().filter(e -> e.getTitle().equals(title)).findFirst().orElseThrow();
            assertThat(entry.getLink()).endsWith(item);
            assertThat(entry.getContents().get(0).getValue()).contains("<strong>10:00</strong>");
            // the feed is linked from the list, and the home page shows the item
            b.open("/kropyvnytskyi?lang=uk");
            assertThat(b.mainText()).contains("Останні новини", title).doesNotContain(later);
            j.audit("community home page with the latest news");
        }
    }
}
