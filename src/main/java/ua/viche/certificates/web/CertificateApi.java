package ua.viche.certificates.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ua.viche.certificates.domain.CertificateOrder;
import ua.viche.certificates.domain.CertificateService;
import ua.viche.platform.AccessControl;

/** JSON of the signed-in person's certificate orders, and verification of a code for anyone. */
@RestController
@RequestMapping("/api/v1/{community}/archive/certificates")
class CertificateApi {

    private final CertificateService certificates;

    CertificateApi(CertificateService certificates) {
        this.certificates = certificates;
    }

    @GetMapping
    List<Item> mine(@PathVariable("community") String slug) {
        AccessControl.requireUser();
        return certificates.mine().stream().map(Item::of).toList();
    }

    @GetMapping("/verify/{code}")
    Verification verify(@PathVariable("community") String slug, @PathVariable("code") String code) {
        CertificateService.Verification v = certificates.verify(code.length() > 60 ? code.substring(0, 60) : code);
        return new Verification(lower(v.state()), v.code(), v.number(), v.issuedOn(), v.initials(), lower(v.output()),
                lower(v.topic()), v.issuedBy(), v.revokedOn(), v.revokedReason());
    }

    private static @Nullable String lower(@Nullable Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }

    record Item(long id, String number, String output, String topic, String delivery, String status, LocalDate registeredOn,
                LocalDate dueOn, @Nullable String extensionReason, @Nullable String refusalReason, @Nullable Instant issuedAt,
                boolean revoked, String url, @Nullable String pdfUrl) {
        static Item of(CertificateOrder o) {
            String url = CertificateService.url(o);
            return new Item(o.getId(), o.getNumber(), lower(o.getOutput()), lower(o.getTopic()), lower(o.getDelivery()),
                    lower(o.shownStatus()), o.getRegisteredOn(), o.getDueOn(), o.getExtendedReason(), o.getRefusedReason(),
                    o.getIssuedAt(), o.revoked(), url, o.getPdfKey() == null ? null : url + "/certificate.pdf");
        }
    }

    record Verification(@Nullable String state, String code, @Nullable String number, @Nullable LocalDate issuedOn,
                        @Nullable String initials, @Nullable String output, @Nullable String topic, @Nullable String issuedBy,
                        @Nullable LocalDate revokedOn, @Nullable String revokedReason) {}
}
