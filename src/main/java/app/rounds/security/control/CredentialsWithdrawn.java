package app.rounds.security.control;

/**
 * A staff member's credentials, or part of them, stopped counting: a bearer token revoked, the password reset or
 * changed, the account disabled, a role removed. Fired in the transaction that did it; observers after its commit
 * close what those credentials opened (live moderation streams) at once instead of at their next check.
 */
public record CredentialsWithdrawn(String username) {
}
