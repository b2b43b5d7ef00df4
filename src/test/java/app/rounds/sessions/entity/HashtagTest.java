package app.rounds.sessions.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HashtagTest {

    @Test
    void keepsWhatWasTypedWithoutTheHashAndComparesCaseInsensitively() {
        Hashtag typed = Hashtag.parse("#HandHygiene2026").orElseThrow();
        assertEquals("HandHygiene2026", typed.text());
        assertEquals("handhygiene2026", typed.key());
        assertEquals(typed, Hashtag.parse("handhygiene2026").orElseThrow());
        assertEquals(typed, Hashtag.parse("  #HANDHYGIENE2026 ").orElseThrow());
        assertNotEquals(typed, Hashtag.parse("HandHygiene2027").orElseThrow());
    }

    @Test
    void acceptsLettersOfAnyScriptDigitsAndUnderscore() {
        assertEquals("Händehygiene_2026", Hashtag.parse("#Händehygiene_2026").orElseThrow().text());
        assertEquals("hygiènedesmains", Hashtag.parse("hygiènedesmains").orElseThrow().key());
        assertEquals("x", Hashtag.parse("X").orElseThrow().key());
    }

    @Test
    void emptyMeansNoHashtag() {
        assertTrue(Hashtag.parse(null).isEmpty());
        assertTrue(Hashtag.parse("   ").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hand hygiene", "hand-hygiene", "#", "##tag", "tag!", "2026", "_2026_",
            "a23456789012345678901234567890123456789012345678901"})
    void refusesWhatIsNotAHashtag(String typed) {
        assertThrows(IllegalArgumentException.class, () -> Hashtag.parse(typed));
    }
}
