package ua.viche.certificates.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ua.viche.certificates.domain.CertificateOrder;
import ua.viche.certificates.domain.CertificateOrder.Delivery;
import ua.viche.certificates.domain.CertificateOrder.Facts;
import ua.viche.certificates.domain.CertificateOrder.Output;
import ua.viche.certificates.domain.CertificateOrder.Topic;
import ua.viche.certificates.domain.CertificateService;
import ua.viche.identity.Identity;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.ThreadClock;
import ua.viche.platform.VicheSettings;

/**
 * Demo certificate orders in each demo community, in every state: just received, in work,
 * extended, overdue, issued for download and for pick-up, refused, issued and then revoked. The
 * facts are those people really ask archives for: length of service at a council enterprise,
 * salary for a pension, council decisions on land; and, for each of those, an older order long since
 * answered. Created through the module's service, once.
 */
@Component
@Order(56)
class DemoCertificates implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCertificates.class);

    private final VicheSettings settings;
    private final Communities communities;
    private final CertificateService certificates;
    private final Identity identity;
    private final ThreadClock clock;

    DemoCertificates(VicheSettings settings, Communities communities, CertificateService certificates, Identity identity,
                     ThreadClock clock) {
        this.settings = settings;
        this.communities = communities;
        this.certificates = certificates;
        this.identity = identity;
        this.clock = clock;
    }

    /** Where a demo order's story ends. */
    private enum End { RECEIVED, IN_WORK, EXTENDED, OVERDUE, READY, REFUSED, REVOKED }

    private record Story(Output output, Topic topic, Facts facts, Delivery delivery, End end, int daysAgo, String text) {}

    /** The stories of a community: its enterprise, village council and streets. */
    private static List<Story> stories(String enterprise, String council, String street) {
        return List.of(
                new Story(Output.CERTIFICATE, Topic.SERVICE, new Facts(enterprise, "слюсар-сантехнік", 1987, 1996, null, null, null,
                        "Потрібно для призначення пенсії: трудова книжка втрачена під час переїзду."),
                        Delivery.DOWNLOAD, End.RECEIVED, 1, ""),
                new Story(Output.CERTIFICATE, Topic.SALARY, new Facts(enterprise, "бухгалтер", 1991, 1995, null, null, null,
                        "Довідка для Пенсійного фонду про заробітну плату за 60 місяців поспіль."),
                        Delivery.DOWNLOAD, End.IN_WORK, 6, ""),
                new Story(Output.EXTRACT, Topic.LAND, new Facts(null, null, null, null, "214", LocalDate.of(1998, 6, 25),
                        street + ", 14", "Ділянку виділено батькові під будівництво житлового будинку; потрібна для спадщини."),
                        Delivery.PICKUP, End.EXTENDED, 24, ""),
                new Story(Output.CERTIFICATE, Topic.SERVICE, new Facts(council, "секретар виконавчого комітету", 1979, 1984, null, null,
                        null, null), Delivery.DOWNLOAD, End.OVERDUE, 38, ""),
                new Story(Output.COPY, Topic.DECISION, new Facts(council, null, null, null, "17/3", LocalDate.of(2003, 3, 18), null,
                        "Рішення про передачу гуртожитку в комунальну власність."),
                        Delivery.DOWNLOAD, End.READY, 14,
                        "В архівних документах зберігається рішення № 17/3 від 18.03.2003 «Про прийняття гуртожитку у комунальну власність».\n"
                                + "Рішенням вирішено прийняти гуртожиток з балансу підприємства у комунальну власність громади "
                                + "та доручити виконавчому комітету забезпечити його утримання.\n"
                                + "Підстава: фонд Р-1, опис 2, справа 311, аркуші 45–47.\n"
                                + "Копія відтворює повний текст архівного документа і відповідає оригіналу."),
                new Story(Output.CERTIFICATE, Topic.SERVICE, new Facts(enterprise, "водій автонавантажувача", 1999, 2004, null, null,
                        null, null), Delivery.PICKUP, End.READY, 20,
                        "За документами архівного фонду " + enterprise + " заявник працював на посаді водія автонавантажувача "
                                + "з 12.04.1999 (наказ № 48-к від 12.04.1999) по 30.09.2004 (наказ № 121-к від 30.09.2004).\n"
                                + "Підстава: фонд Р-14, опис 1-л, справи 35, 52; особові рахунки за 1999–2004 роки.\n"
                                + "Довідку видано для подання за місцем вимоги."),
                new Story(Output.CERTIFICATE, Topic.OTHER, new Facts(null, null, null, null, null, null, null,
                        "Прошу надати відомості про закінчення моїм дідом сільської школи в 1936 році."),
                        Delivery.DOWNLOAD, End.REFUSED, 9, ""),
                new Story(Output.EXTRACT, Topic.LAND, new Facts(null, null, null, null, "88", LocalDate.of(2001, 11, 2),
                        street + ", 3", null), Delivery.DOWNLOAD, End.REVOKED, 32,
                        "Рішенням № 88 від 02.11.2001 «Про передачу земельних ділянок у приватну власність» передано "
                                + "у власність заявника земельну ділянку площею 0,10 га за адресою " + street + ", 3 "
                                + "для будівництва і обслуговування житлового будинку.\n"
                                + "Підстава: фонд Р-1, опис 2, справа 287, аркуш 12."));
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.demoEnabled()) {
            return;
        }
        for (Community c : communities.all()) {
            List<Story> stories = switch (c.slug()) {
                case "kropyvnytskyi" -> stories("КП «Міськсвітло» Кропивницької міської ради", "Кропивницька міська рада",
                        "м. Кропивницький, вул. Садова");
                case "dmytrivka" -> stories("КП «Дмитрівське житлово-комунальне господарство»", "Дмитрівська сільська рада",
                        "с. Дмитрівка, вул. Центральна");
                case "sievierodonetsk" -> stories("КП «Житлосервіс» Сєвєродонецької міської ради", "Сєвєродонецька міська рада",
                        "м. Сєвєродонецьк, просп. Центральний");
                default -> List.of();
            };
            if (stories.isEmpty()) {
                continue;
            }
            CurrentCommunity.runAs(c, () -> {
                if (certificates.count() > 0) {
                    return;
                }
                for (int i = 0; i < stories.size(); i++) {
                    tell(c, stories.get(i), 350 + i + 1);
                }
                // the months before: the same kinds of requests, long since answered
                for (int i = 0; i < 4; i++) {
                    Story s = stories.get(i);
                    End end = s.end() == End.REFUSED || s.end() == End.REVOKED ? s.end() : End.READY;
                    String text = s.text().isEmpty() && end == End.READY ? stories.get(4 + i % 2).text() : s.text();
                    tell(c, new Story(s.output(), s.topic(), s.facts(), s.delivery(), end, s.daysAgo() + 45 + i * 9, text), 330 + i + 1);
                }
                log.info("Demo certificate orders created in {}", c.slug());
            });
        }
    }

    private void tell(Community c, Story s, int n) {
        String resident = Identity.demoResident(c.slug(), n);
        String archivist = "archivist@" + c.slug() + ".demo";
        Instant start = LocalDate.now(clock.withZone(Dates.KYIV)).minusDays(s.daysAgo()).atTime(11, 20).atZone(Dates.KYIV).toInstant();
        CertificateOrder o = clock.callAt(start, () -> identity.callAs(resident, () -> certificates.order(
                new CertificateOrder.Request(s.output(), s.topic(), s.facts(), s.delivery(), resident))));
        long id = o.getId();
        Instant work = start.plus(Duration.ofDays(2));
        switch (s.end()) {
            case RECEIVED, OVERDUE -> { }
            case REFUSED -> clock.runAt(work, () -> identity.callAs(archivist, () -> certificates.refuse(id,
                    "Документи сільської школи за 1930-ті роки на зберігання до архіву громади не надходили. "
                            + "Радимо звернутися до Державного архіву Кіровоградської області.")));
            default -> {
                clock.runAt(work, () -> identity.callAs(archivist, () -> certificates.take(id)));
                if (s.end() == End.EXTENDED) {
                    clock.runAt(work.plus(Duration.ofDays(10)), () -> identity.callAs(archivist, () -> certificates.extend(id,
                            o.getRegisteredOn().plusDays(44), "Документи за 1998 рік передано на реставрацію; потрібен додатковий час.")));
                }
                if (s.end() == End.READY || s.end() == End.REVOKED) {
                    Instant issued = work.plus(Duration.ofDays(5));
                    clock.runAt(issued, () -> identity.callAs(archivist, () -> certificates.issue(id, s.text())));
                    if (s.end() == End.REVOKED) {
                        clock.runAt(issued.plus(Duration.ofDays(7)), () -> identity.callAs(archivist, () -> certificates.revoke(id,
                                "У довідці помилково зазначено площу ділянки; видано нову довідку.")));
                    }
                }
            }
        }
    }
}
