package ua.viche.queue.web;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import ua.viche.platform.Dates;

/** A free start time for the pages: its machine value, the time of day and the date. */
record SlotView(String iso, String time, LocalDate date, DayOfWeek dayOfWeek) implements Serializable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    static SlotView of(Instant t) {
        var local = t.atZone(Dates.KYIV);
        return new SlotView(t.toString(), TIME.format(local), local.toLocalDate(), local.getDayOfWeek());
    }

    static List<SlotView> of(List<Instant> times) {
        return times.stream().map(SlotView::of).toList();
    }

    /** A day with free slots: the date, its weekday and how many are free. */
    record Day(LocalDate date, DayOfWeek dayOfWeek, int free) {}
}
