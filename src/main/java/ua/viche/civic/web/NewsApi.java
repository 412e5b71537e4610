package ua.viche.civic.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ua.viche.civic.domain.CivicNews;
import ua.viche.civic.domain.News;
import ua.viche.platform.Attachment;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.RichText;

/** JSON twins of the news pages: published items only (scheduled ones appear at their moment). */
@RestController
@RequestMapping("/api/v1/{community}/news")
class NewsApi {

    private final CivicNews news;
    private final RichText richText;
    private final Clock clock;

    NewsApi(CivicNews news, RichText richText, Clock clock) {
        this.news = news;
        this.richText = richText;
        this.clock = clock;
    }

    @GetMapping
    PageOf<NewsItem> list(@PathVariable("community") String slug, @RequestParam(name = "category", required = false) @Nullable String category,
                          @RequestParam(name = "page", defaultValue = "0") int page,
                          @RequestParam(name = "size", defaultValue = "20") int size) {
        Page<News> found = news.published(NewsController.category(category), page, Math.max(1, Math.min(size, 100)));
        Map<Long, Attachment> pictures = news.pictures(found.getContent());
        return new PageOf<>(found.getContent().stream().map(n -> NewsItem.of(n, pictures.get(n.getId()), slug)).toList(),
                found.getNumber(), found.getSize(), found.getTotalElements(), found.getTotalPages());
    }

    @GetMapping("/{ref:[\\w-]+}")
    NewsDetail item(@PathVariable("community") String slug, @PathVariable("ref") String ref) {
        News n = news.article(ref);
        if (!n.published(Instant.now(clock))) { // staff preview is for the page; the API shows the public's view
            throw new NotFoundException("civic.news.error.none");
        }
        Attachment picture = news.picture(n).orElse(null);
        return new NewsDetail(NewsItem.of(n, picture, slug), n.getBodyUk(), n.getBodyEn(), richText.html(n.getBodyUk()),
                n.getBodyEn().isBlank() ? "" : richText.html(n.getBodyEn()));
    }

    record Picture(String url, String altUk, @Nullable String altEn) {}

    record NewsItem(long id, String category, String titleUk, @Nullable String titleEn, String summaryUk, @Nullable String summaryEn,
                    Instant publishedAt, boolean pinned, @Nullable Picture picture, String url) {
        static NewsItem of(News n, @Nullable Attachment a, String slug) {
            boolean en = n.hasEnglish();
            Picture p = a == null ? null : new Picture(n.url(slug) + "/picture/" + a.getId(),
                    n.getImageAltUk() == null ? "" : n.getImageAltUk(), n.getImageAltEn());
            return new NewsItem(n.getId(), n.getCategory().name().toLowerCase(Locale.ROOT), n.getTitleUk(), en ? n.getTitleEn() : null,
                    n.getSummaryUk(), en ? n.getSummaryEn() : null, n.getPublishAt(), n.isPinned(), p, n.url(slug));
        }
    }

    record NewsDetail(NewsItem item, String bodyUk, String bodyEn, String htmlUk, String htmlEn) {}

    record PageOf<T>(List<T> items, int page, int size, long total, int totalPages) {}
}
