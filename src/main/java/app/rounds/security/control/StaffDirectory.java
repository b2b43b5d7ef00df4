package app.rounds.security.control;

import app.rounds.audit.control.AuditLog;

import app.rounds.platform.control.FieldMessages;
import app.rounds.platform.control.ProblemException;
import app.rounds.platform.control.ProblemException.FieldError;
import app.rounds.platform.control.UniqueConstraints;
import app.rounds.security.entity.StaffUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.text.Normalizer;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Creates and changes staff accounts. Guards the rules an admin could otherwise break by accident: user names are
 * unique and simple, passwords long enough, and there is always at least one enabled admin left.
 */
@ApplicationScoped
@Transactional
public class StaffDirectory {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher passwords;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    Event<CredentialsWithdrawn> withdrawn;

    /** A new user, by an admin ({@code actor}): the roles given are on record in the audit trail. */
    public StaffMember createUser(String username, String displayName, String password, Collection<String> roles,
                                  String actor) {
        String name = normalizeUsername(username);
        PasswordHasher.checkStrength("password", password);
        Set<String> parsedRoles = parseRoles(roles);
        if (findEntity(name).isPresent()) {
            throw usernameTaken();
        }
        StaffUser user = new StaffUser(name, displayNameOrUsername(displayName, name), passwords.hash(password),
                parsedRoles, clock.instant());
        em.persist(user);
        UniqueConstraints.flush(em, "uq_staff_user_username", StaffDirectory::usernameTaken);
        audit.record(actor, "staff-user.created", subject(user),
                Map.of("roles", List.copyOf(parsedRoles), "enabled", true));
        return StaffMember.of(user);
    }

    /** Changes a user; a change of roles or of whether the account is enabled goes on record. */
    public StaffMember updateUser(String username, String displayName, Collection<String> roles, boolean enabled,
                                  String actor) {
        StaffUser user = existing(username);
        Set<String> parsedRoles = parseRoles(roles);
        boolean losesAdmin = user.hasRole(Roles.ADMIN) && user.enabled()
                && (!parsedRoles.contains(Roles.ADMIN) || !enabled);
        if (losesAdmin && lockEnabledAdmins().size() <= 1) {
            throw ProblemException.conflict("last-admin", "At least one enabled admin must remain.");
        }
        Set<String> rolesBefore = Set.copyOf(user.roles());
        boolean enabledBefore = user.enabled();
        user.rename(displayNameOrUsername(displayName, user.username()));
        user.assignRoles(parsedRoles);
        user.enable(enabled);
        if (!parsedRoles.containsAll(rolesBefore) || enabledBefore && !enabled) {
            withdrawn.fire(new CredentialsWithdrawn(user.username()));
        }
        if (!rolesBefore.equals(parsedRoles) || enabledBefore != enabled) {
            audit.record(actor, "staff-user.roles-changed", subject(user), Map.of(
                    "rolesBefore", new TreeSet<>(rolesBefore), "roles", new TreeSet<>(parsedRoles),
                    "enabledBefore", enabledBefore, "enabled", enabled));
        }
        concurrentChangeSurfacesHere();
        return StaffMember.of(user);
    }

    /** Sets a new password; the user's sessions and bearer tokens from before stop working. */
    public void resetPassword(String username, String newPassword) {
        PasswordHasher.checkStrength("password", newPassword);
        StaffUser user = existing(username);
        user.changePasswordHash(passwords.hash(newPassword), clock.instant());
        withdrawn.fire(new CredentialsWithdrawn(user.username()));
        concurrentChangeSurfacesHere();
    }

