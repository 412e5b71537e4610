package ua.viche.civic.domain;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ua.viche.platform.Communities;
import ua.viche.platform.Exclusive;

/**
 * Every minute, community by community (one node at a time), tells the search about scheduled news
 * whose moment has come. The pages, feed and JSON need no job: they compare the moment themselves.
 */
@Component
class NewsRelease {

    private static final String LOCK = "civic.news-release";

    private final Communities communities;
    private final CivicNews news;
    private final Exclusive exclusive;

    NewsRelease(Communities communities, CivicNews news, Exclusive exclusive) {
        this.communities = communities;
        this.news = news;
        this.exclusive = exclusive;
    }

    @Scheduled(fixedDelayString = "${viche.civic.news-release-interval:60000}", initialDelay = 20_000)
    void run() {
        exclusive.run(LOCK, () -> communities.forEach(c -> news.releaseDue()));
    }
}
