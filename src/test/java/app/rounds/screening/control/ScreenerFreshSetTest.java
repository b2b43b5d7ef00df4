package app.rounds.screening.control;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The issue-12 sets, written by people who had not seen the rules: fresh-2026-12.tsv, run once before any change;
 * dev-2026-12.tsv, run once after the first round of rules; both tuned on since (docs/SCREENING.md keeps their first
 * runs). Reported, not asserted: their figures are tuned ones. The final set, sealed-2026-12.tsv, was written before
 * any tuning by people who saw neither the rules nor the other sets, and run once at the end: its figures count.
 */
@Tag("slow") // seconds, not milliseconds: run by verify, not by ./mvnw test
class ScreenerFreshSetTest {

    /**
     * The public contacts of the organisations in the writers' brief (docs/screening/WRITERS-SPEC.md), as a hospital
     * configures its own: posts that use them are hard negatives.
     */
    static final OrganisationContacts ORGANISATIONS = OrganisationContacts.of(
            "0161 496 0000, 0161 496 0712, (503) 555-0100, (503) 555-0147, 0511 970-*, 02 35 10 20 30, 954 00 10 00,"
                    + " 213 000 100, 02 5000 1000, 024 300 4000",
            "northfield.nhs.uk, riversidemc.org, klinikum-nordstadt.de, ch-valmont.fr, hus-sevilla.es, hsclara.pt,"
                    + " ospedalesanlorenzo.it, zro.nl",
            "Northfield General Hospital, Moor Lane, Manchester M23 9LT; Riverside Medical Center, 1200 Harbor Blvd,"
                    + " Portland, OR 97201; Klinikum Nordstadt, Bertastraße 12, 30167 Hannover; Centre Hospitalier de"
                    + " Valmont, 14 rue des Tilleuls, 76000 Rouen; Hospital Universitario del Sur, Avenida de la Palmera"
                    + " 40, 41013 Sevilla; Hospital de Santa Clara, Rua do Salitre 20, 1250-199 Lisboa; Ospedale San"
                    + " Lorenzo, Via Carlo Pisacane 11, 20129 Milano; Ziekenhuis Rivierenland-Oost, Ziekenhuisweg 8,"
                    + " 6525 GA Nijmegen");

    private final Screener screener = new Screener(ProfanityList.defaults(), ORGANISATIONS);

    @Test
    void freshSetWrittenBeforeTheTuning() {
        System.out.println(new FreshSetReport("fresh-2026-12.tsv", screener).render());
    }

    @Test
    void secondSetWrittenAfterTheFirstRound() {
        System.out.println(new FreshSetReport("dev-2026-12.tsv", screener).render());
    }

    @Test
    void thirdSetWrittenAfterTheSecondRound() {
        System.out.println(new FreshSetReport("dev3-2026-12.tsv", screener).render());
    }

    @Test
    void adviceSetWrittenAfterTheFinalRun() {
        System.out.println(new FreshSetReport("dev4-2026-12.tsv", screener).render());
    }

    @Test
    void weakKindsSetWrittenForTheThirdRound() {
        System.out.println(new FreshSetReport("dev5a-2026-12.tsv", screener).render());
    }

    @Test
    void specialtiesSetWrittenDuringTheThirdRound() {
        System.out.println(new FreshSetReport("dev10a-2026-12.tsv", screener).render());
    }

    @Test
    void hospitalWeakKindsSetWrittenDuringTheThirdRound() {
        System.out.println(new FreshSetReport("dev10b-2026-12.tsv", screener).render());
    }

    @Test
    void communitySetWrittenDuringTheThirdRound() {
        System.out.println(new FreshSetReport("dev9a-2026-12.tsv", screener).render());
    }

    @Test
    void studyDaySetWrittenDuringTheThirdRound() {
        System.out.println(new FreshSetReport("dev8a-2026-12.tsv", screener).render());
    }

