package app.rounds.audit.entity;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class AuditEntryTest {

    static final Instant AT = Instant.parse("2026-11-28T10:00:00.123456Z");

    static AuditEntry entry(String actor, String subjectId, String sessionId, String detail, String prev) {
        return new AuditEntry(7, AT, actor, "highlight.approved", "highlight", subjectId, sessionId, detail, prev);
    }

    @Test
    void theHashCoversEveryFieldAndTheHashBefore() {
        AuditEntry entry = entry("ana", "h1", "s1", "{\"a\":1}", AuditEntry.GENESIS);
        assertEquals(64, entry.hash().length());
        assertEquals(entry.hash(), entry.computedHash(), "recomputed alike");
        assertEquals(entry.hash(), entry("ana", "h1", "s1", "{\"a\":1}", AuditEntry.GENESIS).hash());
        assertNotEquals(entry.hash(), entry("bob", "h1", "s1", "{\"a\":1}", AuditEntry.GENESIS).hash());
        assertNotEquals(entry.hash(), entry("ana", "h2", "s1", "{\"a\":1}", AuditEntry.GENESIS).hash());
        assertNotEquals(entry.hash(), entry("ana", "h1", "s1", "{\"a\":2}", AuditEntry.GENESIS).hash());
        assertNotEquals(entry.hash(), entry("ana", "h1", "s1", "{\"a\":1}", "1".repeat(64)).hash());
    }

    @Test
    void fieldsCannotTradeCharactersOrPassNullForEmpty() {
        assertNotEquals(entry("an", "ah1", "s1", null, AuditEntry.GENESIS).hash(),
                entry("ana", "h1", "s1", null, AuditEntry.GENESIS).hash(), "length-prefixed: no shifting");
        assertNotEquals(entry("ana", "h1", null, null, AuditEntry.GENESIS).hash(),
                entry("ana", "h1", "", null, AuditEntry.GENESIS).hash(), "null is not the empty text");
    }
}
