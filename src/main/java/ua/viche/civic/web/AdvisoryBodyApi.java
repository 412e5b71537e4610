package ua.viche.civic.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ua.viche.civic.domain.AdvisoryBodies;
import ua.viche.civic.domain.AdvisoryBody;
import ua.viche.civic.domain.BodyDecision;
import ua.viche.civic.domain.BodyEvent;
import ua.viche.civic.domain.BodyMeeting;
import ua.viche.civic.domain.BodyMember;
import ua.viche.platform.Attachment;

/** JSON twins of the advisory bodies' pages. */
@RestController
@RequestMapping("/api/v1/{community}/advisory-bodies")
class AdvisoryBodyApi {

    private final AdvisoryBodies bodies;

    AdvisoryBodyApi(AdvisoryBodies bodies) {
        this.bodies = bodies;
    }

    record Body(long id, String kind, String nameUk, @Nullable String nameEn, String description, String foundingAct, String url) {
        static Body of(AdvisoryBody b, String slug) {
            return new Body(b.getId(), b.getKind().name().toLowerCase(Locale.ROOT), b.getNameUk(), b.getNameEn().isBlank() ? null : b.getNameEn(),
                    b.getDescription(), b.getFoundingAct(), b.url(slug));
        }
    }

    record Member(String name, String role, LocalDate termFrom, @Nullable LocalDate termTo, @Nullable Long organisationId,
                  @Nullable String organisation) {}

    record Meeting(long id, LocalDate heldOn, String place, String url) {
        static Meeting of(BodyMeeting m, String slug) {
            return new Meeting(m.getId(), m.getHeldOn(), m.getPlace(), "/" + slug + "/" + m.path());
        }
    }

    record HistoryEvent(LocalDate day, String kind, String text) {
        static HistoryEvent of(BodyEvent e) {
            return new HistoryEvent(e.getHappenedOn(), e.getKind().name().toLowerCase(Locale.ROOT), e.getText());
        }
    }

    record BodyDetail(Body body, List<Member> current, List<Member> past, List<Meeting> meetings, List<HistoryEvent> history) {}

    record Decision(int number, String text, @Nullable String pdf) {}

    record MeetingDetail(long id, long bodyId, String body, LocalDate heldOn, String place, String agenda, String minutes,
                         @Nullable String minutesPdf, List<Decision> decisions) {}

    @GetMapping
    List<Body> list(@PathVariable("community") String slug) {
        return bodies.all().stream().map(b -> Body.of(b, slug)).toList();
    }

    @GetMapping("/{id:\\d+}")
    BodyDetail body(@PathVariable("community") String slug, @PathVariable("id") long id) {
        AdvisoryBodies.Page p = bodies.page(id);
        return new BodyDetail(Body.of(p.body(), slug), members(p.current(), p), members(p.past(), p),
                p.meetings().stream().map(m -> Meeting.of(m, slug)).toList(), p.history().stream().map(HistoryEvent::of).toList());
    }

    private static List<Member> members(List<BodyMember> list, AdvisoryBodies.Page p) {
        return list.stream().map(m -> new Member(m.getName(), m.getRole().name().toLowerCase(Locale.ROOT), m.getTermFrom(), m.getTermTo(),
                m.getOrganisationId() != null && p.organisations().containsKey(m.getOrganisationId()) ? m.getOrganisationId() : null,
                m.getOrganisationId() == null ? null : p.organisations().get(m.getOrganisationId()))).toList();
    }

    @GetMapping("/{id:\\d+}/meetings/{meeting:\\d+}")
    MeetingDetail meeting(@PathVariable("community") String slug, @PathVariable("id") long id, @PathVariable("meeting") long meeting) {
        AdvisoryBodies.MeetingPage p = bodies.meetingPage(id, meeting);
        String base = "/" + slug + "/" + p.meeting().path() + "/files/";
        Attachment minutes = p.minutesPdf();
        List<Decision> ds = p.decisions().stream().map((BodyDecision d) -> new Decision(d.getNumber(), d.getText(),
                p.decisionPdfs().containsKey(d.getId()) ? base + p.decisionPdfs().get(d.getId()).getId() : null)).toList();
        return new MeetingDetail(p.meeting().getId(), id, p.body().getNameUk(), p.meeting().getHeldOn(), p.meeting().getPlace(),
                p.meeting().getAgenda(), p.meeting().getMinutes(), minutes == null ? null : base + minutes.getId(), ds);
    }
}
