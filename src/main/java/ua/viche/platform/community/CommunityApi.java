package ua.viche.platform.community;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Department;
import ua.viche.platform.HomeSection;
import ua.viche.platform.web.HomeSections;

/** JSON twin of the platform home and of a community's page. */
@RestController
@RequestMapping("/api/v1")
class CommunityApi {

    private final Communities communities;
    private final HomeSections sections;
    private final MessageSource messages;

    CommunityApi(Communities communities, HomeSections sections, MessageSource messages) {
        this.communities = communities;
        this.sections = sections;
        this.messages = messages;
    }

    @GetMapping("/communities")
    List<CommunitySummary> list() {
        return communities.all().stream().map(CommunitySummary::of).toList();
    }

    @GetMapping("/{community}")
    CommunityDetail detail(@PathVariable("community") String slug, Locale locale) {
        Community c = CurrentCommunity.require();
        List<SectionItem> shown = sections.shown(c, locale).stream()
                .map(s -> new SectionItem(s.module(), messages.getMessage(s.titleKey(), null, locale), s.allHref(),
                        s.items().stream().map(i -> new SectionEntry(i.title(), i.href(), i.when(), i.note())).toList()))
                .toList();
        return new CommunityDetail(CommunitySummary.of(c), c.regionUk(), c.regionEn(), c.email(), c.phone(),
                c.addressUk(), c.addressEn(), c.website(),
                communities.departments().stream().map(DepartmentItem::of).toList(), shown);
    }

    record CommunitySummary(String slug, String nameUk, String nameEn, String kind, int population, String url) {
        static CommunitySummary of(Community c) {
            return new CommunitySummary(c.slug(), c.nameUk(), c.nameEn(), c.kind().name().toLowerCase(Locale.ROOT),
                    c.population(), "/" + c.slug());
        }
    }

    record CommunityDetail(CommunitySummary community, @Nullable String regionUk, @Nullable String regionEn,
                           @Nullable String email, @Nullable String phone, @Nullable String addressUk,
                           @Nullable String addressEn, @Nullable String website, List<DepartmentItem> departments,
                           List<SectionItem> sections) {}

    /** A module's section of the home page (the latest news, initiatives under way): heading in the reader's language, link to all, items. */
    record SectionItem(String module, String title, String url, List<SectionEntry> items) {}

    /** An item of a section, as {@link HomeSection.Item}. */
    record SectionEntry(String title, String url, @Nullable Instant when, @Nullable String note) {}

    record DepartmentItem(long id, String nameUk, String nameEn, @Nullable String email, @Nullable String phone) {
        static DepartmentItem of(Department d) {
            return new DepartmentItem(d.id(), d.nameUk(), d.nameEn(), d.email(), d.phone());
        }
    }
}
