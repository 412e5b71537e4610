package ua.viche.civic.domain;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ua.viche.platform.Communities;
import ua.viche.platform.Exclusive;

/**
 * Ends the course groups' seat reservations on time: every half hour, community by community (one
 * node at a time), the waiting list of a group whose reservation has ended moves up into the seats
 * it held, and those moved up are told by mail.
 */
@Component
class CourseReservations {

    private static final String LOCK = "civic.course-reservations";

    private final Communities communities;
    private final Courses courses;
    private final Exclusive exclusive;

    CourseReservations(Communities communities, Courses courses, Exclusive exclusive) {
        this.communities = communities;
        this.courses = courses;
        this.exclusive = exclusive;
    }

    @Scheduled(fixedDelayString = "${viche.civic.course-reservations-interval:1800000}", initialDelay = 60_000)
    void run() {
        exclusive.run(LOCK, () -> communities.forEach(c -> courses.releaseReservations()));
    }
}
