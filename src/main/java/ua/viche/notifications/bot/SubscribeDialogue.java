package ua.viche.notifications.bot;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import ua.viche.notifications.channel.BotMessage;
import ua.viche.notifications.domain.Subscriber;
import ua.viche.notifications.domain.Subscriptions;
import ua.viche.notifications.domain.Topic;

/** Follows or unfollows topics (alerts among them) of the linked person, one press each, as on the settings page. */
@Component
class SubscribeDialogue implements Dialogue {

    private final Subscriptions subscriptions;

    SubscribeDialogue(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override public String name() { return "subscribe"; }

    @Override public boolean needsLink() { return true; }

    @Override
    public BotMessage answer(Turn turn) {
        Subscriber s = turn.subscriber();
        String choice = turn.choice();
        if ("done".equals(choice)) {
            turn.end();
            return Turn.say(turn.t("notifications.bot.subscribe.saved"));
        }
        if (choice != null && choice.startsWith("topic:")) {
            Topic topic = Topic.valueOf(choice.substring(6));
            Set<Topic> topics = s.topics().isEmpty() ? EnumSet.noneOf(Topic.class) : EnumSet.copyOf(s.topics());
            if (!topics.remove(topic)) {
                topics.add(topic);
            }
            s = subscriptions.save(turn.community(), s.personId(), new Subscriptions.Preferences(topics, s.districts(), s.quietFrom(),
                    s.quietTo(), s.language(), s.email() != null), s.email());
        }
        turn.next("topics");
        List<BotMessage.Option> options = new ArrayList<>();
        for (Topic t : Topic.values()) {
            options.add(new BotMessage.Option((s.follows(t) ? "✓ " : "○ ") + turn.t("notifications.topic." + t.name()), "topic:" + t.name()));
        }
        options.add(turn.option("notifications.bot.subscribe.done", "done"));
        return Turn.say(turn.t("notifications.bot.subscribe.title"), options);
    }
}
