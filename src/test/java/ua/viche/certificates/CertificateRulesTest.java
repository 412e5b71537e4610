package ua.viche.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ua.viche.IntegrationTest;
import ua.viche.certificates.domain.CertificateOrder.Facts;
import ua.viche.certificates.domain.CertificateOrder.Output;
import ua.viche.certificates.domain.CertificateOrder.Request;
import ua.viche.certificates.domain.CertificateOrder.Topic;
import ua.viche.certificates.domain.CertificateOrder;
import ua.viche.certificates.domain.VerifyCode;
import ua.viche.platform.Dates;
import ua.viche.platform.Refusal;
import ua.viche.platform.WorkingDays;

/** A certificate order's rules: which facts each topic needs, the states, the terms with the 45-day cap, verify codes. */
@IntegrationTest
class CertificateRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Autowired WorkingDays days;

    private static Request service(Facts facts) {
        return new Request(Output.CERTIFICATE, Topic.SERVICE, facts, CertificateOrder.Delivery.DOWNLOAD, "olena@example.org");
    }

    private static Facts work(String organisation, String position, Integer from, Integer to) {
        return new Facts(organisation, position, from, to, null, null, null, null);
    }

    private CertificateOrder order(LocalDate registeredOn) {
        return CertificateOrder.register("АД-2026-000001", new CertificateOrder.Applicant(1L, 1L, "Бондаренко Марія Степанівна",
                "o@example.org"), service(work("КП «Міськсвітло»", "електромонтер", 1990, 1996)),
                registeredOn.atStartOfDay(Dates.KYIV).toInstant(), registeredOn, TODAY, days);
    }

    private static Set<String> fields(Request r) {
        Set<String> fields = new HashSet<>();
        CertificateOrder.problems(r, TODAY).forEach(p -> fields.add(p.field() + ":" + p.key()));
        return fields;
    }

    @Test
    void eachTopicNeedsItsFacts() {
        assertThat(fields(service(work("КП «Міськсвітло»", "електромонтер", 1990, 1996)))).isEmpty();
        assertThat(fields(service(Facts.none()))).containsExactlyInAnyOrder("organisation:certificate.error.organisation",
                "position:certificate.error.position", "yearFrom:certificate.error.year", "yearTo:certificate.error.year");
        assertThat(fields(service(work("КП", "слюсар", 1999, 1990)))).containsExactly("yearTo:certificate.error.yearOrder");
        assertThat(fields(service(work("КП", "слюсар", 1850, 2030))))
                .containsExactlyInAnyOrder("yearFrom:certificate.error.yearRange", "yearTo:certificate.error.yearRange");
        // salary: no position needed
        assertThat(fields(new Request(Output.CERTIFICATE, Topic.SALARY, work("КП", "", 1990, 1995),
                CertificateOrder.Delivery.DOWNLOAD, "o@example.org"))).isEmpty();
        assertThat(fields(new Request(Output.COPY, Topic.DECISION, Facts.none(), CertificateOrder.Delivery.PICKUP, "o@example.org")))
                .containsExactlyInAnyOrder("decisionNumber:certificate.error.decisionNumber", "decisionDate:certificate.error.decisionDate");
        assertThat(fields(new Request(Output.COPY, Topic.DECISION, new Facts(null, null, null, null, "17/3", TODAY.plusDays(1), null, null),
                CertificateOrder.Delivery.PICKUP, "o@example.org"))).containsExactly("decisionDate:certificate.error.decisionDateRange");
        assertThat(fields(new Request(Output.EXTRACT, Topic.LAND, Facts.none(), CertificateOrder.Delivery.DOWNLOAD, "o@example.org")))
                .containsExactly("land:certificate.error.land");
        assertThat(fields(new Request(Output.CERTIFICATE, Topic.OTHER, new Facts(null, null, null, null, null, null, null, "коротко"),
                CertificateOrder.Delivery.DOWNLOAD, "o@example.org"))).containsExactly("details:certificate.error.detailsOther");
        assertThat(fields(new Request(null, null, Facts.none(), null, "not an address"))).containsExactlyInAnyOrder(
                "output:certificate.error.output", "topic:certificate.error.topic", "delivery:certificate.error.delivery",
                "email:certificate.error.email");
    }

    @Test
    void registrationRefusesProblemsAndKeepsOnlyTheTopicsFacts() {
        assertThatThrownBy(() -> CertificateOrder.register("x", new CertificateOrder.Applicant(1L, 1L, "Ім’я", "o@example.org"),
                service(Facts.none()), NOW, TODAY, TODAY, days))
                .isInstanceOf(Refusal.class)
                .satisfies(e -> assertThat(((Refusal) e).faults()).hasSize(4));
        // a land order keeps the land and the decision, not the enterprise typed before the topic was changed
        CertificateOrder land = CertificateOrder.register("x", new CertificateOrder.Applicant(1L, 1L, "Ім’я", "o@example.org"),
                new Request(Output.EXTRACT, Topic.LAND, new Facts("КП", "слюсар", 1990, 1991, "88", LocalDate.of(2001, 11, 2),
                        "вул. Садова, 3", null), CertificateOrder.Delivery.DOWNLOAD, "o@example.org"), NOW, TODAY, TODAY, days);
        assertThat(land.getLand()).isEqualTo("вул. Садова, 3");
        assertThat(land.getDecisionNumber()).isEqualTo("88");
        assertThat(land.getOrganisation()).isNull();
        assertThat(land.getYearFrom()).isNull();
    }

    @Test
    void termsAreTheAppealsLawsWithTheCapAt45Days() {
        // 2 Nov 2026 + 30 = 2 Dec (Wednesday); 5 Nov + 30 = 5 Dec, a Saturday → Monday 7 Dec
        assertThat(order(LocalDate.of(2026, 11, 2)).getDueOn()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(order(LocalDate.of(2026, 11, 5)).getDueOn()).isEqualTo(LocalDate.of(2026, 12, 7));
        CertificateOrder o = order(LocalDate.of(2026, 11, 2));
        assertThatThrownBy(() -> o.extend(LocalDate.of(2026, 12, 10), " ", NOW, days)).hasMessage("certificate.error.reason");
        assertThatThrownBy(() -> o.extend(LocalDate.of(2026, 12, 1), "Документи на реставрації", NOW, days))
                .hasMessage("certificate.error.extensionEarlier");
        // 2 Nov + 45 = 17 Dec: allowed; 18 Dec is not
        assertThatThrownBy(() -> o.extend(LocalDate.of(2026, 12, 18), "Документи на реставрації", NOW, days))
                .hasMessage("certificate.error.extensionCap");
        o.extend(LocalDate.of(2026, 12, 17), "Документи на реставрації", NOW, days);
        assertThat(o.getDueOn()).isEqualTo(LocalDate.of(2026, 12, 17));
        assertThat(o.getExtendedReason()).isEqualTo("Документи на реставрації");
        assertThat(o.overdue(LocalDate.of(2026, 12, 17))).isFalse();
        assertThat(o.overdue(LocalDate.of(2026, 12, 18))).isTrue();
    }

    @Test
    void statesReceivedInWorkReadyRefusedRevoked() {
        CertificateOrder o = order(LocalDate.of(2026, 11, 2));
        assertThat(o.getStatus()).isEqualTo(CertificateOrder.Status.RECEIVED);
        assertThatThrownBy(() -> o.issue("Текст", "Архівіст", "CODE", "k", "sha", 1, NOW)).hasMessage("certificate.error.notInWork");
        assertThatThrownBy(() -> o.revoke("Помилка", NOW)).hasMessage("certificate.error.notIssued");
        o.take(7, "Архівіст Ольга");
        assertThat(o.getStatus()).isEqualTo(CertificateOrder.Status.IN_WORK);
        assertThatThrownBy(() -> o.take(7, "Архівіст Ольга")).hasMessage("certificate.error.notReceived");
        assertThatThrownBy(() -> o.issue(" ", "Архівіст", "CODE", "k", "sha", 1, NOW)).hasMessage("certificate.error.text");
        assertThatThrownBy(() -> o.issue("Працював з 1990 по 1996 рік.\nПідстава: [фонд, опис, справа, аркуші].", "Архівіст", "CODE",
                "k", "sha", 1, NOW)).hasMessage("certificate.error.blanksUnfilled");
        assertThatThrownBy(() -> o.issue("Працював з 1990 по 1996 рік.", "Архівіст", "CODE", "k", "sha", 1,
                o.getReceivedAt().minusSeconds(60))).hasMessage("certificate.error.issuedBeforeRequest");
        assertThat(o.getStatus()).isEqualTo(CertificateOrder.Status.IN_WORK);
        o.issue("Працював з 1990 по 1996 рік.", "Архівіст Ольга", "CODE", "k", "sha", 1, NOW);
        assertThat(o.getStatus()).isEqualTo(CertificateOrder.Status.READY);
        assertThat(o.open()).isFalse();
        assertThatThrownBy(() -> o.refuse("Причина", NOW)).hasMessage("certificate.error.notOpen");
        assertThatThrownBy(() -> o.extend(LocalDate.of(2026, 12, 10), "Причина", NOW, days)).hasMessage("certificate.error.notOpen");
        assertThatThrownBy(() -> o.revoke(" ", NOW)).hasMessage("certificate.error.reason");
        assertThat(o.shownStatus()).isEqualTo(CertificateOrder.Shown.READY);
        o.revoke("Помилка в даті наказу", NOW);
        assertThat(o.revoked()).isTrue();
        assertThat(o.shownStatus()).isEqualTo(CertificateOrder.Shown.REVOKED);
        assertThatThrownBy(() -> o.revoke("Ще раз", NOW)).hasMessage("certificate.error.alreadyRevoked");

        CertificateOrder refused = order(LocalDate.of(2026, 11, 2));
        assertThatThrownBy(() -> refused.refuse("", NOW)).hasMessage("certificate.error.reason");
        refused.refuse("Документи до архіву не надходили", NOW);
        assertThat(refused.getStatus()).isEqualTo(CertificateOrder.Status.REFUSED);
        assertThatThrownBy(() -> refused.take(7, "Архівіст")).hasMessage("certificate.error.notReceived");
    }

    @Test
    void verificationShowsInitialsOnly() {
        assertThat(order(TODAY).applicantInitials()).isEqualTo("Б. М. С.");
    }

    @Test
    void verifyCodesCarry80RandomBitsAndAreReadLeniently() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String c = VerifyCode.generate();
            assertThat(c).matches("[0-9A-HJKMNP-TV-Z]{16}");
            codes.add(c);
        }
        assertThat(codes).hasSize(1000);
        // 16 symbols of a 32-letter alphabet: 16 × 5 = 80 bits
        assertThat(VerifyCode.LENGTH * (Integer.SIZE - Integer.numberOfLeadingZeros(32 - 1))).isGreaterThanOrEqualTo(80);
        assertThat(VerifyCode.readable("7KQ2M9XD4TRBH0ZP")).isEqualTo("7KQ2-M9XD-4TRB-H0ZP");
        assertThat(VerifyCode.normalise(" 7kq2-m9xd 4trb-hOzp ")).contains("7KQ2M9XD4TRBH0ZP");
        assertThat(VerifyCode.normalise("7KQ2-M9XD-4TRB-H0ZPX")).isEmpty();
        assertThat(VerifyCode.normalise("7KQ2-M9XD-4TRB-H0Z!")).isEmpty();
        assertThat(VerifyCode.normalise("ІІІІ-ІІІІ-ІІІІ-ІІІІ")).isEmpty(); // Cyrillic letters are not code letters
    }
}
