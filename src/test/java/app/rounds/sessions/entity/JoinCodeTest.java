package app.rounds.sessions.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JoinCodeTest {

    @Test
    void alphabetHasNoLookAlikes() {
        for (char ambiguous : "01OILoil".toCharArray()) {
            assertFalse(JoinCode.ALPHABET.indexOf(ambiguous) >= 0, "alphabet contains " + ambiguous);
        }
        assertEquals(31, JoinCode.ALPHABET.length());
    }

    @Test
    void randomCodesUseOnlyTheAlphabetAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = JoinCode.random().value();
            assertEquals(JoinCode.LENGTH, code.length());
            assertTrue(code.chars().allMatch(c -> JoinCode.ALPHABET.indexOf(c) >= 0), code);
            seen.add(code);
        }
        assertEquals(10_000, seen.size(), "31^8 codes: 10,000 draws should never collide");
    }

    @Test
    void everySymbolIsDrawn() {
        Set<Integer> symbols = new HashSet<>();
        Random seeded = new Random(42);
        for (int i = 0; i < 1000; i++) {
            JoinCode.random(seeded).value().chars().forEach(symbols::add);
        }
        assertEquals(JoinCode.ALPHABET.length(), symbols.size());
    }

    @Test
    void isShownInTwoGroupsAndReadForgivingly() {
        JoinCode code = JoinCode.parse("K7MX3QPA").orElseThrow();
        assertEquals("K7MX-3QPA", code.display());
        assertEquals(code, JoinCode.parse("k7mx-3qpa").orElseThrow());
        assertEquals(code, JoinCode.parse(" K7MX 3QPA ").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "K7MX3QP", "K7MX3QPAA", "K7MX3QP0", "K7MX3QPI", "K7MX3QP!"})
    void refusesWhatCannotBeACode(String typed) {
        assertTrue(JoinCode.parse(typed).isEmpty());
    }
}
