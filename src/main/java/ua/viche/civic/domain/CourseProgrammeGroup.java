package ua.viche.civic.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A course group as its programme's search document sees it: its name, place and first lesson.
 * Read only: the rows are written with SQL by {@link Courses}, which has the programme indexed again
 * after each change of a group.
 */
@Entity
@Immutable
@Table(name = "civic_course_group")
class CourseProgrammeGroup {

    @Id
    private Long id;

    @TenantId
    private Long communityId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "course_id")
    private CourseProgramme programme;

    private String name;
    private String place;

    @Formula("(select min(l.starts_at) from civic_course_lesson l where l.group_id = id)")
    private @Nullable Instant firstLesson;

    protected CourseProgrammeGroup() {}

    String getName() { return name; }

    String getPlace() { return place; }

    @Nullable Instant getFirstLesson() { return firstLesson; }
}
