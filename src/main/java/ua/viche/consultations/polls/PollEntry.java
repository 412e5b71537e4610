package ua.viche.consultations.polls;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;
import org.hibernate.search.engine.environment.bean.BeanRetrieval;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.RoutingBinderRef;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.common.annotation.Param;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;
import org.jspecify.annotations.Nullable;
import ua.viche.platform.Dates;
import ua.viche.search.CommunityRouting;
import ua.viche.search.SearchDocument;
import ua.viche.search.SearchDocumentBinder;
import ua.viche.search.SearchStatus;

/**
 * A poll as the site search sees it (kind {@code poll}): read only, the rows are written with SQL by
 * {@link PollService}, which has it indexed again after each change. Its text is the description and
 * the questions; open until its last day, done after; a hidden poll is never found.
 */
@Entity
@Immutable
@Table(name = "poll")
@Indexed(index = "poll", routingBinder = @RoutingBinderRef(type = CommunityRouting.class))
@TypeBinding(binder = @TypeBinderRef(type = SearchDocumentBinder.class, retrieval = BeanRetrieval.CONSTRUCTOR,
        params = @Param(name = "uses", value = "title,description,questions,opensAt,closesAt,hiddenAt")))
public class PollEntry implements SearchDocument {

    @Id
    private Long id;

    @TenantId
    private Long communityId;

    private String title;
    private String description;
    private Instant opensAt;
    private Instant closesAt;
    private @Nullable Instant hiddenAt;

    /** The questions' texts, one a line, in order. */
    @Formula("(select string_agg(q.text, chr(10) order by q.position) from poll_question q where q.poll_id = id)")
    private @Nullable String questions;

    protected PollEntry() {}

    @Override public String searchKind() { return "poll"; }

    @Override public String searchTitle() { return title; }

    @Override
    public String searchText() {
        return questions == null ? description : description + "\n" + questions;
    }

    @Override
    public SearchStatus searchStatus() {
        return Dates.within(Instant.now(), closesAt) ? SearchStatus.OPEN : SearchStatus.DONE;
    }

    /** The poll's end, while it is ahead: then it is done. */
    @Override
    public @Nullable Instant searchStatusChanges() {
        return Instant.now().isBefore(closesAt) ? closesAt : null;
    }

    @Override public @Nullable LocalDate searchDate() { return Dates.day(opensAt); }

    @Override
    public @Nullable LocalDate searchPublicFrom() {
        return hiddenAt == null ? LocalDate.EPOCH : null;
    }

    @Override public String searchPath() { return "polls/" + id; }

    public Long getId() { return id; }

    @Override
    public Long getCommunityId() { return communityId; }
}
