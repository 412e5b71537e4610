package ua.viche.notifications.bot;

import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import ua.viche.geo.NearestPlaces;
import ua.viche.notifications.channel.BotMessage;
import ua.viche.platform.CurrentCommunity;
import ua.viche.queue.QueueBooking;

/** The nearest shelters (the geoportal's layer, when the geo module is there) or CNAP offices to a shared point. */
@Component
class NearestDialogue implements Dialogue {

    private static final double EARTH = 6_371_000;

    private final ObjectProvider<NearestPlaces> places;
    private final QueueBooking queue;

    NearestDialogue(ObjectProvider<NearestPlaces> places, QueueBooking queue) {
        this.places = places;
        this.queue = queue;
    }

    @Override public String name() { return "nearest"; }

    @Override public boolean needsLink() { return false; }

    /** A place found, whichever module it came from. */
    private record Found(String name, String address, double metres, String path) {}

    @Override
    public BotMessage answer(Turn turn) {
        String step = turn.step();
        if (step.equals("kind") && ("shelter".equals(turn.choice()) || "cnap".equals(turn.choice()))) {
            turn.put("kind", String.valueOf(turn.choice()));
            turn.next("where");
            return Turn.say(turn.t("notifications.bot.nearest.where"));
        }
        if (step.equals("where")) {
            if (!turn.in().located()) {
                return Turn.say(turn.t("notifications.bot.nearest.where"));
            }
            double lat = turn.in().latitude();
            double lon = turn.in().longitude();
            List<Found> found = CurrentCommunity.callAs(turn.community(), () -> "cnap".equals(turn.get("kind")) ? offices(turn, lat, lon)
                    : shelters(turn, lat, lon));
            turn.end();
            if (found.isEmpty()) {
                return Turn.say(turn.t("notifications.bot.nearest.none"));
            }
            StringBuilder text = new StringBuilder(turn.t("notifications.bot.nearest.title"));
            for (Found f : found) {
                text.append("\n\n").append(turn.t("notifications.bot.nearest.item", f.name(), f.address(),
                        String.valueOf(Math.round(f.metres())), turn.link(f.path())));
            }
            return Turn.say(text.toString());
        }
        turn.next("kind");
        return Turn.say(turn.t("notifications.bot.nearest.kind"), List.of(turn.option("notifications.bot.nearest.shelter", "shelter"),
                turn.option("notifications.bot.nearest.cnap", "cnap")));
    }

    private List<Found> shelters(Turn turn, double lat, double lon) {
        NearestPlaces geo = places.getIfAvailable();
        if (geo == null) {
            return List.of();
        }
        return geo.nearest("shelters", lat, lon, 3).stream()
                .map(p -> new Found(p.name(turn.locale()), p.address() == null ? "" : p.address(), p.metres(), p.path())).toList();
    }

    private List<Found> offices(Turn turn, double lat, double lon) {
        return queue.offices().stream().filter(o -> o.latitude() != null && o.longitude() != null)
                .map(o -> new Found(o.name(turn.locale()), o.address(turn.locale()), metres(lat, lon, o.latitude(), o.longitude()), o.path()))
                .sorted(Comparator.comparingDouble(Found::metres)).limit(3).toList();
    }

    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double a = Math.pow(Math.sin(Math.toRadians(lat2 - lat1) / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(Math.toRadians(lon2 - lon1) / 2), 2);
        return 2 * EARTH * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
