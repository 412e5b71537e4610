package ua.viche.consultations.polls;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ua.viche.platform.Refusal;

/**
 * What a person sent for a poll, by question id: chosen option ids, an "other" text, a rank for each
 * ranked option, a scale value, a free text. Read from a form's parameters {@code q<id>},
 * {@code q<id>-other}, {@code q<id>-rank-<option>}; nothing is trusted until the poll checks it.
 */
public record PollSubmission(Map<Long, List<Long>> choices, Map<Long, String> others, Map<Long, Map<Long, Integer>> ranks,
                             Map<Long, Integer> scales, Map<Long, String> texts) {

    /** Reads a form; values that are not numbers where numbers belong are refused as the poll's bad input. */
    public static PollSubmission of(Map<String, String[]> params) {
        Map<Long, List<Long>> choices = new HashMap<>();
        Map<Long, String> others = new HashMap<>();
        Map<Long, Map<Long, Integer>> ranks = new HashMap<>();
        Map<Long, Integer> scales = new HashMap<>();
        Map<Long, String> texts = new HashMap<>();
        for (Map.Entry<String, String[]> e : params.entrySet()) {
            String name = e.getKey();
            if (!name.matches("q\\d{1,18}(-other|-scale|-text|-rank-\\d{1,18})?")) {
                continue;
            }
            String[] parts = name.substring(1).split("-");
            long question = Long.parseLong(parts[0]);
            String[] values = e.getValue();
            if (parts.length == 1) {
                choices.put(question, Arrays.stream(values).filter(v -> !v.isBlank()).map(PollSubmission::number).toList());
            } else if (parts[1].equals("other")) {
                others.put(question, values[0]);
            } else if (parts[1].equals("scale")) {
                if (!values[0].isBlank()) {
                    scales.put(question, (int) number(values[0]));
                }
            } else if (parts[1].equals("text")) {
                texts.put(question, values[0]);
            } else if (!values[0].isBlank()) {
                ranks.computeIfAbsent(question, k -> new HashMap<>()).put(Long.parseLong(parts[2]), (int) number(values[0]));
            }
        }
        return new PollSubmission(choices, others, ranks, scales, texts);
    }

    private static long number(String value) {
        try {
            long n = Long.parseLong(value.strip());
            if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
                throw new NumberFormatException(value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw Refusal.badInput("poll.error.badInput");
        }
    }
}
