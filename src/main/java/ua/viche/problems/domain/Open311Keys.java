package ua.viche.problems.domain;

import ua.viche.platform.Refusal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.AccessControl;
import ua.viche.platform.AuditLog;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Role;

/** API keys of Open311 clients: issued and revoked by community admins; only a hash is stored. */
@Service
public class Open311Keys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Open311ClientRepository clients;
    private final AccessControl access;
    private final AuditLog audit;
    private final Clock clock;

    Open311Keys(Open311ClientRepository clients, AccessControl access, AuditLog audit, Clock clock) {
        this.clients = clients;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** A key just issued: shown once, never again. */
    public record Issued(Open311Client client, String key) {}

    @Transactional
    public Issued issue(String name) {
        access.require(Role.COMMUNITY_ADMIN);
        String n = name.strip();
        if (n.isEmpty() || n.length() > 200) {
            throw Refusal.field("name", "problem.error.clientName");
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Open311Client c = clients.save(new Open311Client(n, hash(key), Instant.now(clock)));
        audit.record("open311.key.issued", "open311_client", c.getId(), n);
        return new Issued(c, key);
    }

    @Transactional
    public void revoke(long id) {
        access.require(Role.COMMUNITY_ADMIN);
        Open311Client c = clients.findById(id).orElseThrow(() -> new NotFoundException("error.404.text"));
        c.revoke(Instant.now(clock));
        audit.record("open311.key.revoked", "open311_client", c.getId(), c.getName());
    }

    @Transactional(readOnly = true)
    public List<Open311Client> clients() {
        access.require(Role.COMMUNITY_ADMIN);
        return clients.findAllByOrderByCreatedAtDesc();
    }

    /** The active client of the current community holding this key. */
    @Transactional(readOnly = true)
    public Optional<Open311Client> authenticate(String key) {
        if (key.isBlank() || key.length() > 200) {
            return Optional.empty();
        }
        return clients.findByKeyHash(hash(key.strip())).filter(Open311Client::active);
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
