package ua.viche.notifications.bot;

import java.util.List;
import org.springframework.stereotype.Component;
import ua.viche.appeals.AppealFiling;
import ua.viche.notifications.channel.BotMessage;

/** Files an appeal: category, the postal address the law asks for, the text. */
@Component
class AppealDialogue implements Dialogue {

    private final AppealFiling appeals;

    AppealDialogue(AppealFiling appeals) {
        this.appeals = appeals;
    }

    @Override public String name() { return "appeal"; }

    @Override public boolean needsLink() { return true; }

    @Override
    public BotMessage answer(Turn turn) {
        String step = turn.step() == null ? "" : turn.step();
        switch (step) {
            case "category" -> {
                String choice = turn.choice();
                if (choice != null && choice.startsWith("c:")) {
                    turn.put("category", choice.substring(2));
                    turn.next("address");
                    return Turn.say(turn.t("notifications.bot.appeal.address"));
                }
            }
            case "address" -> {
                if (!turn.text().isEmpty()) {
                    turn.put("address", turn.text());
                    turn.next("text");
                }
                return Turn.say(turn.t(turn.text().isEmpty() ? "notifications.bot.appeal.address" : "notifications.bot.appeal.text"));
            }
            case "text" -> {
                if (turn.text().isEmpty()) {
                    return Turn.say(turn.t("notifications.bot.appeal.text"));
                }
                AppealFiling.Filed filed = turn.asPerson(() -> appeals.file(Long.parseLong(String.valueOf(turn.get("category"))),
                        String.valueOf(turn.get("address")), turn.text()));
                turn.end();
                return Turn.say(turn.t("notifications.bot.appeal.filed", filed.number(), turn.link(filed.path())));
            }
            default -> { }
        }
        turn.next("category");
        List<AppealFiling.Category> categories = turn.asPerson(appeals::categories);
        return Turn.say(turn.t("notifications.bot.appeal.category"), Turn.options(categories, 12, c -> c.name(turn.locale()),
                c -> "c:" + c.id()));
    }
}
