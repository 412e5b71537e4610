package ua.viche.platform;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
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

    /** Departments where the account holds the role in the community; a null element is a grant for the whole community. */
    List<@Nullable Long> departmentsWithRole(long accountId, long communityId, Role role);

    /**
     * Where the current user may act with one of the roles in the current community: everywhere
     * (a grant without a department, or a platform admin) or in some departments; empty when the
     * user holds none of the roles (or is not signed in).
     */
    default Optional<Scope> scope(Role... roles) {
        Optional<SignedInUser> user = currentUser();
        Optional<Community> community = CurrentCommunity.find();
        if (user.isEmpty() || community.isEmpty()) {
            return Optional.empty();
        }
        if (user.get().platformAdmin()) {
            return Optional.of(Scope.ALL);
        }
        Set<Long> departments = new HashSet<>();
        boolean any = false;
        for (Role role : roles) {
            for (Long d : departmentsWithRole(user.get().accountId(), community.get().id(), role)) {
                if (d == null) {
                    return Optional.of(Scope.ALL);
                }
                departments.add(d);
                any = true;
            }
        }
        return any ? Optional.of(new Scope(false, Set.copyOf(departments))) : Optional.empty();
    }

    /** The departments a role covers; {@link #ALL} for the whole community. */
    record Scope(boolean all, Set<Long> departments) {

        public static final Scope ALL = new Scope(true, Set.of());

        public boolean covers(@Nullable Long departmentId) {
            return all || (departmentId != null && departments.contains(departmentId));
        }
    }

    /** Whether the current user may open a page that requires one of these roles (as {@link #require} would allow). */
    default boolean currentUserHasAny(Collection<Role> roles) {
        return roles.stream().anyMatch(this::currentUserHas);
    }

    default boolean currentUserHas(Role role) {
        return currentUser().map(u -> u.platformAdmin() || CurrentCommunity.find()
                .map(c -> hasRole(u.accountId(), c.id(), role)).orElse(false)).orElse(false);
    }
}
