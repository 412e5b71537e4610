package ua.viche.queue.domain;

import ua.viche.platform.Refusal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.AccessControl;
import ua.viche.platform.AuditLog;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Role;
import ua.viche.platform.SignedInUser;

/**
 * The devices allowed to issue tickets at an office's kiosk page. A CNAP administrator creates a
 * kiosk for an office and is shown, once, its token (typed at the kiosk, as often as needed) and a
 * one-time enrol link; only their SHA-256 is stored. Enrolling a device, by either, gives it a
 * secret of its own (kept by the browser in a cookie, its SHA-256 here). Revoking the kiosk ends
 * every device enrolled with it. Every change is audited.
 */
@Service
public class Kiosks {

    public static final int MAX_NAME = 100;
    /** Token and link code length in characters of {@link Codes#ALPHABET} (about 119 bits). */
    static final int TOKEN_LENGTH = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Catalogue catalogue;
    private final AccessControl access;
    private final AuditLog audit;
    private final Clock clock;

    Kiosks(JdbcTemplate jdbc, Catalogue catalogue, AccessControl access, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** A kiosk as the administrators' list shows it. */
    public record Kiosk(long id, long officeId, String name, Instant createdAt, String createdBy, @Nullable Instant revokedAt,
                        @Nullable String revokedBy, long devices, boolean linkUnused) {

        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** A new kiosk with its token and the code of its enrol link: shown once, never stored. */
    public record Created(long id, long officeId, String name, String token, String linkCode) {}

    /** A device just enrolled: the office whose tickets it issues and its secret for the cookie. */
    public record Enrolment(long kioskId, long officeId, String secret) {}

    /** Creates a kiosk for an office (CNAP administrators and community administrators). */
    @Transactional
    public Created create(long officeId, String name) {
        SignedInUser user = access.require(Role.CNAP_ADMINISTRATOR, Role.COMMUNITY_ADMIN);
        Office office = catalogue.office(officeId);
        String n = name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME) {
            throw Refusal.of("queue.error.kioskName");
        }
        return create(office, n, randomToken(), user.displayName());
    }

    /** Creates a kiosk with a token given by the caller (the demo publishes the tokens of its kiosks). */
    @Transactional
    public Created create(Office office, String name, String token, String createdBy) {
        String link = randomToken();
        Long id = jdbc.queryForObject("insert into cnap_kiosk (community_id, office_id, name, token_hash, link_hash, created_at, created_by)"
                + " values (?, ?, ?, ?, ?, ?, ?) returning id", Long.class, CurrentCommunity.require().id(), office.getId(), name,
                hash(normalise(token)), hash(link), Timestamp.from(Instant.now(clock)), createdBy);
        audit.record("queue.kioskCreated", "cnap_kiosk", id, office.getNameUk() + ": " + name);
        return new Created(id, office.getId(), name, pretty(token), link);
    }

    /** The kiosks of the current community, the working ones first, then by office and name. */
    @Transactional(readOnly = true)
    public List<Kiosk> list() {
        access.require(Role.CNAP_ADMINISTRATOR, Role.COMMUNITY_ADMIN);
        return jdbc.query("select k.*, (select count(*) from cnap_kiosk_device d where d.kiosk_id = k.id) devices"
                + " from cnap_kiosk k where k.community_id = ? order by k.revoked_at is not null, k.office_id, k.name, k.id",
                (r, i) -> new Kiosk(r.getLong("id"), r.getLong("office_id"), r.getString("name"),
                        r.getTimestamp("created_at").toInstant(), r.getString("created_by"),
                        r.getTimestamp("revoked_at") == null ? null : r.getTimestamp("revoked_at").toInstant(),
                        r.getString("revoked_by"), r.getLong("devices"), r.getString("link_hash") != null),
                CurrentCommunity.require().id());
    }

    /** Revokes a kiosk: every device enrolled with it stops issuing tickets at once. */
    @Transactional
    public void revoke(long id) {
        SignedInUser user = access.require(Role.CNAP_ADMINISTRATOR, Role.COMMUNITY_ADMIN);
        List<String> names = jdbc.queryForList("update cnap_kiosk set revoked_at = ?, revoked_by = ?, link_hash = null"
                + " where id = ? and community_id = ? and revoked_at is null returning name", String.class,
                Timestamp.from(Instant.now(clock)), user.displayName(), id, CurrentCommunity.require().id());
        if (names.isEmpty()) {
            throw Refusal.of("queue.error.kioskUnknown");
        }
        audit.record("queue.kioskRevoked", "cnap_kiosk", id, names.get(0));
    }

    /**
     * Enrols the device with a kiosk's token or the code of its one-time enrol link (the link then
     * no longer works); refused for anything else and for a revoked kiosk.
     */
    @Transactional
    public Enrolment enrol(String tokenOrLink) {
        String typed = tokenOrLink.strip();
        long community = CurrentCommunity.require().id();
        List<long[]> found = typed.isEmpty() ? List.of() : jdbc.query("select id, office_id from cnap_kiosk"
                + " where community_id = ? and token_hash = ? and revoked_at is null",
                (r, i) -> new long[] {r.getLong(1), r.getLong(2)}, community, hash(normalise(typed)));
        boolean byLink = false;
        if (found.isEmpty() && !typed.isEmpty()) {
            // the link's code is used once: taken and cleared in one statement
            found = jdbc.query("update cnap_kiosk set link_hash = null where community_id = ? and link_hash = ?"
                    + " and revoked_at is null returning id, office_id", (r, i) -> new long[] {r.getLong(1), r.getLong(2)},
                    community, hash(normalise(typed)));
            byLink = true;
        }
        if (found.isEmpty()) {
            throw Refusal.of("queue.error.kioskToken");
        }
        long kiosk = found.get(0)[0];
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update("insert into cnap_kiosk_device (community_id, kiosk_id, secret_hash, enrolled_at) values (?, ?, ?, ?)",
                community, kiosk, hash(secret), Timestamp.from(Instant.now(clock)));
        audit.record("queue.kioskEnrolled", "cnap_kiosk", kiosk, byLink ? "link" : "token");
        return new Enrolment(kiosk, found.get(0)[1], secret);
    }

    /** The office whose tickets a device issues, by the secret its cookie holds; empty when not enrolled or revoked. */
    @Transactional(readOnly = true)
    public Optional<Long> officeOf(@Nullable String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            return Optional.empty();
        }
        return jdbc.queryForList("select k.office_id from cnap_kiosk_device d join cnap_kiosk k on k.id = d.kiosk_id"
                        + " where d.secret_hash = ? and d.community_id = ? and k.revoked_at is null", Long.class,
                hash(secret), CurrentCommunity.require().id()).stream().findFirst();
    }

