package ua.viche.notifications.bot;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import ua.viche.appeals.AppealFiling;
import ua.viche.notifications.channel.BotMessage;
import ua.viche.problems.ProblemReporting;

/** The person's open problem reports and appeals, each with its state and page. */
@Component
class StatusDialogue implements Dialogue {

    private static final Set<String> OPEN_PROBLEMS = Set.of("NEW", "ACKNOWLEDGED", "IN_PROGRESS");
    private static final Set<String> OPEN_APPEALS = Set.of("REGISTERED", "IN_WORK");

    private final ProblemReporting problems;
    private final AppealFiling appeals;

    StatusDialogue(ProblemReporting problems, AppealFiling appeals) {
        this.problems = problems;
        this.appeals = appeals;
    }

    @Override public String name() { return "status"; }

    @Override public boolean needsLink() { return true; }

    @Override
    public BotMessage answer(Turn turn) {
        List<ProblemReporting.Report> reports = turn.asPerson(problems::mine).stream()
                .filter(r -> OPEN_PROBLEMS.contains(r.status())).limit(10).toList();
        List<AppealFiling.Filed> filed = turn.asPerson(appeals::mine).stream()
                .filter(a -> OPEN_APPEALS.contains(a.status())).limit(10).toList();
        turn.end();
        if (reports.isEmpty() && filed.isEmpty()) {
            return Turn.say(turn.t("notifications.bot.status.none"));
        }
        StringBuilder text = new StringBuilder(turn.t("notifications.bot.status.title"));
        for (ProblemReporting.Report r : reports) {
            text.append("\n\n").append(turn.t("notifications.bot.status.problem", String.valueOf(r.id()),
                    turn.t("problem.status." + r.status()), turn.link(r.path())));
        }
        for (AppealFiling.Filed a : filed) {
            text.append("\n\n").append(turn.t("notifications.bot.status.appeal", a.number(), turn.t("appeal.status." + a.status()),
                    turn.link(a.path())));
        }
        return Turn.say(text.toString());
    }
}
