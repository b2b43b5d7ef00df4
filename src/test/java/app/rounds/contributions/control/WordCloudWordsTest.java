package app.rounds.contributions.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WordCloudWordsTest {

    @Test
    void caseAccentsPunctuationAndPluralsFoldToOneWord() {
        String nurse = WordCloudWords.folded("nurse", "en");
        assertEquals(nurse, WordCloudWords.folded("Nurses", "en"));
        assertEquals(nurse, WordCloudWords.folded("NURSE!", "en"));
        assertEquals(nurse, WordCloudWords.folded("  the nurses ", "en"), "the stop word goes");
        assertEquals(WordCloudWords.folded("policy", "en"), WordCloudWords.folded("policies", "en"));
        assertEquals(WordCloudWords.folded("cafe", "en"), WordCloudWords.folded("Café", "en"));
    }

    @Test
    void differentWordsStayApart() {
        assertNotEquals(WordCloudWords.folded("calm", "en"), WordCloudWords.folded("chaotic", "en"));
        assertNotEquals(WordCloudWords.folded("hand hygiene", "en"), WordCloudWords.folded("hygiene", "en"));
    }

    @Test
    void onlyStopWordsLeaveNothing() {
        assertNull(WordCloudWords.folded("the", "en"));
        assertNull(WordCloudWords.folded("and so", "en"));
        assertNull(WordCloudWords.folded("!!!", "en"));
        assertNull(WordCloudWords.folded("und", "de"));
        assertNull(WordCloudWords.folded("les", "fr"));
        assertNull(WordCloudWords.folded("los", "es"));
        assertNull(WordCloudWords.folded("het", "nl"));
    }

    @Test
    void eachLanguageFoldsItsOwnPluralsAndAccents() {
        assertEquals(WordCloudWords.folded("Übung", "de"), WordCloudWords.folded("Übungen", "de"));
        assertEquals(WordCloudWords.folded("hôpital", "fr"), WordCloudWords.folded("l'Hôpital", "fr"));
        assertEquals(WordCloudWords.folded("équipe", "fr"), WordCloudWords.folded("équipes", "fr"));
        assertEquals(WordCloudWords.folded("enfermera", "es"), WordCloudWords.folded("Enfermeras", "es"));
        assertEquals(WordCloudWords.folded("oefening", "nl"), WordCloudWords.folded("oefeningen", "nl"));
    }

    @Test
    void stopWordsAreTheLanguagesOwn() {
        // "die" is German for "the", and an English word that a clinical drill may well be about
        assertNull(WordCloudWords.folded("die", "de"));
        assertEquals("die", WordCloudWords.folded("die", "en"));
    }

    @Test
    void anUnknownLanguageIsAMistakeOfTheCaller() {
        assertThrows(IllegalArgumentException.class, () -> WordCloudWords.folded("word", "xx"));
    }
}
