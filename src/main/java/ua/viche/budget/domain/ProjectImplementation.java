package ua.viche.budget.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.AccessControl;
import ua.viche.platform.AuditLog;
import ua.viche.platform.FileStore;
import ua.viche.platform.Role;

/**
 * A winning project's implementation, told in public updates: officials give its state and the sum
 * spent, its author adds notes; either may add photos of the work.
 */
@Service
public class ProjectImplementation {

    private final BudgetRecords records;
    private final JdbcTemplate jdbc;
    private final AccessControl access;
    private final AuditLog audit;
    private final Clock clock;

    ProjectImplementation(BudgetRecords records, JdbcTemplate jdbc, AccessControl access, AuditLog audit, Clock clock) {
        this.records = records;
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** A public implementation update (officials) or a note by the author. */
    @Transactional
    public Project update(long projectId, Project.@Nullable Implementation state, @Nullable Long spent, String text) {
        return update(projectId, state, spent, text, List.of());
    }

    /** An implementation update with photos of the work. */
    @Transactional
    public Project update(long projectId, Project.@Nullable Implementation state, @Nullable Long spent, String text,
                                        List<FileStore.Upload> uploads) {
        Project p = records.forUpdate(projectId);
        boolean official = access.currentUserHas(Role.OFFICIAL) || access.currentUserHas(Role.COMMUNITY_ADMIN);
        if (!official && !records.isAuthor(p)) {
            throw new AccessDeniedException("author or official");
        }
        Cycle.require(!text.isBlank() && text.length() <= 4000, "budget.error.updateText");
        if (official && state != null) {
            p.implementation(state, spent == null ? p.getSpent() : spent);
            audit.record("budget.implementation", "budget_project", p.getId(), state + " " + p.getSpent());
        } else {
            Cycle.require(p.getStatus() == Project.Status.WON, "budget.error.notWinner");
        }
        BudgetRecords.checkPhotos(uploads, 0);
        // a note the author writes on their own project carries their person, so that their name goes with their account
        Long authorPerson = !(official && state != null) && records.isAuthor(p) ? p.getAuthorPersonId() : null;
        Long updateId = jdbc.queryForObject("insert into budget_update (community_id, project_id, at, author_name, status, spent, text,"
                        + " author_person_id) values (?, ?, ?, ?, ?, ?, ?, ?) returning id", Long.class,
                p.getCommunityId(), p.getId(), Timestamp.from(Instant.now(clock)), AccessControl.requireUser().displayName(),
                official && state != null ? state.name() : null, official && state != null ? p.getSpent() : null, text.strip(),
                authorPerson);
        records.storePhotos(p, updateId, uploads);
        return p;
    }
}
