package ua.viche.platform;

import java.util.concurrent.ThreadLocalRandom;
import ua.viche.platform.community.CommunityForm;

/** Communities made by tests while the application runs, each with a random slug under a prefix. */
public final class TestCommunities {

    private TestCommunities() {}

    /** A new village community, {@code <prefix>-<random>}, created as the platform administrator would. */
    public static Community create(Communities communities, String prefix) {
        CommunityForm form = new CommunityForm();
        form.setSlug(prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36));
        form.setNameUk("Тестова громада");
        form.setNameEn("Test community");
        form.setKind(Community.Kind.VILLAGE);
        form.setPopulation(1000);
        return communities.create(form);
    }
}
