package ua.viche.queue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ua.viche.identity.Identity;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.queue.domain.AdminService;
import ua.viche.queue.domain.Bookings;
import ua.viche.queue.domain.Catalogue;
import ua.viche.queue.domain.Kiosks;
import ua.viche.queue.domain.Office;
import ua.viche.queue.domain.OfficeHours;
import ua.viche.queue.domain.Workplace;

/** An office of its own for a test: open every day, one or more workplaces, one service of 15 minutes. */
record QueueFixture(Community community, Office office, List<Workplace> workplaces, AdminService service) {

    static final OfficeHours ALL_DAY = OfficeHours.parse(
            "mon=00:00-23:59;tue=00:00-23:59;wed=00:00-23:59;thu=00:00-23:59;fri=00:00-23:59;sat=00:00-23:59;sun=00:00-23:59");
    static final OfficeHours DAYTIME = OfficeHours.parse(
            "mon=08:00-18:00;tue=08:00-18:00;wed=08:00-18:00;thu=08:00-18:00;fri=08:00-18:00;sat=08:00-18:00;sun=08:00-18:00");

    static QueueFixture create(Community c, Catalogue catalogue, Identity identity, int workplaces, OfficeHours hours) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return CurrentCommunity.callAs(c, () -> identity.callAs("cnap@" + c.slug() + ".demo", () -> {
            Office o = catalogue.createOffice("Тестовий офіс " + suffix, "Test office " + suffix, "вул. Тестова, 1", "1 Test St",
                    null, null, hours, false, true);
            List<Workplace> w = new ArrayList<>();
            for (int i = 1; i <= workplaces; i++) {
                w.add(catalogue.addWorkplace(o.getId(), "T-" + suffix + "-" + i, String.valueOf(i)));
            }
            AdminService s = catalogue.saveService("TST-" + suffix, "Тестова послуга " + suffix, "Test service " + suffix,
                    "Тестові послуги", "Test services", "Опис", "Паспорт", "", 15, w.stream().map(Workplace::getCode).toList());
            return new QueueFixture(c, o, w, s);
        }));
    }

    /** Creates a kiosk for the office and enrols nobody; returns its token. */
    String kiosk(Kiosks kiosks) {
        String token = "TEST-KIOSK-" + UUID.randomUUID();
        CurrentCommunity.runAs(community, () -> kiosks.create(office, "Тестовий термінал", token, "test"));
        return token;
    }

    /** The first day from {@code fromDays} days ahead with at least {@code n} free slots, and those slots. */
    Map.Entry<LocalDate, List<Instant>> day(Bookings bookings, int fromDays, int n) {
        LocalDate from = LocalDate.now(Dates.KYIV).plusDays(fromDays);
        return CurrentCommunity.callAs(community, () -> bookings.freeByDay(office.getId(), service.getId()).entrySet().stream()
                .filter(e -> !e.getKey().isBefore(from) && e.getValue().size() >= n).findFirst().orElseThrow());
    }
}
