package ua.viche.platform;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Role checks for the current user. The identity module implements the lookup of grants;
 * every module calls this before an official action.
 */
public interface AccessControl {

    /** Whether the account holds the role in the community (any department), or is a platform admin. */
    boolean hasRole(long accountId, long communityId, Role role);

    static Optional<SignedInUser> currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedInUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** The signed-in user, or an access-denied error (which asks an anonymous visitor to sign in). */
    static SignedInUser requireUser() {
        return currentUser().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }

    /** Checks that the current user holds one of the roles in the current community. */
    default SignedInUser require(Role... roles) {
        SignedInUser user = requireUser();
        Community community = CurrentCommunity.require();
        if (user.platformAdmin()) {
            return user;
        }
        for (Role role : roles) {
            if (hasRole(user.accountId(), community.id(), role)) {
                return user;
            }
        }
        throw new AccessDeniedException("role required");
    }

    default boolean currentUserHas(Role role) {
        return currentUser().map(u -> u.platformAdmin() || CurrentCommunity.find()
                .map(c -> hasRole(u.accountId(), c.id(), role)).orElse(false)).orElse(false);
    }
}
