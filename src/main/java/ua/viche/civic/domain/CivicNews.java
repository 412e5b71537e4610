package ua.viche.civic.domain;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.core.io.InputStreamResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Attachment;
import ua.viche.platform.Attachments;
import ua.viche.platform.AuditLog;
import ua.viche.platform.FileStore;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Paging;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;

/**
 * News and announcements: staff write, schedule, change and pin them (audited); the public reads
 * those whose moment has come — in the list, on their page, in the feed, in the JSON and, once
 * released, in the search. A picture is a platform attachment owned by {@code ('civic', 'news', id)}.
 */
@Service
public class CivicNews {

    /** Who writes the news. */
    public static final Role[] STAFF = {Role.OFFICIAL, Role.COMMUNITY_ADMIN};

    private static final Attachments.Policy PICTURE =
            new Attachments.Policy(Attachments.Policy.PHOTOS.types(), 1, Attachments.Policy.PHOTOS.maxBytes(), false);

    private final NewsRepository news;
    private final Attachments attachments;
    private final AccessControl access;
    private final AuditLog audit;
    private final Clock clock;

    CivicNews(NewsRepository news, Attachments attachments, AccessControl access, AuditLog audit, Clock clock) {
        this.news = news;
        this.attachments = attachments;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    static Attachments.Owner owner(long id) {
        return new Attachments.Owner("civic", "news", id);
    }

    public boolean isStaff() {
        return access.currentUserHasAny(List.of(STAFF));
    }

    private Instant now() {
        return Instant.now(clock);
    }

    // ---- staff

    /** Publishes (now or at its moment) a news item with an optional picture; every fault refused at once, nothing saved. */
    @Transactional
    public News publish(NewsInput input, FileStore.@Nullable Upload picture) {
        access.require(STAFF);
        input.check(picture != null);
        checkPicture(picture);
        News n = create(input);
        if (picture != null) {
            attachments.store(owner(n.getId()), PICTURE, List.of(picture));
        }
        audit.record("civic.news.published", "civic_news", n.getId(), n.getTitleUk() + " @ " + n.getPublishAt());
        return n;
    }

    /** Writes a news item without a role check or audit: the demo's history. */
    @Transactional
    public News create(NewsInput input) {
        input.check(false);
        return news.saveAndFlush(new News(input, now()));
    }

    /** Gives a news item a picture the demo drew itself (no role check; its text alternative is the item's). */
    @Transactional
    public void attachGenerated(News n, String name, byte[] png) {
        if (n.getImageAltUk() == null) {
            throw new IllegalArgumentException("a picture needs its text alternative");
        }
        attachments.storeGenerated(owner(n.getId()), name, "image/png", png, n.getPublishAt());
    }

    /** Changes a news item; a new picture replaces the old one, {@code dropPicture} takes it away. */
    @Transactional
    public News update(long id, NewsInput input, FileStore.@Nullable Upload picture, boolean dropPicture) {
        access.require(STAFF);
        News n = news.findById(id).orElseThrow(() -> new NotFoundException("civic.news.error.none"));
        boolean hasPicture = picture != null || (!dropPicture && attachments.count(owner(id)) > 0);
        input.check(hasPicture);
        checkPicture(picture);
        n.apply(input, now());
        if (picture != null || dropPicture) {
            attachments.deleteAll(List.of(owner(id)));
        }
        if (picture != null) {
            attachments.store(owner(id), PICTURE, List.of(picture));
        }
        news.flush();
        audit.record("civic.news.changed", "civic_news", id, n.getTitleUk() + " @ " + n.getPublishAt());
        return n;
    }

    @Transactional
    public News pin(long id, boolean pinned) {
        access.require(STAFF);
        News n = news.findById(id).orElseThrow(() -> new NotFoundException("civic.news.error.none"));
        n.pin(pinned, now());
        audit.record(pinned ? "civic.news.pinned" : "civic.news.unpinned", "civic_news", id, n.getTitleUk());
        return n;
    }

    private static void checkPicture(FileStore.@Nullable Upload picture) {
        if (picture != null) {
            PICTURE.refusal(List.of(picture), 0).ifPresent(r -> { throw Refusal.field("picture", "civic.news.error.picture." + r.key()); });
        }
    }

    /** Every item, scheduled ones too, newest moment first: the staff's list. */
    @Transactional(readOnly = true)
    public Page<News> all(int page, int size) {
        access.require(STAFF);
        return news.findAllByOrderByPublishAtDescIdDesc(Paging.of(page, size));
    }

    /** Any item for its editor. */
    @Transactional(readOnly = true)
    public News forEditing(long id) {
        access.require(STAFF);
        return news.findById(id).orElseThrow(() -> new NotFoundException("civic.news.error.none"));
    }

    /** Tells the search about items whose moment has come (in the current community); returns how many. */
    @Transactional
    public int releaseDue() {
        List<News> due = news.findByReleasedFalseAndPublishAtLessThanEqual(now());
        due.forEach(News::release);
        return due.size();
    }

    // ---- the public

    /** Published items, the pinned first, then the newest; optionally of one category. */
    @Transactional(readOnly = true)
    public Page<News> published(@Nullable NewsCategory category, int page, int size) {
        return category == null ? news.findByPublishAtLessThanEqualOrderByPinnedDescPublishAtDescIdDesc(now(), Paging.of(page, size))
                : news.findByCategoryAndPublishAtLessThanEqualOrderByPinnedDescPublishAtDescIdDesc(category, now(), Paging.of(page, size));
    }

    /** The latest published items by their moment (pinned or not), for the feed. */
    @Transactional(readOnly = true)
    public List<News> latest() {
        return news.findTop50ByPublishAtLessThanEqualOrderByPublishAtDescIdDesc(now());
    }

    /**
     * A published item by its address: its number (with or without the words of its title) or its
     * words alone. Staff also open items not yet published. Anything else is a 404.
     */
    @Transactional(readOnly = true)
    public News article(String idOrSlug) {
        Instant now = now();
        Optional<News> found;
        String digits = idOrSlug.split("-", 2)[0];
        if (!digits.isEmpty() && digits.length() < 18 && digits.chars().allMatch(Character::isDigit)) {
            found = news.findById(Long.parseLong(digits));
        } else {
            found = news.findFirstBySlugAndPublishAtLessThanEqualOrderByIdDesc(idOrSlug, now);
        }
        return found.filter(n -> n.published(now) || isStaff()).orElseThrow(() -> new NotFoundException("civic.news.error.none"));
    }

    /** The item's picture, if it has one. */
    public Optional<Attachment> picture(News n) {
        return attachments.list(owner(n.getId())).stream().findFirst();
    }

    /** The pictures of many items at once, by item. */
    public Map<Long, Attachment> pictures(List<News> items) {
        Map<Long, Attachment> byItem = new HashMap<>();
        if (!items.isEmpty()) {
            attachments.list("civic", "news", items.stream().map(News::getId).toList()).forEach(a -> byItem.putIfAbsent(a.getOwnerId(), a));
        }
        return byItem;
    }

    /** Answers the picture of a published item (or any, for staff). */
    public ResponseEntity<InputStreamResource> download(String idOrSlug, long pictureId) throws IOException {
        News n = article(idOrSlug);
        Attachment a = attachments.find(List.of(owner(n.getId())), pictureId).orElseThrow(() -> new NotFoundException("civic.news.error.none"));
        return attachments.download(a, n.published(now()) ? CacheControl.maxAge(Duration.ofHours(1)).cachePublic() : CacheControl.noStore());
    }
}
