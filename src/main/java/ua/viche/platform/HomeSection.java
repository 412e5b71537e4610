package ua.viche.platform;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A section a module adds to the community's home page above «what is happening now» (the latest
 * news): a bean in the module's package, read-only and quick. The home page shows it while its
 * module is switched on in the community and the section has items, each a link with an optional
 * moment, under a heading and followed by a link to all of them.
 */
public interface HomeSection {

    /** The module the section belongs to (its descriptor's name): shown only while the module is on. */
    String module();

    /** Order among the sections (lower first). */
    default int order() { return 100; }

    /** Message key of the section's heading. */
    String titleKey();

    /** Message key of the link to everything, and its path under the community. */
    String allKey();

    String allPath();

    /** The items in the reader's language, newest or most pressing first; empty hides the section. */
    List<Item> items(Community community, Locale locale);

    /**
     * An item: its title, address, moment (or null), whether its text is Ukrainian on a page in
     * another language (then marked {@code lang="uk"}), and a short note in the reader's language
     * shown after it (an initiative's stage and supporters), or null.
     */
    record Item(String title, String href, @Nullable Instant when, boolean ukrainian, @Nullable String note) {
        public Item(String title, String href, @Nullable Instant when, boolean ukrainian) {
            this(title, href, when, ukrainian, null);
        }
    }
}
