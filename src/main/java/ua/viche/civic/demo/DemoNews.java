package ua.viche.civic.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.civic.domain.CivicNews;
import ua.viche.civic.domain.News;
import ua.viche.civic.domain.NewsCategory;
import ua.viche.civic.domain.NewsInput;
import ua.viche.platform.Community;
import ua.viche.platform.Dates;
import ua.viche.platform.ThreadClock;

/**
 * The demo news of every community: twelve items over the last weeks (days counted back from the
 * day the demo is built, so the list always looks current), some with an English version, the
 * first one pinned, one with a drawn picture and its text, and one scheduled a few days ahead.
 * Written "as of" their moments through the news' own rules; the same every time.
 */
@Component
@Order(73)
class DemoNews implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoNews.class);

    /** Days back, hour, category, title, summary, body, title in English (or ""), summary and body in English. */
    private record Item(int daysBack, int hour, NewsCategory category, String titleUk, String summaryUk, String bodyUk, String titleEn,
                        String summaryEn, String bodyEn) {}

    private static final List<Item> ITEMS = List.of(
        new Item(1, 9, NewsCategory.ANNOUNCEMENT, "Стартував прийом проєктів бюджету участі",
            "Подавайте ідеї для {city} до кінця місяця.",
            "Громада {city} відкрила прийом проєктів бюджету участі.\n\n- подайте проєкт онлайн;\n- зберіть підтримку;\n- **голосування** — восени.\n\nДеталі — у розділі [бюджет участі](/{slug}/budget).",
            "Participatory budget: proposals are open", "Send your ideas for {cityEn} by the end of the month.",
            "The community opened proposals for the participatory budget.\n\n- send a proposal online;\n- gather support;\n- **voting** is in autumn."),
        new Item(2, 11, NewsCategory.NEWS, "Форум стратегічних комунікацій: відкрито реєстрацію",
            "Щорічний форум медіаграмотності — реєстрація на сторінці подій.",
            "Цього року форум присвячений **медіаграмотності** й перевірці фактів. Кількість місць обмежена, діє черга очікування.",
            "Forum of strategic communications: registration is open", "The yearly media-literacy forum: register on the events page.",
            "This year the forum is about **media literacy** and fact checking. Seats are limited; a waiting list moves up automatically."),
        new Item(4, 14, NewsCategory.OFFICIAL, "Графік прийому громадян керівництвом на місяць",
            "Особистий прийом — за попереднім записом.",
            "Особистий прийом громадян проводиться щовівторка з 10:00 до 12:00. Запис — через гарячу лінію або ЦНАП.",
            "", "", ""),
        new Item(6, 10, NewsCategory.NEWS, "Курси цифрової грамотності для людей старшого віку",
            "Безкоштовні заняття з партнерами громади.",
            "Разом з Університетом третього віку громада запрошує на курси: смартфон, електронні послуги, безпека в мережі.\n\nЗаписатися можна і **телефоном**.",
            "Digital-literacy courses for older people", "Free lessons with the community’s partners.",
            "Together with the University of the Third Age the community invites you to courses: smartphones, e-services, online safety."),
        new Item(9, 16, NewsCategory.ANNOUNCEMENT, "Планові роботи з водопостачання",
            "Тимчасове відключення води в кількох вулицях.",
            "Через ремонт мережі можливі перебої з водопостачанням з 9:00 до 17:00. Перелік вулиць — на сайті водоканалу.",
            "", "", ""),
        new Item(12, 12, NewsCategory.NEWS, "Громадські слухання щодо правил бюджету участі",
            "Обговорюємо правила на наступний рік.",
            "Запрошуємо мешканців і громадські організації долучитися до слухань. Пропозиції можна подати й онлайн, у розділі консультацій.",
            "Public hearings on the participatory-budget rules", "Discussing next year’s rules.",
            "Residents and civil-society organisations are invited to the hearings. Proposals can also be sent online."),
        new Item(15, 9, NewsCategory.OFFICIAL, "Рішення сесії ради: оприлюднено проєкти",
            "Проєкти рішень — на громадському обговоренні.",
            "Проєкти рішень чергової сесії оприлюднено для обговорення. Коментуйте й пропонуйте правки у розділі консультацій.",
            "", "", ""),
        new Item(19, 15, NewsCategory.NEWS, "Оновлено карту безбар’єрних маршрутів",
            "Нові пандуси й укриття на карті громади.",
            "На карті громади позначено нові пандуси, доступні входи й укриття. Повідомте про бар’єр через розділ звернень про проблеми.",
            "The barrier-free map is updated", "New ramps and shelters on the community map.",
            "The community map now shows new ramps, accessible entrances and shelters."),
        new Item(23, 13, NewsCategory.ANNOUNCEMENT, "ЦНАП працює в суботу",
            "Додатковий робочий день для видачі документів.",
            "Цієї суботи ЦНАП працює з 9:00 до 14:00. Запишіться в електронну чергу, щоб не чекати.",
            "", "", ""),
        new Item(28, 10, NewsCategory.NEWS, "Підсумки конкурсу молодіжних ініціатив",
            "Переможці отримають підтримку громади.",
            "Журі відібрало п’ять ініціатив: толоки, спортивні майданчики, медіашкола. Дякуємо всім учасникам!",
            "", "", ""),
        new Item(34, 11, NewsCategory.NEWS, "Архів громади: нові оцифровані справи",
            "У читальному залі онлайн — ще понад тисяча сторінок.",
            "Архівісти оцифрували нові описи. Шукайте документи за словами й роками в онлайн-читальному залі.",
            "", "", ""),
        new Item(-3, 9, NewsCategory.ANNOUNCEMENT, "Звіт про виконання програми за квартал",
            "Оприлюднення запланово: показники й виконання завдань.",
            "Звіт про виконання програми за квартал з показниками й виконанням завдань.",
            "", "", ""));

    private final DemoSeeding seeding;
    private final CivicNews news;
    private final TransactionTemplate tx;
    private final ThreadClock clock;

    DemoNews(DemoSeeding seeding, CivicNews news, TransactionTemplate tx, ThreadClock clock) {
        this.seeding = seeding;
        this.news = news;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        seeding.inEachCommunity("civic_news", log, "news", c -> write(c) + " items");
    }

    private int write(Community c) {
        LocalDate today = LocalDate.now(clock.withZone(Dates.KYIV));
        Instant now = Instant.now(clock);
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < ITEMS.size(); i++) {
                Item it = ITEMS.get(i);
                Instant at = ZonedDateTime.of(today.minusDays(it.daysBack()), LocalTime.of(it.hour(), 0), Dates.KYIV).toInstant();
                boolean picture = i == 1;
                NewsInput in = new NewsInput(it.category(), fill(it.titleUk(), c), fill(it.titleEn(), c), fill(it.summaryUk(), c),
                        fill(it.summaryEn(), c), fill(it.bodyUk(), c), fill(it.bodyEn(), c), at, i == 0,
                        picture ? "Зала форуму: ряди крісел перед сценою з екраном" : "",
                        picture ? "The forum hall: rows of seats before a stage with a screen" : "");
                // written as of its moment (a scheduled one as of now, as staff would schedule it)
                Instant written = at.isAfter(now) ? now : at;
                News n = clock.callAt(written, () -> news.create(in));
                if (picture) {
                    news.attachGenerated(n, "forum.png", banner(c.id()));
                }
            }
        });
        return ITEMS.size();
    }

    private static String fill(String text, Community c) {
        return text.replace("{city}", c.nameUk()).replace("{cityEn}", c.nameEn()).replace("{slug}", c.slug());
    }

    /** A plain drawn picture (stage, screen, rows of seats), the same for the same community. */
    private static byte[] banner(long seed) {
        BufferedImage img = new BufferedImage(1200, 630, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(new Color(0x1d3557));
            g.fillRect(0, 0, 1200, 630);
            g.setColor(new Color(0xf1faee));
            g.fillRect(300, 60, 600, 240);
            g.setColor(new Color(0x457b9d));
            for (int row = 0; row < 5; row++) {
                for (int seat = 0; seat < 12; seat++) {
                    g.fillRoundRect(150 + seat * 76 + (int) (seed % 3) * 4, 360 + row * 52, 60, 36, 10, 10);
                }
            }
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
