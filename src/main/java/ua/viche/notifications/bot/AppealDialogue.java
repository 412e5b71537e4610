package ua.viche.notifications.bot;

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
        String step = turn.step();
        switch (step) {
            case "category" -> {
                if (turn.tookCategory("address")) {
                    return Turn.say(turn.t("notifications.bot.appeal.address"));
                }
            }
            case "address" -> {
                return Turn.say(turn.t(turn.tookText("address", "text") ? "notifications.bot.appeal.text" : "notifications.bot.appeal.address"));
            }
            case "text" -> {
                if (turn.text().isEmpty()) {
                    return Turn.say(turn.t("notifications.bot.appeal.text"));
                }
                AppealFiling.Filed filed = turn.asPerson(() -> appeals.file(turn.category(), String.valueOf(turn.get("address")), turn.text()));
                turn.end();
                return Turn.say(turn.t("notifications.bot.appeal.filed", filed.number(), turn.link(filed.path())));
            }
            default -> { }
        }
        return turn.askCategory("notifications.bot.appeal.category", appeals::categories, c -> c.name(turn.locale()),
                AppealFiling.Category::id);
    }
}
