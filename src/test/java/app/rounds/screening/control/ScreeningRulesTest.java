package app.rounds.screening.control;

import app.rounds.screening.entity.Finding;
import app.rounds.screening.entity.Reason;
import app.rounds.screening.entity.Screening;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The issue-12 rules one by one: checksums, names without titles, context that lowers, advice, the organisation. */
class ScreeningRulesTest {

    private final Screener screener = new Screener(ProfanityList.defaults());

    private Set<Reason> reasons(String text) {
        return screener.screen(text).reasons();
    }

    @Test
    void checkDigitsOfNationalIds() {
        assertTrue(NationalIds.nhsNumber("943 476 5919"));
        assertFalse(NationalIds.nhsNumber("943 476 5918"));
        assertTrue(NationalIds.dutchBsn("111222333"));
        assertFalse(NationalIds.dutchBsn("111222334"));
        assertTrue(NationalIds.frenchNir("1 85 05 78 006 084 91"));
        assertFalse(NationalIds.frenchNir("1 85 05 78 006 084 36"));
        assertTrue(NationalIds.spanishId("12345678Z"));
        assertFalse(NationalIds.spanishId("12345678A"));
        assertTrue(NationalIds.italianCodiceFiscale("RSSMRA85T10A562S"));
        assertFalse(NationalIds.italianCodiceFiscale("RSSMRA85T10A562T"));
        assertTrue(NationalIds.portugueseNif("123456789"));
        assertFalse(NationalIds.portugueseNif("123456780"));
        assertTrue(NationalIds.germanKvnr("A123456780"));
        assertFalse(NationalIds.germanKvnr("A123456781"));
        assertTrue(NationalIds.usSsn("078-05-1120"));
        assertFalse(NationalIds.usSsn("666-05-1120"));
        assertTrue(NationalIds.vinCheckDigit("1M8GDM9AXKP042788"));
        assertFalse(NationalIds.vinCheckDigit("1M8GDM9A1KP042788"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Quick q: Priya Raghunathan keeps desatting on 2L",
            "wristband said KOWALCZYK, Tomasz but the chart disagrees",
            "bill in bay 2 keeps pulling his cannula out",
            "margaret pattersonn in bay 3 wants to go home",
            "Grace in side room 2 spiked a temp overnight",
            "will in bed 11 is asking for his wife, Mei, to stay",
            "frage zu yilmaz aus zimmer 12: sie verweigert die tabletten",
            "la abuela de la cama 7, Remedios, se ha caído",
            "wie heeft het infuus van fatima el amrani gecheckt?",
            "o joão pedro ferreira já se pode levantar?",
            "mevrouw Visser wil geen sondevoeding meer",
            "can someone call mr o'brien's wife back"})
    void namesWithoutTitlesAreFound(String text) {
        assertTrue(reasons(text).contains(Reason.PERSON_NAME), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Florence Nightingale would have loved this session",
            "Dr Okafor's talk on AKI was the best of the week",
            "Our educator Tom was on fire today",
            "Can someone explain why Parkinson's meds have to be given on time?",
            "Is the Glasgow Coma Scale still the best tool?",
            "Will there be a session on trach care for ward nurses?",
            "Grace under pressure: what a sim day",
            "Comment gérer l'agitation d'un patient Alzheimer la nuit ?",
            "Herr Kollege, gilt das auch für Kinder?",
            "the Birmingham trial on early mobilisation got mentioned"})
    void eponymsStaffAndOrdinaryWordsAreNotNames(String text) {
        assertFalse(reasons(text).contains(Reason.PERSON_NAME), text + ": " + screener.screen(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Age 91, frailty score 6, family want full escalation|AGE_OVER_89",
            "he's a hundred and two and asking for a pint|AGE_OVER_89",
            "la signora ha novantanove anni e vuole andare a casa|AGE_OVER_89",
            "Helga auf der 4B ist zweiundneunzig und will nach Hause|AGE_OVER_89",
            "photo of Doris beaming on her 100th birthday|AGE_OVER_89",
            "93F admitted with a NOF, daughter on her way|AGE_OVER_89",
            "handover: bay 3, F/92, post fall, for CT head|AGE_OVER_89",
            "she's in her late nineties and still does the crossword|AGE_OVER_89",
            "Patientin, 93 Jahre, nach Sturz aufgenommen|AGE_OVER_89",
            "she lives at 22 baker st with her son|ADDRESS",
            "the man in bed 6 lives on Elm Street, by the park|ADDRESS",
            "il CAP del paziente è 20861 e il distretto dice di no|ADDRESS",
            "transfer in from Thunder Bay, his postal code is P7B 5E1|ADDRESS",
            "un señor de un cortijo cerca de Écija, a hora y media del centro de salud|ADDRESS",
            "RTW musste in die Lister Meile 87, 4. OG ohne Aufzug|ADDRESS",
            "our oldest rehab patient, 102, walked the length of the ward|AGE_OVER_89",
            "vrouw, 96 jr, valpartij thuis, wil geen opname|AGE_OVER_89",
            "can someone check on tomas (97) in bed 9, buzzer going|AGE_OVER_89",
            "opa Kees wordt zondag 101 en wil per se naar huis|AGE_OVER_89",
            "'never thought I'd spend my 99th on a ward' says our patient in bay 1|AGE_OVER_89",
            "Teodoro from Bramhall again, third admission since June|ADDRESS",
            "la résidente du Pflegeheim… non: de la maison de retraite Les Tilleuls à Yvetot est tombée|ADDRESS",
            "Hannelore Wiesinger-Krautz, Bewohnerin aus dem Heim, kam mit Exsikkose|PERSON_NAME",
            "bewohner nr? kein, aber die kleine Mila im Inkubator 3 trinkt schlecht|PERSON_NAME",
            "Patientin am 04.11. entbunden, jetzt Fieber|DATE_OF_PERSON",
            "the son from bay 6 left his car, KW-LM 212, on the staff parkplatz again|VEHICLE_PLATE",
            "can pharmacy chase 25/HAEM/004417 for the man in side room 2|IDENTIFYING_NUMBER",
            "patient in bed 3 woont in 3511 LX maar dat staat niet in HiX|ADDRESS",
            "abbiamo un signore novantenne che vive da solo|AGE_OVER_89",
            "blood bank sample GS8812774 flagged as WBIT, do we re-bleed?|IDENTIFYING_NUMBER",
            "Einsatznummer der Leitstelle 4711-26-00938 aufs Übergabeprotokoll?|IDENTIFYING_NUMBER",
            "el nº de episodio 2026-URG-118374 sale duplicado|IDENTIFYING_NUMBER",
            "el marcapasos del señor de la 5, n/s NWR612047S, para cardio|DEVICE_SERIAL",
            "braccialetto: ESPOSITO, Immacolata. La richiesta era per un'altra paziente|PERSON_NAME",
            "mme lefebvre en chambre 214 refuse ses anticoagulants|PERSON_NAME",
            "DOB 1930, lives alone, NOK son|DATE_OF_PERSON",
            "pt #4471829 needs a repeat VBG|RECORD_NUMBER",
            "she lives at 221 W 34th St, apt 4B|ADDRESS",
            "transferred from Springfield, IL 62704 by air|ADDRESS",
            "Wohnort: Bad Tölz, Pflegegrad 3|ADDRESS",
            "Margaret (94) from Hathersage walked again today|AGE_OVER_89",
            "Farmer, 96, refused to get in the ambulance until the ewes were fed|AGE_OVER_89",
            "cama 12 - 95a - viene de Écija - hija de referencia|AGE_OVER_89",
            "n° de passage urgences 26-00931, le monsieur de Barentin, attend|ADDRESS",
            "RM0048213 still shows as an inpatient on the board|IDENTIFYING_NUMBER",
            "the man in 11 gave us his prison number, A4721CK, for the notes|IDENTIFYING_NUMBER",
            "found a hearing aid in bay 3, 2219A0473 on the back, it's the man who went home|DEVICE_SERIAL",
            "her member ID on the insurance card is W28841937-02|RECORD_NUMBER",
            "sie ist am 17.08. gestürzt und wurde erst zwei Tage später gefunden|DATE_OF_PERSON",
            "he was born on christmas day 1958 and never had a party|DATE_OF_PERSON",
            "slide 14 had the patient's full face in the corner, pull it please|FACE_OR_BIOMETRIC",
            "Adresse : 7 impasse des Mouettes, 76400 Fécamp, patiente du cas clinique, il faut le masquer|ADDRESS",
            "The Baker family on 7 have asked for the chaplain again|PERSON_NAME",
            "the whiteboard says WILL - NBM. Will is the patient, not the plan|PERSON_NAME",
            "the man in bay C is still just Unknown Male 0318-B on the system|IDENTIFYING_NUMBER",
            "found his driving licence in his jacket, HARTL609148JB9NT, police can trace his family|RECORD_NUMBER",
            "de polsband van mevrouw in bed 3 scant niet, de code eronder is ZRO-0093-4471|IDENTIFYING_NUMBER",
            "il paziente ha un impianto cocleare, numero di serie sul tesserino 1103-57-A9921|DEVICE_SERIAL",
            "ich hab das Gesichtsfoto der Patientin in die Gruppe gestellt|FACE_OR_BIOMETRIC",
            "oldest patient on the ward this week: 102 and still lives on her own|AGE_OVER_89",
            "la abuela de 97 que vino de una residencia de Alcalá de Guadaíra|AGE_OVER_89",
            "At 102, Winifred still walks to the corner shop every morning|AGE_OVER_89",
            "Pt was 101!! lives alone in a bungalow in Marple|ADDRESS",
            "Heinz-Otto kommt aus 31535 Neustadt am Rübenberge|ADDRESS",
            "can we go over CAD ref 7734102 tonight?|IDENTIFYING_NUMBER",
            "il marito della pz arriva con la Panda targata FG 418 KT|VEHICLE_PLATE",
            "o Tozé nasceu a 8 de dezembro de 1948, faz anos no dia da visita|DATE_OF_PERSON",
            "nog even over mevr. van der Heijden-Bos: ze was 92|PERSON_NAME",
            "scanned the wristband 5019 2276 4410 38 and it brought up another patient|IDENTIFYING_NUMBER",
            "pt lives in a static caravan at Brackenside Holiday Park, plot 57|ADDRESS",
            "Auftragsnummer Krankentransport KT-2026-04418 für den Patienten aus Garbsen|IDENTIFYING_NUMBER",
            "kenteken van de schoonzoon GV-418-K staat weer op de ambulancestandplaats|VEHICLE_PLATE",
            "his car (reg LV19 KXT) has been in the drop-off bay|VEHICLE_PLATE",
            "la voiture du patient (GH-417-KP) bloque l'accès|VEHICLE_PLATE",
            "insulin pump serial 752-381-NG is on the bedside chart|DEVICE_SERIAL",
            "ZIP 97035 on the face sheet doesn't match her card|ADDRESS",
            "a man from Wythenshawe M22 out of hospital for 6 months|ADDRESS",
            "patiënt woont Kerkstraat 14, 6511 KD, 2e etage|ADDRESS",
            "The gentleman who had his CABG on 2 Feb is back|DATE_OF_PERSON",
            "paziente nato il 9 ottobre 1951, ricoverato il 27/01|DATE_OF_PERSON",
            "I've attached a full face pic of the patient for the group|FACE_OR_BIOMETRIC",
            "sharing his retina scan from this morning in the chat|FACE_OR_BIOMETRIC",
            "il codice fiscale della paziente è RSSMRA85T10A562S|SSN",
            "safeguarding ref SG/22/00917 for the toddler in cubicle 4|IDENTIFYING_NUMBER",
            "the telehealth call keeps dropping from her home IP 86.142.77.203|IP_ADDRESS",
            "pt's daughter posted about his care on tiktok.com/@sunflowerlass_88|URL"})
    void identifiersInEveryFormAreNamedByKind(String text, Reason kind) {
        assertTrue(reasons(text).contains(kind), text + ": " + screener.screen(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "slides from today are up on https://learn.example-hospital.org/courses/sepsis",
            "Is www.resus.org.uk the latest ALS algorithm?",
            "the sim lab PCs are 10.40.12.21 to .28, ring IT on ext 4410",
            "Patients over 90 fall more than any other group",
            "mobilised 100 m with a frame, then 3 flights of stairs",
            "temp 99F this morning, what's that in Celsius?",
            "F90.0 is the ICD code for ADHD, not a person",
            "he lives on his own but his daughter visits",
            "the cap on agency shifts is 20000 a month",
            "heparin batch 4K221B recalled per the pharmacy alert, check your stock rooms before nights",
            "training defib asset tag NGH-TRN-0042 is missing its pads again",
            "gli ultranovantenni cadono di più, lo dicono i dati dell'audit",
            "case study 2023-0145 from the audit is on the learning site",
            "Unsere Patientin hat heute im Physio-Training die Treppe geschafft",
            "a village near York hosted our roadshow this week",
            "Venue address: Harrogate Convention Centre, see you there",
            "DOB 1985 on the form is the trainee's own, ignore it",
            "pls put study ID 2024-0193 (the REC ref for the frailty audit) on your abstract",
            "Resusci Anne lost her jaw again. SN RA-20-11487 is going back to Laerdal on Monday",
            "had to look up Virginia Apgar today. born 1909, came up with the score in 1952",
            "Room 101 again?? all my mandatory training has been in room 101",
            "Anyone else find the Ward 7 line (ext 4410) went to voicemail?",
            "TIL Virginia Apgar designed her score as an anaesthetist",
            "Nello studio di Bologna l'età media era 91 anni",
            "Os slides da Enf.ª Joana Pires estão no site de formação",
            "Fallvignette 4: Herr Max Mustermann, 84 J., Sturz im Pflegeheim, INR 3,8",
            "Poster boards go up at Harrogate Convention Centre, King's Road, HG1 5LA",
            "Dans l'étude lilloise, âge médian 90 ans, 58 % de femmes",
            "the mean age was 91, so frailty scoring has to start in ED",
            "muy buena la charla del Dr. Ruiz-Castellano sobre el Guillain-Barré en urgencias",
            "Chiffre du jour : après 90 ans, une chute sur deux entraîne une hospitalisation",
            "Le DPI d'entraînement a les patients fictifs TEST Alpha et TEST Bravo, IPP 999000001",
            "Prof. Weber: Über-90-Jährige, die freitags entlassen werden, kommen häufiger wieder",
            "barcode scanner demo used wristband 0000000000017 from the training pack",
            "Casus: mevrouw Jansen, 94, is de oefenpop uit het skillslab, geen echte patiënt",
            "tonight's tabletop exercise runs under incident no. EX-2026-001",
            "room 12 is the skills lab, bleep 2231 if you get lost",
            "Audit on 3 March: 27 of 40 ward patients had no VTE assessment",
            "Stationsleitung Frau Brandt: Patienten über 90 bekommen ab Montag Niederflurbetten",
            "Priya from Pharmacy will talk about patients on DOACs",
            "the trust turns 100 next year and the patients' garden reopens",
            "we saw 14 patients over 90 this month (92) in all",
            "remember protocol PR-2025-04 for patients with sepsis"})
    void whatIdentifiesNoPatientIsNotHeld(String text) {
        assertFalse(screener.screen(text).flagged(), text + ": " + screener.screen(text));
    }

    @Test
    void aWordThatLabelsANumberIsNoName() {
        Screening screening = screener.screen("Mrs Patel in bed 4, age 97");
        assertTrue(screening.findings().stream().noneMatch(f -> f.excerpt("Mrs Patel in bed 4, age 97").equals("age")),
                () -> "findings: " + screening.findings());
    }

    @Test
    void aTrainingCompoundMarksASimulation() {
        Screening screening = screener.screen("Übungs-Fallnummer 0000012345 im Schulungs-KIS bitte nicht löschen");
        assertFalse(screening.flagged(), screening.toString());
        assertFalse(screening.notes().isEmpty(), "the moderator still sees what was lowered");
    }

    @Test
    void aSimulationTurnsAHoldIntoANoteWithItsReason() {
        String text = "Scenario 3: Mrs Jones, 72, DOB 01/01/1950, HR 118, BP 92/54. What's your first action?";
        Screening screening = screener.screen(text);
        assertFalse(screening.flagged());
        assertEquals(Set.of(Reason.PERSON_NAME, Reason.DATE_OF_PERSON),
                Set.copyOf(screening.notes().stream().map(Finding::reason).toList()));
        assertTrue(screening.notes().getFirst().why().contains("not real"), screening.notes().toString());

        Screening real = screener.screen("After the SimMan session: Mrs Jones in bed 4 is a real patient, DOB "
                + "01/01/1950");
        assertTrue(real.flagged(), "a real patient beside a simulation is held: " + real);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "@k_stitches honestly that sounds like shingles, get to your GP within 72h and ask for aciclovir",
            "your mum should stop the amlodipine if her ankles are that swollen",
            "you don't need the ER for that cut, just steri-strip it",
            "no need to see anyone for a tick bite rash like that, it'll fade on its own",
            "Por lo que cuentas de tu padre eso es gota clarísimo: que tome ibuprofeno 600 cada 8h",
            "Klingt für mich ganz klar nach Gürtelrose. Geh morgen früh zum Hausarzt",
            "Ce que tu décris sur ton dos c'est typiquement un zona. Demande du valaciclovir à ton médecin",
            "Não precisas de ir às urgências por isso, é só uma entorse",
            "per una febbre così non serve il pronto soccorso, dai a tuo figlio la tachipirina",
            "@sarahb that's a UTI, walk into any pharmacy and ask for nitrofurantoin",
            "@mikeyg big toe, red, hot, came on overnight? that's gout, textbook. ask urgent care for colchicine",
            "non è un consiglio medico ma al posto tuo smetterei subito la statina",
            "for the lady whose husband keeps getting gout: cut out the beer, ask the GP for allopurinol",
            "Zu Ihrer Frage: das klingt bei Ihrem Vater nach Gürtelrose, er soll sich Aciclovir holen",
            "Pour répondre à la maman qui a posté : pas besoin des urgences, doliprane toutes les 6h",
            "Your mum doesn't need A&E for a bump on the head unless she's on blood thinners",
            "@vale_mi per la ferita di tuo papà non usare l'acqua ossigenata, metti un idrocolloide",
            "A sua avó devia deixar de tomar o Xanax, é isso que a faz cair.",
            "pelo que descreves a tua filha tem conjuntivite, não é grave, faz lavagens com soro",
            "Met zo'n snee hoef je echt niet naar de SEH hoor, steristrips erop",
            "a cut that small? why would you queue at urgent care for that, steri-strip it and move on",
            "The mum who posted about her son's ear should give him Calpol and skip the GP",
            "Madame, votre mère fait probablement une infection urinaire, donnez-lui beaucoup d'eau",
            "Per la signora che chiedeva del marito: è quasi sicuramente gotta, fategli bere tanta acqua",
            "Beste meneer, wat u beschrijft past bij jicht bij uw vrouw, laat haar veel drinken",
            "A mi padre le pasó lo mismo, con miel y limón se le quitó, haz eso y verás"})
    void adviceToTheHealthyPublicIsFlaggedInEveryLanguage(String text) {
        assertTrue(reasons(text).contains(Reason.MEDICAL_ADVICE), text + ": " + screener.screen(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "what's the first-line treatment for shingles in immunocompetent adults?",
            "In adults with suspected ACS we give 300mg aspirin unless there's a true allergy",
            "Everyone over 65 should get the flu jab - how do we handle patients who decline?",
            "GCS 13, HR 54, BP 188/96 - that's Cushing's triad right?",
            "can you give intranasal ketamine in kids under 3?",
            "First aid talk for the public: 'if someone collapses, call 999 and start CPR'",
            "Wat is eerste keus bij een opvlamming van de ziekte van Crohn?"})
    void teachingAndPublicHealthAreNotAdvice(String text) {
        assertFalse(reasons(text).contains(Reason.MEDICAL_ADVICE), text + ": " + screener.screen(text));
    }

    @Test
    void theOrganisationsOwnContactsAreAllowedOnlyWhenConfigured() {
        String text = "For queries email clinical.education@northfield.nhs.uk, ring 0161 496 0712 or write to "
                + "Moor Lane, Manchester M23 9LT; slides at https://learn.northfield.nhs.uk/sepsis";
        assertTrue(screener.screen(text).flagged(), "nothing is allowed by default");
        Screener configured = new Screener(ProfanityList.defaults(), OrganisationContacts.of(
                "+44 161 496 0712", "northfield.nhs.uk", "Northfield General Hospital, Moor Lane, Manchester M23 9LT"));
        assertFalse(configured.screen(text).flagged(), configured.screen(text).toString());
        assertTrue(configured.screen("her daughter's mobile is 07700 900461, email jo@gmail.com").flagged(),
                "other numbers and domains are still held");
        assertTrue(new Screener(ProfanityList.defaults(), OrganisationContacts.of("0511 970-*", null, null))
                .screen("Station 4B: 0511 970-4420").findings().isEmpty(), "a switchboard prefix allows extensions");
    }

    @Test
    void onlyATitleMarksAWholePostAsASimulation() {
        Screening clock = screener.screen("The sim debrief at 10:30 was great. Real patient on ward 5 today: Mrs Patel, "
                + "NHS 943 476 5919, DOB 12/03/1941.");
        assertEquals(Set.of(Reason.PERSON_NAME, Reason.SSN, Reason.DATE_OF_PERSON), clock.reasons(), clock.toString());
        Screening after = screener.screen("Great sim session today. Mrs Patel in bed 4 fell overnight.");
        assertTrue(after.reasons().contains(Reason.PERSON_NAME), "a later sentence about a real patient is held");
    }

    @Test
    void theOrganisationsContactsHideNothingElse() {
        Screener configured = new Screener(ProfanityList.defaults(), OrganisationContacts.of("0161 496*",
                "northfield.nhs.uk", "Northfield General Hospital, Moor Lane, Manchester M23 9LT"));
        assertTrue(configured.screen("Our patient's notes: https://learn.northfield.nhs.uk/case?nhs=9434765919")
                .reasons().contains(Reason.SSN), "an NHS number inside an allowed link is still held");
        assertTrue(configured.screen("Patient lives in Manchester").flagged(), "a town alone is not the hospital's");
        assertTrue(configured.screen("His NHS number 416 149 6000").reasons().contains(Reason.SSN),
                "a phone prefix never allows a national id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"You'll miss lunch if the session overruns", "a 200 ms delay on the monitor",
            "That sounds like a ton of fun!", "Classic session, learnt a ton", "Thanks mate, the rest of the talk was ace",
            "@amy thanks! Give me a shout after the session"})
    void ordinaryWordsAreNotNamesOrAdvice(String text) {
        assertFalse(screener.screen(text).flagged(), text + ": " + screener.screen(text));
    }

    /** Liveness, not speed (that is ScreeningBench's): hostile text is screened, or held unscreened, in bounded time. */
    @Test
    void hostileTextIsScreenedOrHeldAndNeverHangs() {
        List<String> hostile = List.of("A-".repeat(10_000), ("+1 " + "1".repeat(40) + " ").repeat(1_000),
                "00 1 1 1 1 1 1 1 1 1 1x ".repeat(2_000), "Priya Raghunathan in bed 4, Mr A" + "a".repeat(5_000),
                "lives in Didsbury. 1 " + "Aa".repeat(3_000) + " Road", "a.".repeat(20_000), "x".repeat(60_000));
        for (String text : hostile) {
            Screening screening = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    java.time.Duration.ofSeconds(20), () -> screener.screen(text));
            assertTrue(screening != null, "screened");
        }
        assertTrue(screener.screen("x".repeat(60_000)).reasons().contains(Reason.NOT_SCREENED), "too long: held");
        assertTrue(screener.screen(hostile.get(3)).reasons().contains(Reason.PERSON_NAME),
                "a long word does not cost the names before it");
    }

    @Test
    void everyFindingSaysWhy() {
        String text = "MRN 4829103, NHS 943 476 5919, Priya Raghunathan (bed 14), sounds like shingles, see your GP";
        List<Finding> findings = screener.screen(text).findings();
        assertTrue(findings.size() >= 3, findings.toString());
        findings.forEach(f -> assertFalse(f.why().isBlank(), f.toString()));
        assertTrue(findings.stream().anyMatch(f -> f.why().equals("a number after 'MRN'")), findings.toString());
    }
}
