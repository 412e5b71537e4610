package ua.viche.consultations.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ua.viche.consultations.polls.Poll;
import ua.viche.consultations.polls.PollService;
import ua.viche.platform.Refusal;

/**
 * The officials' poll form as plain fields, usable without JavaScript: the poll's own fields and a
 * fixed number of question slots {@code q<n>.kind}, {@code q<n>.text}, … (a slot without text is
 * skipped). Options are typed one a line; a condition names an earlier slot and the number of its
 * option, which become positions in the poll as saved.
 */
final class PollForm {

    /** Question slots on a new poll's form, and blank ones added below an existing poll's questions. */
    static final int SLOTS = 10;
    static final int EXTRA = 3;

    private PollForm() {}

    static PollService.PollDraft read(Map<String, String[]> params) {
        List<PollService.QuestionDraft> questions = new ArrayList<>();
        Map<Integer, Integer> positionOfSlot = new HashMap<>();
        for (int slot = 1; slot <= PollService.MAX_QUESTIONS + EXTRA; slot++) {
            String p = "q" + slot + ".";
            String text = one(params, p + "text");
            if (text.isBlank()) {
                continue;
            }
            Poll.Kind kind;
            try {
                kind = Poll.Kind.valueOf(one(params, p + "kind"));
            } catch (IllegalArgumentException e) {
                throw Refusal.field(p + "kind", "poll.error.question", slot);
            }
            int showIfSlot = number(one(params, p + "showIfQuestion"), p + "showIfQuestion", slot);
            int showIfOption = number(one(params, p + "showIfOption"), p + "showIfOption", slot);
            int showIf = 0;
            if (showIfSlot != 0 || showIfOption != 0) {
                Integer position = positionOfSlot.get(showIfSlot);
                if (position == null) {
                    throw Refusal.field(p + "showIfQuestion", "poll.error.condition", slot);
                }
                showIf = position;
            }
            List<String> options = Arrays.stream(one(params, p + "options").split("\\R")).map(String::strip).filter(o -> !o.isEmpty())
                    .toList();
            questions.add(new PollService.QuestionDraft(kind, text, "true".equals(one(params, p + "required")),
                    number(one(params, p + "maxChoices"), p + "maxChoices", slot), number(one(params, p + "scaleMax"), p + "scaleMax", slot),
                    one(params, p + "lowLabel"), one(params, p + "highLabel"), "true".equals(one(params, p + "allowOther")), options,
                    one(params, p + "section"), showIf, showIf == 0 ? 0 : showIfOption));
            positionOfSlot.put(slot, questions.size());
        }
        return new PollService.PollDraft(one(params, "title"), one(params, "description"), day(one(params, "first"), "first"),
                day(one(params, "last"), "last"), "true".equals(one(params, "resultsLive")), !"false".equals(one(params, "verifiedOnly")),
                "true".equals(one(params, "residencyRequired")),
                number(one(params, "minimumAge"), "minimumAge", 0), questions);
    }

    private static String one(Map<String, String[]> params, String name) {
        String[] v = params.get(name);
        return v == null || v.length == 0 ? "" : v[0];
    }

    private static int number(String value, String field, int slot) {
        if (value.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw slot == 0 ? Refusal.field(field, "poll.error.minimumAge") : Refusal.field(field, "poll.error.question", slot);
        }
    }

    private static LocalDate day(String value, String field) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.field(field, "poll.error.date");
        }
    }

    /** A question slot of the form as shown: its number and the values it starts with. */
    record Slot(int number, PollService.QuestionDraft draft) {

        /** The options as typed: one a line. */
        public String optionsText() {
            return String.join("\n", draft.options());
        }
    }

    /** The slots of the form: the poll's questions as they are (conditions by slot number), then blank ones. */
    static List<Slot> slots(List<PollService.QuestionDraft> existing) {
        List<Slot> slots = new ArrayList<>();
        for (PollService.QuestionDraft d : existing) {
            slots.add(new Slot(slots.size() + 1, d));
        }
        int blank = existing.isEmpty() ? SLOTS : EXTRA;
        for (int i = 0; i < blank; i++) {
            slots.add(new Slot(slots.size() + 1, new PollService.QuestionDraft(Poll.Kind.SINGLE, "", false, 0, 5, "", "", false,
                    List.of())));
        }
        return slots;
    }
}
