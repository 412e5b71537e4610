package ua.viche.appeals.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ua.viche.appeals.domain.Appeal;
import ua.viche.appeals.domain.AppealEvent;
import ua.viche.appeals.domain.AppealService;
import ua.viche.platform.AccessControl;

/** JSON of the signed-in person's own appeals (officials also read the appeals of their departments by id). */
@RestController
@RequestMapping("/api/v1/{community}/appeals")
class AppealApi {

    private final AppealService appeals;

    AppealApi(AppealService appeals) {
        this.appeals = appeals;
    }

    @GetMapping
    List<Item> mine(@PathVariable("community") String slug) {
        AccessControl.requireUser();
        return appeals.mine().stream().map(Item::of).toList();
    }

    @GetMapping("/{id:\\d+}")
    Detail detail(@PathVariable("community") String slug, @PathVariable("id") long id) {
        AppealService.AppealPage page = appeals.page(id);
        Appeal a = page.appeal();
        return new Detail(Item.of(a), a.getText(), a.getApplicantName(), a.getCategoryId() == null ? null
                : page.category() == null ? null : page.category().getCode(),
                a.getAnswerText(), a.getAnsweredAt(), a.getReturnedReason(), a.getExtendedReason(),
                a.getRating() == null ? null : a.getRating().intValue(),
                page.history().stream().filter(e -> !e.isInternal()).map(HistoryEntry::of).toList());
    }

    record Item(long id, String registrationNumber, String kind, String channel, String status, String subject,
                LocalDate registeredOn, LocalDate dueOn, boolean urgent, String url) {
        static Item of(Appeal a) {
            return new Item(a.getId(), a.getRegistrationNumber(), a.getKind().name().toLowerCase(),
                    a.getChannel().name().toLowerCase(), a.getStatus().name().toLowerCase(), a.getSubject(),
                    a.getRegisteredOn(), a.getDueOn(), a.isUrgent(), AppealService.url(a));
        }
    }

    record Detail(Item appeal, String text, String applicantName, @Nullable String category, @Nullable String answerText,
                  @Nullable Instant answeredAt, @Nullable String returnedReason, @Nullable String extensionReason,
                  @Nullable Integer rating, List<HistoryEntry> history) {}

    record HistoryEntry(Instant at, String event, @Nullable String text) {
        static HistoryEntry of(AppealEvent e) {
            return new HistoryEntry(e.getAt(), e.getKind(), e.getText());
        }
    }
}
