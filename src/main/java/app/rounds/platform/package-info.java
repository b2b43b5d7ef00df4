/**
 * Cross-cutting plumbing every component stands on: the datasource and its Flyway migrations, one way to answer
 * errors (RFC 9457 problem details), the clock, rate limits, security headers, health checks and the JAX-RS
 * application. It holds no business rules.
 *
 * <p>Decisions: Flyway owns the schema (EclipseLink never generates it); the database is configured only through
 * MicroProfile Config ({@code ROUNDS_DB_URL}, {@code ROUNDS_DB_USER}, {@code ROUNDS_DB_PASSWORD}); every error a
 * client sees is {@code application/problem+json} with a stable {@code type}, and no stack trace.
 */
package app.rounds.platform;
