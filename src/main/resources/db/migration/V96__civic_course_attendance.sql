-- Attendance per lesson (the staff's check-in list) and completion certificates with a verify
-- code, issued when a participant's attendance meets the programme's threshold.
create table civic_course_attendance (
    lesson_id               bigint        not null references civic_course_lesson (id) on delete cascade,
    place_id                bigint        not null references civic_place (id) on delete cascade,
    community_id            bigint        not null,
    marked_at               timestamptz   not null,
    marked_by_account_id    bigint,
    primary key (lesson_id, place_id)
);
create index civic_course_attendance_place on civic_course_attendance (place_id);

create table civic_course_certificate (
    id                      bigserial primary key,
    community_id            bigint        not null,
    group_id                bigint        not null references civic_course_group (id),
    place_id                bigint        not null references civic_place (id),
    person_id               bigint,
    name                    varchar(300)  not null,
    verify_code             varchar(16)   not null unique,
    attended                integer       not null,
    issued_at               timestamptz   not null,
    issued_by_account_id    bigint,
    unique (place_id)
);
create index civic_course_certificate_person on civic_course_certificate (person_id);
