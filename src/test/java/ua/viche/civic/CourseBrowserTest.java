package ua.viche.civic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import ua.viche.Browser;
import ua.viche.IntegrationTest;
import ua.viche.Journey;

/**
 * The courses in real Chromium, JavaScript off and on, every page audited with axe-core: the hotline
 * operator finds a group ahead and registers two callers of priority groups by phone (one in each
 * browser), the official sees them on the attendance list, and the public verify page answers.
 */
@IntegrationTest
class CourseBrowserTest {

    @LocalServerPort int port;

    @Test
    void theOperatorRegistersCallersForACourse() {
        String caller = "Гриценко Параска " + Journey.suffix();
        String second = "Мельник Орися " + Journey.suffix();
        try (Journey j = Journey.start(port)) {
            Browser b = j.noJs();
            b.open("/kropyvnytskyi/courses");
            assertThat(b.mainText()).contains("Курси цифрової грамотності", "Університет третього віку");
            j.audit("courses");

            j.signInWithPassword("operator@kropyvnytskyi.demo");
            b.open("/kropyvnytskyi/courses");
            b.clickAndWait(By.linkText("Цифрова грамотність для людей старшого віку"));
            b.waitForPathMatching("/kropyvnytskyi/courses/\\d+");
            assertThat(b.mainText()).contains("Партнери", "Група 1", "Група 2");
            j.audit("a programme");
            b.clickAndWait(By.linkText("Група 2"));
            b.waitForPathMatching("/kropyvnytskyi/courses/groups/\\d+");
            String group = b.path();
            assertThat(b.mainText()).contains("Розклад", "Зареєструвати за дзвінком на гарячу лінію");
            j.audit("a group, as the hotline operator");

            b.find(By.id("name")).sendKeys(caller);
            b.find(By.id("phone")).sendKeys("+380 66 765 43 21");
            new Select(b.find(By.id("caller-priority"))).selectByValue("OLDER_PEOPLE");
            b.clickAndWait(By.id("on-behalf"));
            b.waitForPath(group);
            assertThat(j.notice()).isIn("Людину зареєстровано в групі.", "Вільних місць немає — людину поставлено в чергу.");
            j.audit("a caller registered");

            // the same with JavaScript on
            Browser js = j.withJs();
            js.copySessionFrom(b);
            js.open(group);
            js.find(By.id("name")).sendKeys(second);
            js.find(By.id("phone")).sendKeys("+380 67 111 22 33");
            new Select(js.find(By.id("caller-priority"))).selectByValue("VETERANS");
            js.clickAndWait(By.id("on-behalf"));
            js.waitForPath(group);
            assertThat(js.find(By.cssSelector("#main .notice[role=status]")).getText())
                    .isIn("Людину зареєстровано в групі.", "Вільних місць немає — людину поставлено в чергу.");
            js.assertAccessible("a second caller registered, JavaScript on");
            j.signOut();

            j.signInWithPassword("official@kropyvnytskyi.demo");
            b.open(group);
            b.clickAndWait(By.id("attendance-link"));
            b.waitForPath(group + "/attendance");
            assertThat(b.mainText()).contains(caller, second, "люди віком 60+", "ветерани й ветеранки");
            j.audit("attendance list");
            b.open("/kropyvnytskyi/courses/new");
            assertThat(b.mainText()).contains("Нова освітня програма", "Розклад");
            j.audit("programme form");

            b.open("/kropyvnytskyi/courses/verify");
            b.find(By.id("code")).sendKeys("0000 0000 0000 0000");
            b.clickAndWait(By.id("verify-button"));
            assertThat(b.mainText()).contains("Сертифікат не знайдено");
            j.audit("certificate verify");
        }
    }
}
