package ua.viche.civic.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.data.domain.Page;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import ua.viche.civic.domain.CivicNews;
import ua.viche.civic.domain.News;
import ua.viche.civic.domain.NewsCategory;
import ua.viche.civic.domain.NewsFeed;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Attachment;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.FileStore;
import ua.viche.platform.PageMeta;
import ua.viche.platform.Refusal;
import ua.viche.platform.RichText;
import ua.viche.platform.VicheSettings;

/**
 * News: the public list (pinned first) and an item's page with Open Graph and schema.org
 * {@code NewsArticle}, the Atom feed, the picture; the staff's list, form and pinning.
 */
@Controller
class NewsController {

    private static final MediaType ATOM = new MediaType("application", "atom+xml", StandardCharsets.UTF_8);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CivicNews news;
    private final NewsFeed feed;
    private final MessageSource messages;
    private final VicheSettings settings;
    private final RichText richText;
    private final Clock clock;

    NewsController(CivicNews news, NewsFeed feed, MessageSource messages, VicheSettings settings, RichText richText, Clock clock) {
        this.richText = richText;
        this.news = news;
        this.feed = feed;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    @ModelAttribute
    void refusalText(Model model, Locale locale) {
        CivicForms.describe(model, messages, locale);
    }

    @GetMapping("/{community}/news")
    String list(@PathVariable("community") String slug, @RequestParam(name = "category", required = false) @Nullable String category,
                @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        NewsCategory chosen = category(category);
        Page<News> items = news.published(chosen, page, 12);
        model.addAttribute("items", items);
        model.addAttribute("pictures", news.pictures(items.getContent()));
        model.addAttribute("categories", NewsCategory.values());
        model.addAttribute("category", chosen);
        model.addAttribute("isStaff", news.isStaff());
        return "civic/news";
    }

    static @Nullable NewsCategory category(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return NewsCategory.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusal.badInput("civic.news.error.category");
        }
    }

    @GetMapping(path = "/{community}/news.atom", produces = "application/atom+xml")
    ResponseEntity<String> atom(@PathVariable("community") String slug, Locale locale) {
        return ResponseEntity.ok().contentType(ATOM).body(feed.atom(CurrentCommunity.require(), locale));
    }

    @GetMapping("/{community}/news/{ref:[\\w-]+}")
    String show(@PathVariable("community") String slug, @PathVariable("ref") String ref, Model model, Locale locale) {
        News n = news.article(ref);
        Attachment picture = news.picture(n).orElse(null);
        Instant now = Instant.now(clock);
        model.addAttribute("item", n);
        model.addAttribute("bodyHtml", richText.html(n.body(locale)));
        model.addAttribute("picture", picture);
        model.addAttribute("published", n.published(now));
        model.addAttribute("isStaff", news.isStaff());
        model.addAttribute("canonical", settings.absolute(n.url(slug)));
        if (n.published(now)) {
            model.addAttribute(PageMeta.ATTRIBUTE, meta(CurrentCommunity.require(), n, picture, locale));
        }
        return "civic/news-item";
    }