    /**
     * The published token of an office's demo kiosk (the demo creates one per office, so that anyone
     * trying the demo can enrol a browser); never created outside the demo.
     */
    public static String demoToken(long officeId) {
        return "DEMO-KIOSK-" + officeId;
    }

    /** The demo token of the office while its demo kiosk exists and is not revoked; empty otherwise. */
    @Transactional(readOnly = true)
    public Optional<String> workingDemoToken(long officeId) {
        String token = demoToken(officeId);
        Long n = jdbc.queryForObject("select count(*) from cnap_kiosk where community_id = ? and office_id = ? and token_hash = ?"
                + " and revoked_at is null", Long.class, CurrentCommunity.require().id(), officeId, hash(normalise(token)));
        return n != null && n > 0 ? Optional.of(token) : Optional.empty();
    }

    /** A token as typed: letters and digits only, in upper case. */
    static String normalise(String token) {
        return token.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    private static String randomToken() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < TOKEN_LENGTH; i++) {
            s.append(Codes.ALPHABET.charAt(RANDOM.nextInt(Codes.ALPHABET.length())));
        }
        return s.toString();
    }

    /** Groups of four, easier to read and type. */
    private static String pretty(String token) {
        String t = normalise(token);
        return t.length() == TOKEN_LENGTH ? String.join("-", t.split("(?<=\\G.{4})")) : token;
    }

    private static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
