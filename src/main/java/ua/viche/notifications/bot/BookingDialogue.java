package ua.viche.notifications.bot;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import ua.viche.notifications.channel.BotMessage;
import ua.viche.platform.Refusal;
import ua.viche.queue.QueueBooking;

/** Books a CNAP visit (office, service, one of the first free times) or cancels one of the person's bookings. */
@Component
class BookingDialogue implements Dialogue {

    private final QueueBooking queue;

    BookingDialogue(QueueBooking queue) {
        this.queue = queue;
    }

    @Override public String name() { return "booking"; }

    @Override public boolean needsLink() { return true; }

    @Override
    public BotMessage answer(Turn turn) {
        String step = turn.step();
        String choice = turn.choice() == null ? "" : turn.choice();
        if (step.equals("what") && choice.equals("book")) {
            turn.next("office");
            return Turn.say(turn.t("notifications.bot.booking.office"), Turn.options(turn.asPerson(queue::offices), 10,
                    o -> o.name(turn.locale()), o -> "o:" + o.id()));
        }
        if (step.equals("what") && choice.equals("mine")) {
            List<QueueBooking.BookingRef> booked = turn.asPerson(queue::mine).stream().filter(QueueBooking.BookingRef::booked).toList();
            if (booked.isEmpty()) {
                turn.end();
                return Turn.say(turn.t("notifications.bot.booking.none"));
            }
            turn.next("cancel");
            return Turn.say(turn.t("notifications.bot.booking.mine"), Turn.options(booked, 10, b -> turn.t("notifications.bot.booking.cancelOne",
                    b.service(turn.locale()), Turn.time(b.startsAt())), b -> "x:" + b.code()));
        }
        if (step.equals("office") && choice.startsWith("o:")) {
            turn.put("office", choice.substring(2));
            turn.next("service");
            return Turn.say(turn.t("notifications.bot.booking.service"), Turn.options(turn.asPerson(() ->
                    queue.servicesAt(Long.parseLong(choice.substring(2)))), 10, s -> s.name(turn.locale()), s -> "s:" + s.id()));
        }
        if (step.equals("service") && choice.startsWith("s:")) {
            turn.put("service", choice.substring(2));
            turn.next("slot");
            return slots(turn, "notifications.bot.booking.slot");
        }
        if (step.equals("slot") && choice.startsWith("t:")) {
            try {
                QueueBooking.BookingRef b = turn.asPerson(() -> queue.book(Long.parseLong(String.valueOf(turn.get("service"))),
                        Long.parseLong(String.valueOf(turn.get("office"))), Instant.ofEpochSecond(Long.parseLong(choice.substring(2)))));
                turn.end();
                return Turn.say(turn.t("notifications.bot.booking.booked", b.service(turn.locale()), b.office(turn.locale()),
                        Turn.time(b.startsAt()), b.code(), turn.link(b.path())));
            } catch (Refusal r) {
                if (r.httpStatus() != Refusal.CONFLICT) {
                    throw r;
                }
                return slots(turn, "notifications.bot.booking.taken");
            }
        }
        if (step.equals("cancel") && choice.startsWith("x:")) {
            QueueBooking.BookingRef b = turn.asPerson(() -> queue.cancel(choice.substring(2)));
            turn.end();
            return Turn.say(turn.t("notifications.bot.booking.cancelled", b.service(turn.locale()), Turn.time(b.startsAt())));
        }
        turn.next("what");
        return Turn.say(turn.t("notifications.bot.booking.what"), List.of(turn.option("notifications.bot.booking.book", "book"),
                turn.option("notifications.bot.booking.mineButton", "mine")));
    }

    private BotMessage slots(Turn turn, String key) {
        List<Instant> free = turn.asPerson(() -> queue.freeSlots(Long.parseLong(String.valueOf(turn.get("office"))),
                Long.parseLong(String.valueOf(turn.get("service"))), 6));
        if (free.isEmpty()) {
            turn.end();
            return Turn.say(turn.t("notifications.bot.booking.noSlots"));
        }
        return Turn.say(turn.t(key), Turn.options(free, 6, Turn::time, t -> "t:" + t.getEpochSecond()));
    }
}
