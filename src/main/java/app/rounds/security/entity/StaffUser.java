package app.rounds.security.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A staff member who logs in. The password is kept only as a PBKDF2 hash. */
@Entity
@Table(name = "staff_user")
@NamedQuery(name = StaffUser.FIND_BY_USERNAME, query = "SELECT u FROM StaffUser u WHERE u.username = :username")
@NamedQuery(name = StaffUser.FIND_ALL, query = "SELECT u FROM StaffUser u ORDER BY u.username")
@NamedQuery(name = StaffUser.FIND_ENABLED_WITH_ROLE,
        query = "SELECT u FROM StaffUser u JOIN u.roles r WHERE r = :role AND u.enabled = TRUE")
public class StaffUser {

    public static final String FIND_BY_USERNAME = "StaffUser.findByUsername";
    public static final String FIND_ALL = "StaffUser.findAll";
    public static final String FIND_ENABLED_WITH_ROLE = "StaffUser.findEnabledWithRole";

    @Id
    private String id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 120)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", nullable = false, length = 20)
    private Set<String> roles = new TreeSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** When the password last changed; sessions and tokens from before then no longer count. */
    @Column(name = "credentials_changed_at")
    private Instant credentialsChangedAt;

    @Version
    private long version;

    protected StaffUser() {
    }

    public StaffUser(String username, String displayName, String passwordHash, Collection<String> roles,
                     Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = true;
        this.roles = new TreeSet<>(roles);
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean enabled() {
        return enabled;
    }

    public Set<String> roles() {
        return Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public void rename(String displayName) {
        this.displayName = displayName;
    }

    public void assignRoles(Collection<String> roles) {
        this.roles.clear();
        this.roles.addAll(roles);
    }

    /** Whether a credential issued at that instant still stands: not if the password has changed since. */
    public boolean credentialsUnchangedSince(Instant issuedAt) {
        return credentialsChangedAt == null || !issuedAt.isBefore(credentialsChangedAt);
    }

    public Instant credentialsChangedAt() {
        return credentialsChangedAt;
    }

    public void changePasswordHash(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.credentialsChangedAt = now;
    }

    public void enable(boolean enabled) {
        this.enabled = enabled;
    }
}
