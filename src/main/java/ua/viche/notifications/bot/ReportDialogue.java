package ua.viche.notifications.bot;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import ua.viche.notifications.channel.BotMessage;
import ua.viche.notifications.channel.Channels;
import ua.viche.platform.FileStore;
import ua.viche.problems.ProblemReporting;

/** Files a problem report: category, what is wrong, a photo (or none), the place (a shared point or an address). */
@Component
class ReportDialogue implements Dialogue {

    private final ProblemReporting problems;
    private final Channels channels;

    ReportDialogue(ProblemReporting problems, Channels channels) {
        this.problems = problems;
        this.channels = channels;
    }

    @Override public String name() { return "report"; }

    @Override public boolean needsLink() { return true; }

    @Override
    public BotMessage answer(Turn turn) {
        String step = turn.step();
        switch (step) {
            case "category" -> {
                if (turn.tookCategory("text")) {
                    return Turn.say(turn.t("notifications.bot.report.text"));
                }
            }
            case "text" -> {
                if (turn.tookText("text", "photo")) {
                    return askPhoto(turn, "notifications.bot.report.photo");
                }
                return Turn.say(turn.t("notifications.bot.report.text"));
            }
            case "photo" -> {
                String photo = turn.in().photo();
                if (photo != null) {
                    turn.put("photo", photo);
                } else if (!"skip".equals(turn.choice())) {
                    return askPhoto(turn, "notifications.bot.report.photo");
                }
                turn.next("place");
                return Turn.say(turn.t("notifications.bot.report.place"));
            }
            case "place" -> {
                return file(turn);
            }
            default -> { }
        }
        turn.put("key", "bot:" + UUID.randomUUID());
        return turn.askCategory("notifications.bot.report.category", problems::categories, c -> c.name(turn.locale()),
                ProblemReporting.Category::id);
    }

    private static BotMessage askPhoto(Turn turn, String key) {
        return Turn.say(turn.t(key), List.of(turn.option("notifications.bot.skip", "skip")));
    }

    private BotMessage file(Turn turn) {
        if (!turn.in().located() && turn.text().isEmpty()) {
            return Turn.say(turn.t("notifications.bot.report.place"));
        }
        List<FileStore.Upload> photos = List.of();
        String ref = turn.get("photo");
        if (ref != null) {
            Optional<byte[]> bytes = channels.photo(turn.community(), turn.in().channel(), ref);
            if (bytes.isEmpty()) {
                turn.data().remove("photo");
                turn.next("photo");
                return askPhoto(turn, "notifications.bot.report.photoLost");
            }
            photos = List.of(new FileStore.Upload("photo", bytes.get()));
        }
        List<FileStore.Upload> chosen = photos;
        ProblemReporting.Report r = turn.asPerson(() -> problems.file(turn.category(),
                String.valueOf(turn.get("text")), turn.in().latitude(), turn.in().longitude(),
                turn.in().located() ? null : turn.text(), chosen, String.valueOf(turn.get("key")), "bot"));
        turn.end();
        return Turn.say(turn.t("notifications.bot.report.filed", String.valueOf(r.id()), turn.link(r.path())));
    }
}
