package ua.viche.platform;

import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.audit.AuditEntry;
import ua.viche.platform.audit.AuditEntryRepository;

/**
 * The audit log of official actions: who did what to which object, when, in which community.
 * Recorded in the caller's transaction, so an action and its audit entry commit together.
 */
@Service
public class AuditLog {

    private final AuditEntryRepository entries;
    private final Clock clock;

    AuditLog(AuditEntryRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /** Records an action of the signed-in user in the current community. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String objectType, @Nullable Object objectId, @Nullable String details) {
        CurrentCommunity.require();
        SignedInUser user = AccessControl.currentUser().orElse(null);
        entries.save(new AuditEntry(Instant.now(clock), user == null ? null : user.accountId(),
                user == null ? "system" : user.displayName(), action, objectType,
                objectId == null ? null : objectId.toString(), details == null ? null : truncate(details)));
    }

    /**
     * Records an action a resident (not an official) took, by account id only: the name is not kept
     * (shown as "resident"), so the entry holds nothing of the person once their account is deleted.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordByResident(String action, String objectType, @Nullable Object objectId, @Nullable String details) {
        CurrentCommunity.require();
        SignedInUser user = AccessControl.currentUser().orElse(null);
        entries.save(new AuditEntry(Instant.now(clock), user == null ? null : user.accountId(), user == null ? "system" : "resident",
                action, objectType, objectId == null ? null : objectId.toString(), details == null ? null : truncate(details)));
    }

    /** Entries of the current community, newest first. */
    @Transactional(readOnly = true)
    public Page<AuditEntry> page(int page, int size) {
        CurrentCommunity.require();
        return entries.findAllByOrderByOccurredAtDescIdDesc(Paging.of(page, size));
    }

    private static String truncate(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) : s;
    }
}
