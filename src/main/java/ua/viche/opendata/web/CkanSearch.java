package ua.viche.opendata.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ua.viche.opendata.domain.Register;

/**
 * CKAN's {@code package_search} over the register: the filter query ({@code fq}, Solr terms joined by
 * AND: {@code metadata_modified:[X TO NOW]} and {@code metadata_created}, inclusive {@code [ ]} or
 * exclusive {@code { }}, with ISO dates, {@code *} and {@code NOW-nDAYS}; {@code organization},
 * {@code tags}, {@code res_format}, {@code groups}, {@code license_id}, {@code name}, {@code id}), and
 * the sort ({@code id asc}, {@code metadata_modified desc}, {@code name asc}, {@code title_string asc},
 * {@code score desc}…), always ending with the id so that paging is stable. A term it cannot read is
 * refused ({@link Invalid}), as CKAN answers a bad query.
 */
final class CkanSearch {

    private static final Pattern TERM = Pattern.compile("([+-]?)([a-z_]+):(\\[[^\\]]*\\]|\\{[^}]*\\}|\"[^\"]*\"|\\S+)");
    private static final Pattern RANGE = Pattern.compile("([\\[{])\\s*(\\S+)\\s+TO\\s+(\\S+)\\s*([\\]}])");
    private static final Pattern NOW = Pattern.compile("NOW(?:([+-])(\\d+)(DAYS?|HOURS?|MONTHS?|YEARS?))?(?:/DAY)?");

    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    private CkanSearch() {}

    /** The predicate of a filter query over entries; the community's slug answers {@code organization}. */
    static Predicate<Register.Entry> filter(String fq, String organization, String organizationId, Instant now) {
        Predicate<Register.Entry> all = e -> true;
        String rest = fq.strip();
        if (rest.isEmpty() || rest.equals("*:*")) {
            return all;
        }
        Matcher m = TERM.matcher(rest);
        int at = 0;
        List<Predicate<Register.Entry>> terms = new ArrayList<>();
        while (m.find()) {
            if (!rest.substring(at, m.start()).isBlank() && !rest.substring(at, m.start()).strip().equalsIgnoreCase("AND")) {
                throw new Invalid("cannot read: " + rest.substring(at, m.start()).strip());
            }
            at = m.end();
            Predicate<Register.Entry> p = term(m.group(2), unquote(m.group(3)), organization, organizationId, now);
            terms.add(m.group(1).equals("-") ? p.negate() : p);
        }
        if (!rest.substring(at).isBlank()) {
            throw new Invalid("cannot read: " + rest.substring(at).strip());
        }
        return terms.stream().reduce(all, Predicate::and);
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    private static Predicate<Register.Entry> term(String field, String value, String organization, String organizationId, Instant now) {
        return switch (field) {
            case "metadata_modified" -> range(value, now, e -> e.dataset().getModifiedAt());
            case "metadata_created" -> range(value, now, e -> e.dataset().getCreatedAt());
            case "organization", "owner_org" -> e -> value.equals(organization) || value.equals(organizationId);
            case "tags" -> e -> e.dataset().keywordList().contains(value.toLowerCase(Locale.ROOT));
            case "res_format" -> e -> e.resources().stream().anyMatch(r -> r.getFormat().name().equalsIgnoreCase(value));
            case "groups" -> e -> e.dataset().getTheme().groupName().equalsIgnoreCase(value);
            case "license_id" -> e -> e.dataset().getLicence().id().equalsIgnoreCase(value);
            case "name" -> e -> e.dataset().getName().equals(value);
            case "id" -> e -> e.dataset().getUuid().toString().equals(value);
            case "type" -> e -> value.equals("dataset");
            case "state" -> e -> value.equals("active");
            default -> throw new Invalid("unknown field: " + field);
        };
    }

    private interface Moment {
        Instant of(Register.Entry e);
    }

    private static Predicate<Register.Entry> range(String value, Instant now, Moment moment) {
        Matcher r = RANGE.matcher(value);
        if (!r.matches()) {
            Instant exact = instant(value, now);
            return e -> moment.of(e).equals(exact);
        }
        boolean fromInclusive = r.group(1).equals("[");
        boolean toInclusive = r.group(4).equals("]");
        Instant from = r.group(2).equals("*") ? null : instant(r.group(2), now);
        Instant to = r.group(3).equals("*") ? null : instant(r.group(3), now);
        return e -> {
            Instant t = moment.of(e).truncatedTo(ChronoUnit.MICROS);
            boolean afterFrom = from == null || (fromInclusive ? !t.isBefore(from) : t.isAfter(from));
            boolean beforeTo = to == null || (toInclusive ? !t.isAfter(to) : t.isBefore(to));
            return afterFrom && beforeTo;
        };
    }

    /** A Solr date: ISO with or without zone or time (UTC), or {@code NOW} with an offset. */
    static Instant instant(String text, Instant now) {
        Matcher n = NOW.matcher(text);
        if (n.matches()) {
            if (n.group(1) == null) {
                return now;
            }
            long amount = Long.parseLong(n.group(2)) * (n.group(1).equals("-") ? -1 : 1);
            String unit = n.group(3);
            var at = now.atOffset(ZoneOffset.UTC);
            return (unit.startsWith("DAY") ? at.plusDays(amount) : unit.startsWith("HOUR") ? at.plusHours(amount)
                    : unit.startsWith("MONTH") ? at.plusMonths(amount) : at.plusYears(amount)).toInstant();
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e3) {
                    throw new Invalid("not a date: " + text);
                }
            }
        }
    }

    /** The order of a sort parameter ({@code field dir, field dir}); the id last, so equal keys keep one order. */
    static Comparator<Register.Entry> sort(String sort) {
        Comparator<Register.Entry> c = null;
        String spec = sort.isBlank() ? "score desc, metadata_modified desc" : sort;
        for (String clause : spec.split(",")) {
            String[] parts = clause.strip().split("\\s+");
            if (parts.length == 0 || parts[0].isEmpty()) {
                continue;
            }
            boolean desc = parts.length > 1 && parts[1].equalsIgnoreCase("desc");
            if (parts.length > 1 && !desc && !parts[1].equalsIgnoreCase("asc") || parts.length > 2) {
                throw new Invalid("bad sort: " + clause);
            }
            Comparator<Register.Entry> one = switch (parts[0]) {
                case "id" -> Comparator.comparing(e -> e.dataset().getUuid().toString());
                case "name" -> Comparator.comparing(e -> e.dataset().getName());
                case "title_string", "title" -> Comparator.comparing(e -> e.dataset().getTitleUk());
                case "metadata_modified" -> Comparator.comparing(e -> e.dataset().getModifiedAt());
                case "metadata_created" -> Comparator.comparing(e -> e.dataset().getCreatedAt());
                case "score", "rank" -> null;
                default -> throw new Invalid("bad sort field: " + parts[0]);
            };
            if (one == null) {
                continue;
            }
            one = desc ? one.reversed() : one;
            c = c == null ? one : c.thenComparing(one);
        }
        Comparator<Register.Entry> byId = Comparator.comparing(e -> e.dataset().getUuid().toString());
        return c == null ? byId : c.thenComparing(byId);
    }
}
