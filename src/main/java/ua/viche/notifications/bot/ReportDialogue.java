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
        String step = turn.step() == null ? "" : turn.step();
        switch (step) {
            case "category" -> {
                String choice = turn.choice();
                if (choice != null && choice.startsWith("c:")) {
                    turn.put("category", choice.substring(2));
                    turn.next("text");
                    return Turn.say(turn.t("notifications.bot.report.text"));
                }
            }
            case "text" -> {
                if (!turn.text().isEmpty()) {
                    turn.put("text", turn.text());
                    turn.next("photo");
                    return Turn.say(turn.t("notifications.bot.report.photo"), List.of(turn.option("notifications.bot.skip", "skip")));
                }
                return Turn.say(turn.t("notifications.bot.report.text"));
            }
            case "photo" -> {
                String photo = turn.in().photo();
                if (photo != null) {
                    turn.put("photo", photo);
                } else if (!"skip".equals(turn.choice())) {
                    return Turn.say(turn.t("notifications.bot.report.photo"), List.of(turn.option("notifications.bot.skip", "skip")));
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
        turn.next("category");
        List<ProblemReporting.Category> categories = turn.asPerson(problems::categories);
        return Turn.say(turn.t("notifications.bot.report.category"), Turn.options(categories, 12, c -> c.name(turn.locale()),
                c -> "c:" + c.id()));
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
                return Turn.say(turn.t("notifications.bot.report.photoLost"), List.of(turn.option("notifications.bot.skip", "skip")));
            }
            photos = List.of(new FileStore.Upload("photo", bytes.get()));
        }
        List<FileStore.Upload> chosen = photos;
        ProblemReporting.Report r = turn.asPerson(() -> problems.file(Long.parseLong(String.valueOf(turn.get("category"))),
                String.valueOf(turn.get("text")), turn.in().latitude(), turn.in().longitude(),
                turn.in().located() ? null : turn.text(), chosen, String.valueOf(turn.get("key")), "bot"));
        turn.end();
        return Turn.say(turn.t("notifications.bot.report.filed", String.valueOf(r.id()), turn.link(r.path())));
    }
}
