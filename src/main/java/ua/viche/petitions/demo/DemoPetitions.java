package ua.viche.petitions.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ua.viche.identity.Identity;
import ua.viche.petitions.PetitionsModule;
import ua.viche.petitions.domain.Petition;
import ua.viche.petitions.domain.PetitionService;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.ThreadClock;
import ua.viche.platform.VicheSettings;

/**
 * Demo petitions in every state for each demo community, created through the petition rules as of
 * the moments they would have happened: drafted, moderated, signed by demo residents, answered or
 * expired. Created once, when the demo is on and the community has no petitions yet.
 */
@Component
@Order(30)
class DemoPetitions implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPetitions.class);

    private final VicheSettings settings;
    private final Communities communities;
    private final PetitionService petitions;
    private final Identity identity;
    private final ThreadClock clock;
    private final org.springframework.transaction.support.TransactionTemplate tx;

    DemoPetitions(VicheSettings settings, Communities communities, PetitionService petitions, Identity identity,
                  ThreadClock clock, org.springframework.transaction.support.TransactionTemplate tx) {
        this.tx = tx;
        this.settings = settings;
        this.communities = communities;
        this.petitions = petitions;
        this.identity = identity;
        this.clock = clock;
    }

    /** One demo petition: where its story ends, how many sign, and when it began. */
    private record Story(String title, String text, Petition.Status end, int signatures, int daysAgo,
                         String authorEmail, String answerOrReason) {}

    private record Plan(String slug, int threshold, int periodDays, List<Story> stories) {}

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.demoEnabled()) {
            return;
        }
        for (Plan plan : plans()) {
            Community community = communities.bySlug(plan.slug()).orElse(null);
            if (community == null) {
                continue;
            }
            community = communities.putSetting(community.id(), PetitionsModule.THRESHOLD, plan.threshold());
            community = communities.putSetting(community.id(), PetitionsModule.PERIOD_DAYS, plan.periodDays());
            Community c = community;
            CurrentCommunity.runAs(c, () -> {
                if (!petitions.allPublic().isEmpty()) {
                    return;
                }
                plan.stories().forEach(story -> tell(c, plan, story));
                log.info("Demo petitions created in {}", c.slug());
            });
        }
    }

    private void tell(Community c, Plan plan, Story s) {
        Instant start = Instant.now().minus(Duration.ofDays(s.daysAgo()));
        Petition p = clock.callAt(start, () -> identity.callAs(s.authorEmail(), () -> petitions.draft(s.title(), s.text())));
        if (s.end() == Petition.Status.DRAFT) {
            return;
        }
        clock.runAt(start.plus(Duration.ofMinutes(20)), () -> identity.callAs(s.authorEmail(), () -> petitions.submit(p.getId())));
        if (s.end() == Petition.Status.MODERATION) {
            return;
        }
        String moderator = "moderator@" + c.slug() + ".demo";
        Instant moderated = start.plus(Duration.ofDays(1));
        if (s.end() == Petition.Status.REJECTED) {
            clock.runAt(moderated, () -> identity.callAs(moderator, () -> petitions.reject(p.getId(), s.answerOrReason())));
            return;
        }
        clock.runAt(moderated, () -> identity.callAs(moderator, () -> petitions.publish(p.getId())));
        Instant now = Instant.now();
        Instant collectionEnd = ua.viche.platform.Dates.periodEnd(moderated, plan.periodDays());
        Instant lastSignature = (collectionEnd.isBefore(now) ? collectionEnd : now).minus(Duration.ofHours(2));
        long span = Duration.between(moderated, lastSignature).toMinutes();
        if (s.end() == Petition.Status.CONSIDERATION) {
            span = span * 6 / 10; // reached the threshold a while ago: the council's deadline may have passed
        }
        // signatures in batches: few disk flushes, small persistence contexts
        for (int from = 1; from <= s.signatures(); from += 50) {
            int first = from;
            long minutes = span;
            tx.executeWithoutResult(status -> {
                for (int i = first; i < first + 50 && i <= s.signatures(); i++) {
                    Instant at = moderated.plus(Duration.ofMinutes(minutes * i / (s.signatures() + 1) + 1));
                    String signer = Identity.demoResident(c.slug(), i);
                    boolean notify = i % 3 == 0;
                    clock.runAt(at, () -> identity.callAs(signer, () -> petitions.sign(p.getId(), notify)));
                }
            });
        }
        if (s.end() == Petition.Status.EXPIRED) {
            clock.runAt(collectionEnd.plus(Duration.ofMinutes(5)), () -> petitions.expireIfDue(p.getId()));
        } else if (s.end() == Petition.Status.ANSWERED) {
            String official = "official@" + c.slug() + ".demo";
            clock.runAt(lastSignature.plus(Duration.ofHours(1)), () -> identity.callAs(official, () -> petitions.answer(p.getId(),
                    s.answerOrReason().startsWith("Частково") ? Petition.Outcome.PARTLY : Petition.Outcome.SUPPORTED,
                    s.answerOrReason(), "https://example.gov.ua/rishennia")));
        }
    }

    private static List<Plan> plans() {
        String olena = "olena.kovalenko@example.org";
        String andrii = "andrii.shevchuk@example.org";
        String nadiia = "nadiia.tkachenko@example.org";
        String mariia = "mariia.bondarenko@example.org";
        String ihor = "ihor.melnyk@example.org";
        return List.of(
                new Plan("kropyvnytskyi", 450, 90, List.of(
                        new Story("Запровадити електронний квиток у громадському транспорті",
                                "Пропоную запровадити в міських автобусах і тролейбусах електронний квиток з оплатою банківською карткою, "
                                        + "смартфоном і транспортною карткою для пільговиків.\n\nЗа опитуванням серпня 2024 року цього рішення "
                                        + "потребують 434 з 524 опитаних мешканців. Електронний квиток зробить облік пасажирів прозорим, а "
                                        + "пересадки — дешевшими.", Petition.Status.CONSIDERATION, 450, 40, olena, ""),
                        new Story("Встановити «розумні» зупинки з табло прибуття транспорту",
                                "Прошу встановити на зупинках вулиць Великої Перспективної та Шевченка електронні табло з часом прибуття "
                                        + "автобусів і тролейбусів, з голосовим оповіщенням для людей з порушеннями зору.",
                                Petition.Status.ANSWERED, 450, 70,
                                andrii, "Підтримано. Управлінню інформаційних технологій доручено встановити 20 табло у 2026 році "
                                + "в межах Програми цифрового розвитку на 2025–2027 роки; перші п’ять — до 1 вересня."),
                        new Story("Облаштувати відкритий Wi-Fi у парку «Ковалівський»",
                                "Пропоную облаштувати безкоштовний Wi-Fi у парку «Ковалівський» і на прилеглій площі, як це вже зроблено "
                                        + "в центрі міста. Це потрібно школярам, студентам і людям, які працюють дистанційно.",
                                Petition.Status.COLLECTING, 180, 30, nadiia, ""),
                        new Story("Цілодобовий доступ до укриття в ліцеї на Новомиколаївці",
                                "Під час повітряних тривог укриття ліцею вночі зачинене. Прошу забезпечити цілодобовий доступ до укриття "
                                        + "для мешканців мікрорайону та розмістити на дверях контакти відповідального.",
                                Petition.Status.COLLECTING, 95, 80, andrii, ""),
                        new Story("Відремонтувати тротуари на вулиці Короленка",
                                "Тротуари на вулиці Короленка зруйновані, людям з колясками й на кріслах колісних доводиться йти проїжджою "
                                        + "частиною. Прошу включити ремонт у план на наступний рік.", Petition.Status.EXPIRED, 120, 120, nadiia, ""),
                        new Story("Перейменувати вулицю на честь захисників",
                                "Прошу перейменувати одну з вулиць міста на честь загиблих захисників із нашої громади. Пропоную провести "
                                        + "громадське обговорення щодо вибору вулиці.", Petition.Status.MODERATION, 0, 1, olena, ""),
                        new Story("Заборонити продаж алкоголю по всій області",
                                "Прошу заборонити продаж алкогольних напоїв на території всієї Кіровоградської області цілодобово.",
                                Petition.Status.REJECTED, 0, 10, andrii,
                                "Питання не належить до повноважень міської ради: рада може встановлювати обмеження лише на території громади."))),
                new Plan("dmytrivka", 100, 60, List.of(
                        new Story("Облаштувати зупинку шкільного автобуса в селі",
                                "Діти чекають шкільного автобуса просто на узбіччі. Прошу облаштувати зупинку з навісом і освітленням "
                                        + "на вулиці Центральній біля магазину.", Petition.Status.CONSIDERATION, 100, 25, mariia, ""),
                        new Story("Вуличне освітлення на вулиці Садовій",
                                "На вулиці Садовій немає освітлення, взимку люди повертаються з роботи в темряві. Прошу встановити "
                                        + "енергоощадні ліхтарі.", Petition.Status.ANSWERED, 100, 50, mariia,
                                "Частково підтримано: 12 ліхтарів буде встановлено до кінця року, решту — у наступному бюджеті."),
                        new Story("Бібліотека як інформаційний центр з доступом до інтернету",
                                "Пропоную зробити сільську бібліотеку інформаційно-ресурсним центром з доступом до інтернету та "
                                        + "допомогою з електронними послугами для старших людей.", Petition.Status.COLLECTING, 40, 20, mariia, ""),
                        new Story("Ремонт дороги до кладовища",
                                "Дорога до кладовища розмита, після дощів нею неможливо проїхати. Прошу засипати ями щебенем.",
                                Petition.Status.EXPIRED, 30, 90, mariia, ""),
                        new Story("Дитячий майданчик біля клубу",
                                "Прошу встановити дитячий майданчик біля сільського клубу.", Petition.Status.MODERATION, 0, 1, mariia, ""))),
                new Plan("sievierodonetsk", 250, 60, List.of(
                        new Story("Онлайн-консультації для переселенців громади",
                                "Більшість мешканців громади зараз живуть в інших містах. Прошу організувати щотижневі онлайн-консультації "
                                        + "з соціальних питань і відновлення документів.", Petition.Status.ANSWERED, 250, 45, ihor,
                                "Підтримано. Консультації проводяться щочетверга; розклад опубліковано в чат-боті «СВОЇ»."),
                        new Story("Реєстр зруйнованого житла громади",
                                "Пропоную створити відкритий реєстр зруйнованого та пошкодженого житла громади, щоб мешканці могли "
                                        + "перевірити стан своїх заяв про компенсацію.", Petition.Status.COLLECTING, 120, 15, ihor, ""),
                        new Story("Гуманітарний хаб для переселенців у Дніпрі",
                                "Прошу відкрити представництво громади в Дніпрі для видачі гуманітарної допомоги мешканцям громади.",
                                Petition.Status.CONSIDERATION, 250, 30, ihor, ""),
                        new Story("Сповіщення про виплати в чат-боті",
                                "Прошу додати до чат-бота сповіщення про нарахування виплат для внутрішньо переміщених осіб.",
                                Petition.Status.EXPIRED, 60, 80, ihor, ""),
                        new Story("Петиція без тексту по суті",
                                "Прошу зробити все добре для всіх мешканців громади, швидко і безкоштовно, без жодних витрат.",
                                Petition.Status.REJECTED, 0, 5, ihor, "Петиція не містить конкретної пропозиції в межах повноважень ради."))));
    }
}
