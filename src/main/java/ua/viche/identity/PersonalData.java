package ua.viche.identity;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a module holds about a person, and the person's rights over it: the export (listed on the
 * account page and in {@code /account/export.json}) and the erasure when the account is deleted.
 * Every module but the platform, identity and search implements it with one bean in its own
 * package ({@code ModuleManifestTest} fails for a module without one); identity calls them all.
 */
public interface PersonalData {

    /** What the module holds about the person, in any order: things they made, signed, booked, ordered, follow. */
    List<Item> export(Identity.PersonRef person, Locale locale);

    /**
     * Drops or anonymises what the module holds for the deleted account. Runs in the deletion's
     * transaction, before the account goes: a failure rolls the whole deletion back. Rows that count
     * the person (signatures, votes) may keep the anonymised person id. A module that must keep
     * records by law unlinks them from the account and says so in what it returns.
     */
    Erasure erase(AccountDeleted deleted);

    /** One thing the person did or holds: what, when, where to see it. */
    record Item(String kind, String title, Instant at, String url) {}

    /**
     * What an erasure left: nothing, or records the law makes the community keep whole (their tables
     * and the law), which then belong to no account.
     */
    record Erasure(List<String> keptRecords, @Nullable String law) {

        public Erasure {
            keptRecords = List.copyOf(keptRecords);
        }

        /** Everything about the person is gone or anonymised. */
        public static Erasure complete() {
            return new Erasure(List.of(), null);
        }

        /** The records are kept whole, as the law requires, but no longer linked to the account. */
        public static Erasure keptByLaw(String law, String... records) {
            return new Erasure(List.of(records), law);
        }
    }
}
