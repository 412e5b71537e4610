package ua.viche.civic.domain;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import ua.viche.platform.Community;
import ua.viche.platform.HomeSection;

/** The latest published news on the community's home page: the pinned first, five in all. */
@Component
class NewsHome implements HomeSection {

    private final CivicNews news;

    NewsHome(CivicNews news) {
        this.news = news;
    }

    @Override public String module() { return "civic"; }

    @Override public int order() { return 10; }

    @Override public String titleKey() { return "civic.news.homeTitle"; }

    @Override public String allKey() { return "civic.news.homeAll"; }

    @Override public String allPath() { return "news"; }

    @Override
    public List<Item> items(Community community, Locale locale) {
        return news.published(null, 0, 5).stream()
                .map(n -> new Item(n.title(locale), n.url(community.slug()), n.getPublishAt(), !"uk".equals(locale.getLanguage())
                        && n.fallsBack(locale)))
                .toList();
    }
}
