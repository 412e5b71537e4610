package ua.viche.civic.domain;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ua.viche.platform.Community;
import ua.viche.platform.RichText;
import ua.viche.platform.VicheSettings;

/**
 * The community's news as an Atom 1.0 feed (RFC 4287) written with ROME: the latest published
 * items, each with its summary and its body rendered and cleaned as on its page, in the reader's
 * language (Ukrainian where an item has no English).
 */
@Component
public class NewsFeed {

    private final CivicNews news;
    private final RichText richText;
    private final VicheSettings settings;
    private final MessageSource messages;

    NewsFeed(CivicNews news, RichText richText, VicheSettings settings, MessageSource messages) {
        this.news = news;
        this.richText = richText;
        this.settings = settings;
        this.messages = messages;
    }

    public String atom(Community community, Locale locale) {
        List<News> items = news.latest();
        String list = settings.absolute("/" + community.slug() + "/news");
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setUri(list);
        feed.setTitle(messages.getMessage("civic.news.feedTitle", new Object[] {community.name(locale)}, locale));
        feed.setLanguage(locale.getLanguage());
        feed.setAuthor(community.name(locale));
        feed.setLinks(List.of(link("alternate", list, "text/html"),
                link("self", settings.absolute("/" + community.slug() + "/news.atom"), "application/atom+xml")));
        feed.setPublishedDate(Date.from(items.stream().map(NewsFeed::updated).max(Instant::compareTo).orElse(Instant.EPOCH)));
        List<SyndEntry> entries = new ArrayList<>();
        for (News n : items) {
            String url = settings.absolute(n.url(community.slug()));
            SyndEntry e = new SyndEntryImpl();
            e.setUri(url);
            e.setTitle(n.title(locale));
            e.setLink(url);
            e.setPublishedDate(Date.from(n.getPublishAt()));
            e.setUpdatedDate(Date.from(updated(n)));
            e.setAuthor(community.name(locale));
            if (!n.summary(locale).isBlank()) {
                SyndContent summary = new SyndContentImpl();
                summary.setType("text");
                summary.setValue(n.summary(locale));
                e.setDescription(summary);
            }
            SyndContent body = new SyndContentImpl();
            body.setType("html");
            body.setValue(richText.html(n.body(locale)));
            e.setContents(List.of(body));
            entries.add(e);
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed, true);
        } catch (FeedException ex) {
            throw new IllegalStateException("the news feed could not be written", ex);
        }
    }

    /** When an item last changed as readers see it: its publication, or a later change. */
    private static Instant updated(News n) {
        return n.getUpdatedAt().isAfter(n.getPublishAt()) ? n.getUpdatedAt() : n.getPublishAt();
    }

    private static SyndLink link(String rel, String href, String type) {
        SyndLink l = new SyndLinkImpl();
        l.setRel(rel);
        l.setHref(href);
        l.setType(type);
        return l;
    }
}
