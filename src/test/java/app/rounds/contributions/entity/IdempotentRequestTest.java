package app.rounds.contributions.entity;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdempotentRequestTest {

    @Test
    void aRequestIsTheSameExactlyWhenItsHashIsAndKeepsItsFirstAnswer() {
        IdempotentRequest first = new IdempotentRequest("p1", "key-1", "hash-a", 201, "{\"id\":\"q1\"}",
                Instant.parse("2026-12-07T10:00:00Z"));
        assertTrue(first.sameRequest("hash-a"));
        assertFalse(first.sameRequest("hash-b"));
        assertEquals(201, first.status());
        assertEquals("{\"id\":\"q1\"}", first.body());
    }
}
