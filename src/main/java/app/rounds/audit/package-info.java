/**
 * The audit trail: every moderation decision, review decision, publish and unpublish, consent change and role change,
 * appended in the transaction that makes the change, so a decision and its record commit or fail together.
 *
 * <p>Decisions: entries are never updated or deleted; each carries the SHA-256 of the one before it (a hash chain),
 * computed over a length-prefixed encoding of its fields, so a row changed, removed or inserted behind the
 * application's back breaks the chain at that row. Appends lock one head row: entries get consecutive numbers, and
 * concurrent decisions queue for the few milliseconds an append takes. The chain is verified on demand and exported as
 * JSON Lines for archiving elsewhere.
 */
package app.rounds.audit;
