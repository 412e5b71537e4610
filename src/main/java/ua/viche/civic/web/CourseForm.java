package ua.viche.civic.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;
import ua.viche.civic.domain.Courses;
import ua.viche.platform.Dates;
import ua.viche.platform.Refusal;

/**
 * The staff's programme and group forms: the schedule one lesson a line, {@code 2026-12-15 10:00-11:30}
 * (Kyiv time); a programme has as many lessons as its first group's schedule has lines.
 */
final class CourseForm {

    private static final Pattern LESSON = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\s+(\\d{1,2}:\\d{2})\\s*[-–]\\s*(\\d{1,2}:\\d{2})");

    private CourseForm() {}

    static Courses.NewCourse course(MultiValueMap<String, String> f) {
        Courses.NewGroup group = group(f);
        int threshold = number(first(f, "threshold"), "threshold", "civic.error.courseThreshold");
        List<Long> partners = partners(f);
        return new Courses.NewCourse(first(f, "titleUk"), first(f, "titleEn"), first(f, "descriptionUk"), first(f, "descriptionEn"),
                group.lessons().size(), threshold, partners, List.of(group));
    }

    static Courses.CourseChange change(MultiValueMap<String, String> f) {
        return new Courses.CourseChange(first(f, "titleUk"), first(f, "titleEn"), first(f, "descriptionUk"), first(f, "descriptionEn"),
                partners(f));
    }

    private static List<Long> partners(MultiValueMap<String, String> f) {
        List<Long> partners = new ArrayList<>();
        for (String p : f.getOrDefault("partners", List.of())) {
            try {
                partners.add(Long.parseLong(p.strip()));
            } catch (NumberFormatException e) {
                throw Refusal.field("partners", "civic.error.coursePartner");
            }
        }
        return partners;
    }

    /** A group's lessons as the form's schedule, one a line. */
    static String schedule(List<Courses.Lesson> lessons) {
        StringBuilder out = new StringBuilder();
        for (Courses.Lesson l : lessons) {
            var start = l.startsAt().atZone(Dates.KYIV);
            var end = l.endsAt().atZone(Dates.KYIV);
            out.append(start.toLocalDate()).append(' ').append(start.toLocalTime().withSecond(0).withNano(0)).append('-')
                    .append(end.toLocalTime().withSecond(0).withNano(0)).append('\n');
        }
        return out.toString();
    }

    static Courses.NewGroup group(MultiValueMap<String, String> f) {
        int seats = number(first(f, "seats"), "seats", "civic.error.seats");
        return new Courses.NewGroup(first(f, "groupName"), first(f, "place"), seats, schedule(first(f, "schedule")));
    }

    private static List<Courses.NewLesson> schedule(String text) {
        List<Courses.NewLesson> lessons = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = LESSON.matcher(line.strip());
            if (!m.matches()) {
                throw Refusal.field("schedule", "civic.error.courseLessonLine", line.strip());
            }
            try {
                LocalDate day = LocalDate.parse(m.group(1));
                lessons.add(new Courses.NewLesson(at(day, m.group(2)), at(day, m.group(3))));
            } catch (DateTimeParseException e) {
                throw Refusal.field("schedule", "civic.error.courseLessonLine", line.strip());
            }
        }
        if (lessons.isEmpty()) {
            throw Refusal.field("schedule", "civic.error.courseLessons");
        }
        return lessons;
    }

    private static Instant at(LocalDate day, String time) {
        return ZonedDateTime.of(day, LocalTime.parse(time.length() == 4 ? "0" + time : time), Dates.KYIV).toInstant();
    }

    private static int number(String text, String field, String key) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw Refusal.field(field, key);
        }
    }

    private static String first(MultiValueMap<String, String> f, String name) {
        String v = f.getFirst(name);
        return v == null ? "" : v;
    }
}
