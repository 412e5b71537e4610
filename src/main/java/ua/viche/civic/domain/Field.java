package ua.viche.civic.domain;

import java.util.ArrayList;
import java.util.List;

/** Fields of activity an organisation names (label {@code civic.field.<NAME>}); stored as their names, comma-separated. */
public enum Field {
    VETERANS, YOUTH, ELDERLY, DISABILITY, EDUCATION, CULTURE, ENVIRONMENT, HEALTH, HUMAN_RIGHTS, SOCIAL, SPORT, MEDIA, DIGITAL, URBAN;

    static String join(List<Field> fields) {
        return String.join(",", fields.stream().distinct().map(Field::name).toList());
    }

    static List<Field> split(String stored) {
        List<Field> out = new ArrayList<>();
        for (String s : stored.split(",")) {
            if (!s.isBlank()) {
                out.add(valueOf(s.strip()));
            }
        }
        return out;
    }
}
