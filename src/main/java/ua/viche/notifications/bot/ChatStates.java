package ua.viche.notifications.bot;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import ua.viche.notifications.channel.ChannelKind;
import ua.viche.platform.Community;

/**
 * Where each chat is in a conversation, in the database (so a restart loses nothing): the dialogue
 * and step, what was said so far, the options last offered, the language chosen in the chat. A
 * conversation idle for {@link #IDLE} starts again from the menu; its words are then cleared.
 */
@Component
class ChatStates {

    static final Duration IDLE = Duration.ofMinutes(30);

    /** One chat's state; {@code dialogue} null: at the menu. */
    static final class State {
        @Nullable String dialogue;
        @Nullable String step;
        Map<String, String> data = new LinkedHashMap<>();
        List<String> options = new ArrayList<>();
        @Nullable String language;

        void reset() {
            dialogue = null;
            step = null;
            data = new LinkedHashMap<>();
        }
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    ChatStates(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    State load(Community community, ChannelKind channel, String chat) {
        State s = new State();
        jdbc.query("select dialogue, step, data, options, language, updated_at from notify_bot_chat"
                + " where community_id = ? and channel = ? and chat = ?", rs -> {
            s.language = rs.getString(5);
            if (rs.getTimestamp(6).toInstant().isAfter(clock.instant().minus(IDLE))) {
                s.dialogue = rs.getString(1);
                s.step = rs.getString(2);
                s.data = new LinkedHashMap<>(json.readValue(rs.getString(3), new TypeReference<Map<String, String>>() { }));
                String options = rs.getString(4);
                s.options = options.isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of(options.split("\n")));
            }
        }, community.id(), channel.name(), chat);
        return s;
    }

    void save(Community community, ChannelKind channel, String chat, State s) {
        jdbc.update("insert into notify_bot_chat (community_id, channel, chat, dialogue, step, data, options, language, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (community_id, channel, chat) do update set"
                        + " dialogue = excluded.dialogue, step = excluded.step, data = excluded.data, options = excluded.options,"
                        + " language = excluded.language, updated_at = excluded.updated_at",
                community.id(), channel.name(), chat, s.dialogue, s.step, json.writeValueAsString(s.data), String.join("\n", s.options),
                s.language, Timestamp.from(clock.instant()));
    }

    /** Conversations idle for longer than {@link #IDLE} lose what was said in them. */
    @Scheduled(fixedDelay = 600_000, initialDelay = 600_000)
    void clearIdle() {
        jdbc.update("update notify_bot_chat set dialogue = null, step = null, data = '{}', options = '' where updated_at < ?"
                + " and (dialogue is not null or options <> '')", Timestamp.from(clock.instant().minus(IDLE)));
    }
}