    @Test
    void localFormatsSetWrittenDuringTheThirdRound() {
        System.out.println(new FreshSetReport("dev8b-2026-12.tsv", screener).render());
    }

    @Test
    void realisticMixSetWrittenDuringTheThirdRound() {
        System.out.println(new FreshSetReport("dev7a-2026-12.tsv", screener).render());
    }

    @Test
    void trainingWorldSetWrittenDuringTheThirdRound() {
        System.out.println(new FreshSetReport("dev7b-2026-12.tsv", screener).render());
    }

    @Test
    void variedFormsSetWrittenDuringTheThirdRound() {
        System.out.println(new FreshSetReport("dev6a-2026-12.tsv", screener).render());
    }

    @Test
    void nearMissSetWrittenDuringTheThirdRound() {
        System.out.println(new FreshSetReport("dev6b-2026-12.tsv", screener).render());
    }

    @Test
    void languagesSetWrittenForTheThirdRound() {
        System.out.println(new FreshSetReport("dev5b-2026-12.tsv", screener).render());
    }

    /**
     * The issue-12 sets tuned on, pooled and per language, as regression guards: these are tuned figures, so a drop
     * below them means a rule broke, not that unseen text got harder (the sealed sets say how the rules carry).
     */
    @Test
    void theTunedSetsStayWhereTuningLeftThem() {
        List<FreshSetReport.Outcome> pooled = new java.util.ArrayList<>();
        for (String set : List.of("fresh-2026-12.tsv", "dev-2026-12.tsv", "dev3-2026-12.tsv", "dev4-2026-12.tsv",
                "dev5a-2026-12.tsv", "dev5b-2026-12.tsv", "dev6a-2026-12.tsv", "dev6b-2026-12.tsv",
                "dev7a-2026-12.tsv", "dev7b-2026-12.tsv", "dev8a-2026-12.tsv", "dev8b-2026-12.tsv",
                "dev9a-2026-12.tsv", "dev10a-2026-12.tsv", "dev10b-2026-12.tsv")) {
            pooled.addAll(new FreshSetReport(set, screener).outcomes);
        }
        FreshSetReport.Figures all = FreshSetReport.Figures.of(pooled);
        assertTrue(all.recall() >= 0.95, () -> "PHI recall " + all.recall());
        assertTrue(all.precision() >= 0.95, () -> "PHI precision " + all.precision());
        assertTrue(all.adviceRecall() >= 0.90, () -> "advice recall " + all.adviceRecall());
        assertTrue(all.adviceFalseRate() <= 0.03, () -> "advice false " + all.adviceFalseRate());
        for (String language : List.of("en", "es", "de", "fr", "pt", "it", "nl")) {
            FreshSetReport.Figures figures = FreshSetReport.Figures.of(pooled.stream()
                    .filter(o -> o.example().language().equals(language)).toList());
            assertTrue(figures.recall() >= 0.85 && figures.adviceRecall() >= 0.80,
                    () -> language + ": PHI recall " + figures.recall() + ", advice recall " + figures.adviceRecall());
        }
    }

    /**
     * The third final set: committed sealed (4145aee) before the third round's last rules, run once at the end of that
     * round (docs/SCREENING.md), never tuned on.
     */
    @Test
    void thirdFinalSetRunOnceAtTheEndOfTheThirdRound() {
        System.out.println(new FreshSetReport("sealed3-2026-12.tsv", screener).render());
    }

    /** The second final set: committed sealed (1022a16) before the advice round, run once at 74a8ace, never tuned on. */
    @Test
    void secondFinalSetRunOnceAfterTheAdviceRound() {
        System.out.println(new FreshSetReport("sealed2-2026-12.tsv", screener).render());
    }

    /** The final set: committed sealed before any tuning (9cfb2c9), run once at ae8e246, never tuned on. */
    @Test
    void finalSetRunOnceAtTheEnd() {
        System.out.println(new FreshSetReport("sealed-2026-12.tsv", screener).render());
    }
}
