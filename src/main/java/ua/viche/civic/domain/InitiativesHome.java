package ua.viche.civic.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ua.viche.platform.Community;
import ua.viche.platform.HomeSection;

/**
 * The most recent civic initiatives still under way on the community's home page, three at most:
 * each with its title in the reader's language, its stage and its supporters.
 */
@Component
class InitiativesHome implements HomeSection {

    static final int SHOWN = 3;

    private final Initiatives initiatives;
    private final MessageSource messages;

    InitiativesHome(Initiatives initiatives, MessageSource messages) {
        this.initiatives = initiatives;
        this.messages = messages;
    }

    @Override public String module() { return "civic"; }

    @Override public int order() { return 20; }

    @Override public String titleKey() { return "civic.initiatives.title"; }

    @Override public String allKey() { return "civic.initiatives.homeAll"; }

    @Override public String allPath() { return "initiatives"; }

    @Override
    public List<Item> items(Community community, Locale locale) {
        List<Initiative> shown = initiatives.underWay(SHOWN);
        Map<Long, Long> supporters = initiatives.supporters(shown);
        return shown.stream()
                .map(i -> new Item(i.title(locale), i.url(community.slug()), i.getCreatedAt(),
                        !"uk".equals(locale.getLanguage()) && "uk".equals(i.titleLang(locale)),
                        messages.getMessage("civic.stage." + i.getStage().name(), null, locale) + " · "
                                + messages.getMessage("civic.initiative.supporters", new Object[] {supporters.getOrDefault(i.getId(), 0L)}, locale)))
                .toList();
    }
}
