package ua.viche.appeals;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.appeals.domain.Appeal;
import ua.viche.appeals.domain.AppealRegistration;
import ua.viche.appeals.domain.AppealService;

/**
 * Appeals for other modules (the messenger bot), in the current community and as the signed-in
 * person: filed through the site's registration (eligibility, category, address, text), listed with
 * their state.
 */
@Service
public class AppealFiling {

    /** A category of appeals. */
    public record Category(long id, String nameUk, String nameEn) {
        public String name(Locale l) { return "en".equals(l.getLanguage()) ? nameEn : nameUk; }
    }

    /** An appeal: registration number, state (an {@code appeal.status.*} message key's suffix), subject, page. */
    public record Filed(String number, String status, String subject, String path) {}

    private final AppealService appeals;
    private final AppealRegistration registration;

    AppealFiling(AppealService appeals, AppealRegistration registration) {
        this.appeals = appeals;
        this.registration = registration;
    }

    @Transactional(readOnly = true)
    public List<Category> categories() {
        return appeals.activeCategories().stream().map(c -> new Category(c.getId(), c.getNameUk(), c.getNameEn())).toList();
    }

    /** Files an application as the signed-in person; refusals as on the site. */
    @Transactional
    public Filed file(long categoryId, String address, String text) {
        String subject = text.strip().lines().findFirst().orElse("").strip();
        if (subject.length() > 100) {
            subject = subject.substring(0, 99) + "…";
        }
        return filed(registration.file(new AppealRegistration.Request(Appeal.Kind.APPLICATION, categoryId, subject, text.strip(),
                address.strip(), null, null), List.of()));
    }

    /** The signed-in person's appeals, newest first. */
    @Transactional(readOnly = true)
    public List<Filed> mine() {
        return appeals.mine().stream().map(AppealFiling::filed).toList();
    }

    private static Filed filed(Appeal a) {
        return new Filed(a.getRegistrationNumber(), a.getStatus().name(), a.getSubject(), AppealService.url(a));
    }
}
