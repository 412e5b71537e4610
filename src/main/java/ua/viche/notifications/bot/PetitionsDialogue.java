package ua.viche.notifications.bot;

import java.util.List;
import org.springframework.stereotype.Component;
import ua.viche.notifications.channel.BotMessage;
import ua.viche.petitions.CollectingPetitions;
import ua.viche.platform.CurrentCommunity;

/** The petitions collecting signatures, most signed first, each with its page: signing stays on the site. */
@Component
class PetitionsDialogue implements Dialogue {

    private final CollectingPetitions petitions;

    PetitionsDialogue(CollectingPetitions petitions) {
        this.petitions = petitions;
    }

    @Override public String name() { return "petitions"; }

    @Override public boolean needsLink() { return false; }

    @Override
    public BotMessage answer(Turn turn) {
        List<CollectingPetitions.Summary> top = CurrentCommunity.callAs(turn.community(), () -> petitions.top(5));
        turn.end();
        if (top.isEmpty()) {
            return Turn.say(turn.t("notifications.bot.petitions.none"));
        }
        StringBuilder text = new StringBuilder(turn.t("notifications.bot.petitions.title"));
        for (CollectingPetitions.Summary p : top) {
            text.append("\n\n").append(turn.t("notifications.bot.petitions.item", p.title(), String.valueOf(p.signatures()),
                    p.threshold() == null ? "—" : String.valueOf(p.threshold()), turn.link(p.path())));
        }
        return Turn.say(text.toString());
    }
}