    /** Open Graph and the schema.org NewsArticle of a published item. */
    private PageMeta meta(Community community, News n, @Nullable Attachment picture, Locale locale) {
        String url = settings.absolute(n.url(community.slug()));
        String image = picture == null ? null : url + "/picture/" + picture.getId();
        String description = n.summary(locale).isBlank() ? n.title(locale) : n.summary(locale);
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "NewsArticle");
        ld.put("headline", n.title(locale));
        ld.put("description", description);
        ld.put("inLanguage", n.language(locale));
        ld.put("datePublished", ZonedDateTime.ofInstant(n.getPublishAt(), Dates.KYIV).toOffsetDateTime().toString());
        Instant modified = n.getUpdatedAt().isAfter(n.getPublishAt()) ? n.getUpdatedAt() : n.getPublishAt();
        ld.put("dateModified", ZonedDateTime.ofInstant(modified, Dates.KYIV).toOffsetDateTime().toString());
        ld.put("mainEntityOfPage", url);
        ld.put("url", url);
        if (image != null) {
            ld.put("image", List.of(image));
        }
        Map<String, Object> organisation = Map.of("@type", "GovernmentOrganization", "name", community.name(locale),
                "url", settings.absolute("/" + community.slug()));
        ld.put("author", organisation);
        ld.put("publisher", organisation);
        ld.put("articleSection", messages.getMessage("civic.news.category." + n.getCategory().name(), null, locale));
        return new PageMeta("article", n.title(locale), description, url, image, picture == null ? null : n.imageAlt(locale),
                JSON.writeValueAsString(ld));
    }

    @GetMapping("/{community}/news/{ref:[\\w-]+}/picture/{picture:\\d+}")
    ResponseEntity<InputStreamResource> picture(@PathVariable("community") String slug, @PathVariable("ref") String ref,
                                                @PathVariable("picture") long picture) throws IOException {
        return news.download(ref, picture);
    }

    // ---- staff

    private void requireStaff() {
        if (!news.isStaff()) {
            AccessControl.requireUser();
            throw new AccessDeniedException("news staff only");
        }
    }

    @GetMapping("/{community}/news/manage")
    String manage(@PathVariable("community") String slug, @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        model.addAttribute("items", news.all(page, 30));
        model.addAttribute("now", Instant.now(clock));
        return "civic/news-manage";
    }

    @GetMapping("/{community}/news/new")
    String form(@PathVariable("community") String slug, Model model) {
        requireStaff();
        model.addAttribute("categories", NewsCategory.values());
        return "civic/news-form";
    }

    @PostMapping("/{community}/news")
    @Refusal.Back("/{community}/news/new")
    String publish(@PathVariable("community") String slug, @RequestParam Map<String, String> form,
                   @RequestParam(name = "picture", required = false) @Nullable MultipartFile picture, RedirectAttributes redirect)
            throws IOException {
        News n = news.publish(NewsForm.read(form), upload(picture));
        redirect.addFlashAttribute("message", n.published(Instant.now(clock)) ? "civic.news.published" : "civic.news.scheduled");
        return "redirect:" + n.url(slug);
    }

    @GetMapping("/{community}/news/{id:\\d+}/edit")
    String edit(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        requireStaff();
        News n = news.forEditing(id);
        model.addAttribute("item", n);
        model.addAttribute("picture", news.picture(n).orElse(null));
        model.addAttribute("categories", NewsCategory.values());
        model.addAttribute("publishDay", Dates.day(n.getPublishAt()).toString());
        model.addAttribute("publishTime", n.getPublishAt().atZone(Dates.KYIV).toLocalTime().withSecond(0).withNano(0).toString());
        return "civic/news-form";
    }

    @PostMapping("/{community}/news/{id:\\d+}/edit")
    @Refusal.Back("/{community}/news/{id}/edit")
    String update(@PathVariable("community") String slug, @PathVariable("id") long id, @RequestParam Map<String, String> form,
                  @RequestParam(name = "picture", required = false) @Nullable MultipartFile picture, RedirectAttributes redirect)
            throws IOException {
        News n = news.update(id, NewsForm.read(form), upload(picture), "true".equals(form.get("dropPicture")));
        redirect.addFlashAttribute("message", "civic.news.changed");
        return "redirect:" + n.url(slug);
    }

    @PostMapping("/{community}/news/{id:\\d+}/pin")
    @Refusal.Back("/{community}/news/manage")
    String pin(@PathVariable("community") String slug, @PathVariable("id") long id,
               @RequestParam(name = "pinned", defaultValue = "true") boolean pinned, RedirectAttributes redirect) {
        news.pin(id, pinned);
        redirect.addFlashAttribute("message", pinned ? "civic.news.pinnedDone" : "civic.news.unpinnedDone");
        return "redirect:/" + slug + "/news/manage";
    }

    private static FileStore.@Nullable Upload upload(@Nullable MultipartFile file) throws IOException {
        List<FileStore.Upload> uploads = FileStore.uploads(file == null ? null : List.of(file));
        return uploads.isEmpty() ? null : uploads.get(0);
    }
}