    /**
     * Changes one's own password, given the current one; empty when that was wrong. Sessions and bearer tokens from
     * before stop working.
     */
    public Optional<StaffMember> changeOwnPassword(String username, String currentPassword, String newPassword) {
        PasswordHasher.checkStrength("newPassword", newPassword);
        StaffUser user = existing(username);
        if (currentPassword == null || !passwords.verify(currentPassword, user.passwordHash())) {
            return Optional.empty();
        }
        user.changePasswordHash(passwords.hash(newPassword), clock.instant());
        withdrawn.fire(new CredentialsWithdrawn(user.username()));
        concurrentChangeSurfacesHere();
        return Optional.of(StaffMember.of(user));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StaffMember> listUsers() {
        return em.createNamedQuery(StaffUser.FIND_ALL, StaffUser.class).getResultList().stream()
                .map(StaffMember::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StaffMember user(String username) {
        return StaffMember.of(existing(username));
    }

    /** The user of that name, enabled or not, if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StaffMember> find(String username) {
        return findEntity(username).map(StaffMember::of);
    }

    /** The user with that id (as other components keep it), if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StaffMember> findById(String id) {
        return Optional.ofNullable(id == null ? null : em.find(StaffUser.class, id)).map(StaffMember::of);
    }

    /** The enabled user of that name, if any: what authentication trusts. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StaffMember> findEnabled(String username) {
        return findEntity(username).filter(StaffUser::enabled).map(StaffMember::of);
    }

    /** Checks a password; unknown and disabled users take as long as known ones, and all three fail alike. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StaffMember> authenticate(String username, String password) {
        Optional<StaffUser> user = findEntity(username);
        if (user.isEmpty() || password == null) {
            passwords.verifyDecoy(password == null ? "" : password);
            return Optional.empty();
        }
        boolean matches = passwords.verify(password, user.get().passwordHash());
        return matches && user.get().enabled() ? Optional.of(StaffMember.of(user.get())) : Optional.empty();
    }

    /**
     * Creates the first admin when no enabled admin exists; returns false when there already is one. Runs once at
     * start-up, before anyone can log in.
     */
    public boolean createFirstAdminIfNone(String username, String password) {
        if (!lockEnabledAdmins().isEmpty()) {
            return false;
        }
        String name = normalizeUsername(username);
        Optional<StaffUser> existing = findEntity(name);
        if (existing.isPresent()) {
            // a user of that name exists but is no (enabled) admin: make it one again, with the given password
            StaffUser user = existing.get();
            Set<String> roles = new LinkedHashSet<>(user.roles());
            roles.add(Roles.ADMIN);
            user.assignRoles(roles);
            user.enable(true);
            user.changePasswordHash(passwords.hash(password), clock.instant());
            audit.record(AuditLog.SYSTEM, "staff-user.roles-changed", subject(user),
                    Map.of("roles", new TreeSet<>(roles), "enabled", true, "reason", "no enabled admin at start"));
        } else {
            StaffUser admin = new StaffUser(name, "Administrator", passwords.hash(password), Set.of(Roles.ADMIN),
                    clock.instant());
            em.persist(admin);
            audit.record(AuditLog.SYSTEM, "staff-user.created", subject(admin),
                    Map.of("roles", List.of(Roles.ADMIN), "enabled", true, "reason", "first admin"));
        }
        return true;
    }

    /**
     * The enabled admins, locked until the transaction ends: two admins removing each other's admin role at the same
     * moment are served one after the other, so the second sees the first's change and the last admin stays.
     */
    private List<StaffUser> lockEnabledAdmins() {
        return em.createNamedQuery(StaffUser.FIND_ENABLED_WITH_ROLE, StaffUser.class)
                .setParameter("role", Roles.ADMIN)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /**
     * Writes the change now: a user changed by someone else since it was read fails here, as an
     * OptimisticLockException the problem mappers answer with 409 concurrent-change. Left to the commit after the
     * method, it came wrapped in a TransactionalException that Jersey's own mapper for it failed on (500).
     */
    private void concurrentChangeSurfacesHere() {
        em.flush();
    }

    private static ProblemException usernameTaken() {
        return ProblemException.conflictOnField("username-taken", "username", "This user name is already taken.");
    }

    private StaffUser existing(String username) {
        return findEntity(username).orElseThrow(
                () -> ProblemException.notFound("user-not-found", "There is no user '" + username + "'."));
    }

    private Optional<StaffUser> findEntity(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return em.createNamedQuery(StaffUser.FIND_BY_USERNAME, StaffUser.class)
                .setParameter("username", canonicalUsername(username))
                .getResultStream().findFirst();
    }

    /**
     * The one form of a typed user name, for lookup, uniqueness and login throttling alike: compatibility forms
     * folded (full-width "ｒｅｖ２"), accents dropped ("rév2", "RĖV2"), spaces around it trimmed, lower case. The
     * database's collation already matched these to one user; the throttle must count them as one name too.
     */
    public static String canonicalUsername(String username) {
        if (username == null) {
            return "";
        }
        String folded = Normalizer.normalize(Normalizer.normalize(username, Normalizer.Form.NFKC), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        return folded.strip().toLowerCase(Locale.ROOT);
    }

    static String normalizeUsername(String username) {
        usernameProblem(username).ifPresent(e -> {
            throw ProblemException.invalidField(e.field(), e.message());
        });
        return canonicalUsername(username);
    }

    /** Why a typed user name cannot be one, in words; empty when it can (a missing one is the constraints' to say). */
    public static Optional<FieldError> usernameProblem(String username) {
        return USERNAME.matcher(canonicalUsername(username)).matches() ? Optional.empty()
                : Optional.of(new FieldError("username", FieldMessages.sentence("username.form", "username")));
    }

    static Set<String> parseRoles(Collection<String> roles) {
        rolesProblem(roles).ifPresent(e -> {
            throw ProblemException.invalidField(e.field(), e.message());
        });
        Set<String> parsed = new LinkedHashSet<>();
        for (String role : roles) {
            parsed.add(Roles.parse(role).orElseThrow());
        }
        return parsed;
    }

    /** Why a list of role names will not do: none, or one Rounds does not know. */
    public static Optional<FieldError> rolesProblem(Collection<String> roles) {
        if (roles == null || roles.isEmpty()) {
            return Optional.of(new FieldError("roles", FieldMessages.sentence("roles.NotEmpty", "roles")));
        }
        return roles.stream().filter(role -> Roles.parse(role).isEmpty()).findFirst()
                .map(unknown -> new FieldError("roles", FieldMessages.sentence("roles.unknown", "roles",
                        Map.of("role", String.valueOf(unknown)))));
    }

    private static AuditLog.Subject subject(StaffUser user) {
        return new AuditLog.Subject("staff-user", user.username(), null);
    }

    private static String displayNameOrUsername(String displayName, String username) {
        return displayName == null || displayName.isBlank() ? username : displayName.strip();
    }
}
