package ua.viche.identity;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A module's part of "my activity" on the account page and in the data export (my petitions,
 * signatures, appeals, bookings…). Modules implement it; identity lists what they return.
 */
public interface AccountActivity {

    List<Item> itemsOf(long personId, Locale locale);

    /** One thing the person did: what, when, where to see it. */
    record Item(String kind, String title, Instant at, String url) {}
}
