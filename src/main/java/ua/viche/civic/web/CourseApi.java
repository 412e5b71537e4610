package ua.viche.civic.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ua.viche.civic.domain.Courses;
import ua.viche.civic.domain.Seats;

/** JSON twins of the course pages: the programmes, a programme, a group with its schedule and seats, registration, verification. */
@RestController
@RequestMapping("/api/v1/{community}/courses")
class CourseApi {

    private final Courses courses;

    CourseApi(Courses courses) {
        this.courses = courses;
    }

    @GetMapping
    List<CourseItem> list(@PathVariable("community") String slug) {
        return courses.courses().stream().map(c -> item(c, slug)).toList();
    }

    @GetMapping("/{id:\\d+}")
    CourseItem course(@PathVariable("community") String slug, @PathVariable("id") long id) {
        return item(courses.course(id), slug);
    }

    @GetMapping("/groups/{id:\\d+}")
    GroupDetail group(@PathVariable("community") String slug, @PathVariable("id") long id) {
        Courses.Group g = courses.group(id);
        List<LessonItem> lessons = courses.lessons(id).stream().map(l -> new LessonItem(l.number(), l.startsAt(), l.endsAt(), l.place())).toList();
        return new GroupDetail(group(g, slug), courses.course(g.courseId()).id(), courses.reserved(g), lessons);
    }

    @PostMapping("/groups/{id:\\d+}/register")
    @ResponseStatus(HttpStatus.CREATED)
    PlaceItem register(@PathVariable("community") String slug, @PathVariable("id") long id,
                       @RequestParam(name = "priority", required = false) @Nullable String priority) {
        return PlaceItem.of(courses.register(id, priority));
    }

    @GetMapping("/verify/{code}")
    VerifyItem verify(@PathVariable("community") String slug, @PathVariable("code") String code) {
        Courses.Verification v = courses.verify(code.length() > 60 ? code.substring(0, 60) : code);
        return new VerifyItem(v.state().name().toLowerCase(Locale.ROOT), v.code(), v.initials(),
                v.course() == null ? null : v.course().titleUk(), v.group() == null ? null : v.group().name(), v.issuedAt(), v.attended());
    }

    private CourseItem item(Courses.Course c, String slug) {
        return new CourseItem(c.id(), c.titleUk(), c.titleEn(), c.descriptionUk(), c.descriptionEn(), c.lessons(), c.threshold(),
                courses.partners(c.id()), courses.groups(c.id()).stream().map(g -> group(g, slug)).toList(), c.url(slug));
    }

    private GroupItem group(Courses.Group g, String slug) {
        Seats.Count n = courses.count(g);
        return new GroupItem(g.id(), g.name(), g.place(), g.startsAt(), g.endsAt(), n.seats(), n.registered(), n.waiting(), n.free(),
                courses.open(g), g.url(slug));
    }

    record CourseItem(long id, String titleUk, String titleEn, String descriptionUk, String descriptionEn, int lessons, int threshold,
                      List<String> partners, List<GroupItem> groups, String url) {}

    record GroupItem(long id, String name, String place, @Nullable Instant startsAt, @Nullable Instant endsAt, int seats, int registered,
                     int waiting, int free, boolean open, String url) {}

    record LessonItem(int number, Instant startsAt, Instant endsAt, String place) {}

    record GroupDetail(GroupItem group, long courseId, int reservedForPriority, List<LessonItem> lessons) {}

    record PlaceItem(long id, String status, int position, @Nullable String priority) {
        static PlaceItem of(Seats.Place p) {
            return new PlaceItem(p.id(), p.status().name().toLowerCase(Locale.ROOT), p.position(), p.priority());
        }
    }

    record VerifyItem(String state, String code, @Nullable String initials, @Nullable String course, @Nullable String group,
                      @Nullable Instant issuedAt, int attended) {}
}
