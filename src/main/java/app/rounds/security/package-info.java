/**
 * Staff accounts, roles and authentication. Staff (admin, presenter, communicator, reviewer) live in the database
 * with PBKDF2 password hashes behind {@link app.rounds.security.control.StaffIdentityStore}.
 *
 * <p>Decisions: one authentication mechanism serves three ways in, all on the same identity store and roles: a browser
 * session (HttpOnly, SameSite=Strict cookie; changes need the session's CSRF token in {@code X-CSRF-Token}), a bearer
 * token issued by {@code POST /api/auth/tokens} (stored only as a SHA-256 hash), and HTTP Basic (for TLS-terminated
 * production). 401 answers challenge with {@code Bearer}, never {@code Basic}, so a browser never caches Basic
 * credentials that a cross-site request could ride on. Every resource method declares who may call it
 * ({@code @RolesAllowed} or {@code @PermitAll}); {@link app.rounds.security.boundary.RoleCheck} enforces it and denies
 * methods that declare nothing. Failed password checks are throttled by {@link app.rounds.security.control.LoginThrottle}:
 * a device that logged in as the user before (its signed device cookie, {@link app.rounds.security.control.TrustedDevices})
 * is judged by its own failures only, so guesses from a shared hospital address or at the account from many addresses
 * slow guessing without locking colleagues out (docs/SECURITY.md).
 */
package app.rounds.security;
