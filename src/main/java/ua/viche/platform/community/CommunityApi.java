package ua.viche.platform.community;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Department;

/** JSON twin of the platform home and of a community's page. */
@RestController
@RequestMapping("/api/v1")
class CommunityApi {

    private final Communities communities;

    CommunityApi(Communities communities) {
        this.communities = communities;
    }

    @GetMapping("/communities")
    List<CommunitySummary> list() {
        return communities.all().stream().map(CommunitySummary::of).toList();
    }

    @GetMapping("/{community}")
    CommunityDetail detail(@PathVariable("community") String slug) {
        Community c = CurrentCommunity.require();
        return new CommunityDetail(CommunitySummary.of(c), c.regionUk(), c.regionEn(), c.email(), c.phone(),
                c.addressUk(), c.addressEn(), c.website(),
                communities.departments().stream().map(DepartmentItem::of).toList());
    }

    record CommunitySummary(String slug, String nameUk, String nameEn, String kind, int population, String url) {
        static CommunitySummary of(Community c) {
            return new CommunitySummary(c.slug(), c.nameUk(), c.nameEn(), c.kind().name().toLowerCase(Locale.ROOT),
                    c.population(), "/" + c.slug());
        }
    }

    record CommunityDetail(CommunitySummary community, @Nullable String regionUk, @Nullable String regionEn,
                           @Nullable String email, @Nullable String phone, @Nullable String addressUk,
                           @Nullable String addressEn, @Nullable String website, List<DepartmentItem> departments) {}

    record DepartmentItem(long id, String nameUk, String nameEn, @Nullable String email, @Nullable String phone) {
        static DepartmentItem of(Department d) {
            return new DepartmentItem(d.id(), d.nameUk(), d.nameEn(), d.email(), d.phone());
        }
    }
}
