package app.rounds.screening.control;

import app.rounds.screening.entity.Finding;
import app.rounds.screening.entity.Reason;
import app.rounds.screening.entity.Screening;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScreenerTest {

    private final Screener screener = new Screener(ProfanityList.defaults());

    @Test
    void findingsPointAtTheExactCharacters() {
        String text = "Mrs Patel, DOB 03/04/1950, call 07700 900123 - this fucking pump!";
        Screening screening = screener.screen(text);

        assertEquals(List.of("0-9 PERSON_NAME", "15-25 DATE_OF_PERSON", "32-44 PHONE_OR_FAX", "52-59 PROFANITY"),
                screening.findings().stream().map(f -> f.start() + "-" + f.end() + " " + f.reason()).toList());
        assertEquals(List.of("a name after a title", "a date after 'DOB'", "a phone number",
                "on the profanity word list"), screening.findings().stream().map(Finding::why).toList());
        assertEquals(List.of("Mrs Patel", "03/04/1950", "07700 900123", "fucking"),
                screening.findings().stream().map(f -> f.excerpt(text)).toList());
        assertEquals(Set.of(Reason.PERSON_NAME, Reason.DATE_OF_PERSON, Reason.PHONE_OR_FAX, Reason.PROFANITY),
                screening.reasons());
    }

    @Test
    void keywordAnchoredFindingsCoverTheValueNotTheKeyword() {
        String text = "MRN 4829103 and serial number 4ZK83920, email k.morgan@nhs.net";
        List<String> excerpts = screener.screen(text).findings().stream().map(f -> f.excerpt(text)).toList();
        assertEquals(List.of("4829103", "4ZK83920", "k.morgan@nhs.net"), excerpts);
    }

    @Test
    void multiWordPhrasesAreOneFinding() {
        String text = "Qué hijo de puta";
        Finding finding = screener.screen(text).findings().get(0);
        assertEquals("hijo de puta", finding.excerpt(text));
        assertEquals(Reason.PROFANITY, finding.reason());
    }

    @Test
    void whatReadsLikeADiagnosisOrPersonalAdviceIsFlaggedButTeachingIsNot() {
        Screener screener = new Screener();
        for (String advice : List.of("Sounds like you have a DVT, honestly.", "You probably have sepsis.",
                "Your diagnosis is heart failure", "You should stop taking your blood thinners before the trip",
                "Your mum doesn't need a doctor for that", "Sie haben wahrscheinlich eine Lungenentzündung",
                "Vous avez probablement une angine", "Usted tiene probablemente gripe")) {
            assertEquals(Set.of(Reason.MEDICAL_ADVICE), screener.screen(advice).reasons(), advice);
        }
        for (String teaching : List.of("How do we know a patient has sepsis?", "What dose of insulin should we start?",
                "When should the patient stop taking warfarin before surgery?", "Does the diagnosis need a CT?")) {
            assertFalse(screener.screen(teaching).flagged(), teaching);
        }
    }

    @Test
    void nullAndBlankAreClean() {
        assertSame(Screening.clean(), screener.screen(null));
        assertFalse(screener.screen("").flagged());
        assertFalse(screener.screen(" \n\t ").flagged());
        assertTrue(Screening.clean().reasons().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"The assessment was useful", "Scunthorpe General", "The analysis of the ABG",
            "a cocktail of analgesics", "grape juice and warfarin", "the therapist was great", "Cockcroft-Gault",
            "Hancock ward", "cul-de-sac de Douglas", "coger una vía", "ASS 100 mg", "Nifedipin retard",
            "con 5 mg de morfina", "heces de color negro", "the pump titration", "Arsenal fans", "Dickens ward"})
    void wordsThatMerelyContainOrResembleProfanityAreClean(String text) {
        assertFalse(screener.screen(text).flagged(), () -> text + ": " + screener.screen(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHIT", "sh1t", "$hit", "f*ck", "shiiiit", "Scheißdienst", "coño", "enculé", "encule",
            "FUCKING hell"})
    void caseAccentsAndCheapDisguisesAreSeenThrough(String text) {
        assertEquals(Set.of(Reason.PROFANITY), screener.screen(text).reasons(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5 mg/kg", "0.9% saline 500 ml", "BP 120/80", "HR 110", "SpO2 94%", "temp 38.5",
            "14:30", "at 2pm", "q6h", "K+ 5.8 mmol/L", "HbA1c 7.2%", "INR 2.5", "Hb 9.8 g/dL", "the 2019 guideline",
            "room 204", "Raum 3.12", "salle 12", "NICE NG51", "a 45-year-old", "Alaris GP pump", "60-100",
            "the 2024-05-01 update", "on 12/03 we changed the protocol", "10 000 000 units", "2019-2024",
            "Dr Smith taught us", "patients over 90", "Patient Controlled Analgesia", "wenn der Patient Fieber hat"})
    void ordinaryTrainingTalkIsClean(String text) {
        assertFalse(screener.screen(text).flagged(), () -> text + ": " + screener.screen(text));
    }

    @Test
    void aDirectoryListReplacesTheDefaultOfItsLanguageOnly(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("en.txt"), "# ward slang\nblimey\nbother it\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("notes.md"), "not a list", StandardCharsets.UTF_8);
        Screener custom = new Screener(ProfanityList.load(dir));

        assertEquals(Set.of(Reason.PROFANITY), custom.screen("Blimey, the pump again").reasons());
        assertEquals(Set.of(Reason.PROFANITY), custom.screen("oh bother it").reasons());
        assertFalse(custom.screen("this fucking pump").flagged(), "the default English list is replaced");
        assertTrue(custom.screen("So eine Scheiße").flagged(), "the German default stays");
        assertTrue(custom.screen("Mrs Patel in bed 4").flagged(), "patient data is screened as before");
    }

    @Test
    void aDirectoryMayAddALanguage(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("it.txt"), "vaffanculo\n", StandardCharsets.UTF_8);
        ProfanityList words = ProfanityList.load(dir);
        assertEquals(Set.of("de", "en", "es", "fr", "it"), words.languages());
        assertTrue(words.contains("Vaffanculo"));
        assertTrue(words.contains("FUCK"));
    }

    @Test
    void aMissingDirectoryIsRefused(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class, () -> ProfanityList.load(dir.resolve("missing")));
    }

    @Test
    void theDefaultListsAreModestButReal() {
        ProfanityList defaults = ProfanityList.defaults();
        for (String language : ProfanityList.DEFAULT_LANGUAGES) {
            int size = defaults.entries(language).size();
            assertTrue(size >= 30 && size <= 80, language + " has " + size + " entries");
        }
    }

    @Test
    void theCdiConstructorWorksWithoutAConfigImplementation() {
        assertTrue(new Screener().screen("Putain de pompe").flagged());
    }

    @Test
    void oddInputNeverThrows() {
        StringBuilder odd = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            odd.append(i % 7 == 0 ? "::" : i % 5 == 0 ? "1-" : i % 3 == 0 ? "Mr " : "9 ");
        }
        screener.screen(odd.toString());
        screener.screen("\uD83D\uDE00 \uD83D emoji and a lone surrogate, ﬁ ligature, e\u0301 combining");
        screener.screen("a".repeat(100_000));
    }
}
