package app.rounds.screening.control;

import app.rounds.screening.entity.Finding;
import app.rounds.screening.entity.Reason;

import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Names without a title, read word by word with the gazetteer: a given name followed by a surname or another
 * capitalised word ("Priya Raghunathan", "tomas kowalczik" only when both are known names), "SURNAME, First" as on a
 * wristband, and a single name tied to a bed, room or ward ("Grace in side room 2", "bill in bay 2", "cama 7,
 * Remedios") or to a relative ("his wife, Mei"; "Doris's family"). Names that are also ordinary words need that care
 * context; famous people, eponyms (Parkinson's, Glasgow) and staff named with their role ("Dr Okafor", "our educator
 * Tom", "Ms Hope Okoro (our sim facilitator)") are not patients.
 */
final class NameRules implements Rule {

    /** The gaps and tails between words that the rules below look at, compiled once. */
    private static final Pattern OPEN_BRACKET = Pattern.compile("\\s*\\(\\s*");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern CARE_GAP = Pattern.compile("\\s*\\(\\s*\\d{1,3}\\s*\\)\\s+|,\\s+");
    private static final Pattern WARD_CODE_AFTER = Pattern.compile("(?s)\\s+\\d{1,2}[A-Za-z]\\b.*");
    private static final Pattern COMMA_SPACE = Pattern.compile(",?\\s+");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s\\s+");
    private static final Pattern NUMBER_AFTER = Pattern.compile("(?s)\\s*(?:n[º°o]\\.?\\s*)?\\d.*");
    private static final Pattern CODE_AFTER = Pattern.compile("(?s)\\s+[A-Z]{1,3}\\d?\\b.*");
    private static final Pattern TITLE_GAP = Pattern.compile("[\\s.ªº]*");
    private static final Pattern ROLE_GAP = Pattern.compile("\\s*[(,–-]\\s*|\\s+");

    /** Capitalised words that begin no name, or are never a surname after a given name. */
    private static final Pattern LEADING_NUMBER = Pattern.compile("\\s*:?\\s*\\d");

    private static final Set<String> NOT_NAMES = Set.of(
            "the", "this", "that", "these", "those", "and", "but", "so", "who", "which", "what", "is", "are", "was",
            "were", "if", "when", "or", "of", "to", "a", "an", "in", "on", "at", "for", "with", "from", "has", "had",
            "will", "would", "can", "could", "should", "said", "says", "asked", "our", "my", "your", "his", "her",
            "their", "one", "it", "its", "we", "you", "they", "i", "he", "she", "me", "us", "them", "all", "any",
            "some", "no", "not", "yes", "ok", "okay", "hi", "hello", "thanks", "thank", "please", "just", "also",
            "then", "there", "here", "now", "today", "tonight", "tomorrow", "yesterday", "week", "day", "night",
            "morning", "evening", "afternoon", "patient", "patients", "patientin", "patienten", "paciente",
            "patiente", "patiënt", "paziente", "doente", "utente", "lady", "man", "woman", "gentleman", "baby", "child",
            "boy", "girl", "someone", "anyone", "everyone", "somebody", "nobody", "resident", "family", "nurse",
            "nurses", "doctor", "doctors", "dr", "prof", "sister", "matron", "consultant", "registrar", "team", "staff",
            "ward", "wards", "unit", "bay", "bed", "room", "side", "cubicle", "resus", "theatre", "theatres", "clinic",
            "hospital", "trust", "centre", "center", "department", "general", "medical", "university", "college",
            "school", "health", "care", "service", "services", "street", "road", "lane", "avenue", "session",
            "sessions", "group", "scale", "score", "syndrome", "disease", "sign", "test", "protocol", "pathway",
            "bundle", "guideline", "guidelines", "policy", "trial", "study", "fund", "foundation", "education",
            "training", "simulation", "sim", "scenario", "case", "caption", "highlight", "quote", "feedback",
            "question", "bluesky", "mastodon", "reply", "replying", "update", "note", "notes", "chart", "form",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
            "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "januar", "februar",
            "märz", "mai", "juni", "juli", "oktober", "dezember", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
            "samedi", "dimanche", "janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre",
            "octobre", "novembre", "décembre", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado",
            "domingo", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
            "octubre", "noviembre", "diciembre", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag",
            "zaterdag", "zondag", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
            "segunda", "terça", "quarta", "quinta", "sexta", "god", "christmas", "easter", "covid", "der", "die",
            "das", "ein", "eine", "und", "oder", "le", "la", "les", "un", "une", "et", "el", "los",
            "las", "y", "o", "il", "lo", "gli", "e", "de", "het", "een", "en", "os", "as", "um", "uma", "do", "da",
            "frau", "herr", "mann", "kind", "familie", "station", "zimmer", "bett", "cama", "habitación", "lit",
            "chambre", "letto", "stanza", "quarto", "kamer", "señor", "señora", "senhor", "senhora", "signora",
            "signore", "mevrouw", "meneer", "monsieur", "madame", "mr", "mrs", "ms", "miss", "mx",
            // German nouns that follow "der Patient" ("wenn der Patient Fieber hat")
            "fieber", "schmerzen", "luftnot", "atemnot", "sauerstoff", "hilfe", "angst", "blut", "durst", "hunger",
            "insulin", "antibiotika", "medikamente", "zeit", "probleme", "symptome", "husten", "durchfall",
            "erbrechen", "besuch", "ruhe", "bescheid", "unterstützung", "morphin", "heparin", "flüssigkeit",
            "infusion", "essen", "wasser", "tabletten", "ödeme", "fragen", "anspruch", "recht", "kontakt", "zugang",
            "aufklärung", "ausschlag", "beschwerden", "kopfschmerzen", "bauchschmerzen", "brustschmerzen",
            "übelkeit", "schwindel", "krämpfe", "blutungen", "nahrung", "pflege", "physiotherapie",
            // what a patient is ("el paciente Diabético", "ist der Patient Diabetiker")
            "diabetic", "diabético", "diabética", "diabétique", "epiléptico", "epiléptica", "asmático", "asmática",
            "hipertenso", "hipertensa", "alérgico", "alérgica", "crónico", "crónica", "oncológico", "oncológica",
            "anciano", "anciana", "hémiplégique", "âgé", "âgée",
            // English words in title case after "Patient"
            "controlled", "safety", "experience", "records", "record", "portal", "information", "advice",
            "leaflet", "transport", "transfer", "flow", "journey", "name", "details", "number", "identification",
            "label", "zero", "first", "satisfaction", "centred", "centered", "focused", "reported", "outcome",
            "outcomes", "liaison", "association", "forum", "voice", "advocacy", "council", "panel", "story",
            "doktor", "doktorin", "kollege", "kollegin", "kollegen", "colleague", "collègue", "colega", "collega",
            "ospedale", "ziekenhuis", "klinikum", "klinik", "kliniek", "hôpital", "hopital", "clínica", "clinique",
            "clinica", "centro", "universitario", "universitaire", "universitätsklinikum", "policlinico", "santa",
            "san", "saint", "st", "sankt", "são", "royal", "memorial", "infirmary", "institute", "instituto",
            "docteur", "professor", "professeur", "profesor", "professore", "schwester", "pfleger", "oberarzt",
            "chefarzt", "dozent", "dozentin", "docente", "doutor", "doutora", "dottore", "dottoressa",
            "stories", "list", "charter", "rights", "consent", "cero", "zéro",
            // auxiliaries and common verbs some name lists carry as surnames ("has been in room 101")
            "been", "being", "have", "does", "did", "done", "going", "gone", "got", "sent", "seen", "told", "moved",
            "kept", "left", "still", "start", "starts", "stay", "stays", "end", "ends", "work", "works", "wait",
            "waits", "sit", "sleep", "walk", "arrive", "arrived", "arrives", "died", "time", "life", "ihrem",
            "ihren", "ihrer", "ihnen", "vater", "mutter");

    /** Famous people of medicine: without a title, not a patient. */
    private static final Set<String> FAMOUS = Set.of(
            "nightingale", "apgar", "seacole", "lister", "semmelweis", "jenner", "pasteur", "hippocrates", "osler",
            "curie", "kübler-ross", "maslow", "benner", "cavell", "galen", "vesalius", "virchow", "freud", "salk",
            "sabin", "henderson", "orem", "peplau", "watson", "roper");

    /** Surnames that name diseases ("un patient Alzheimer", "der Patient Parkinson"): not a name after "patient". */
    private static final Set<String> EPONYMS = Set.of(
            "alzheimer", "parkinson", "crohn", "cushing", "addison", "graves", "basedow", "hodgkin", "huntington",
            "guillain", "kawasaki", "marfan", "raynaud", "sjögren", "tourette", "asperger", "duchenne", "down",
            "wilson", "bell", "korsakoff", "wernicke", "menière", "meniere", "paget", "bechterew", "still",
            "guillain-barré", "guillain-barre", "creutzfeldt-jakob", "osgood-schlatter", "charcot-marie-tooth",
            "mallory-weiss", "stevens-johnson", "zollinger-ellison", "wolff-parkinson-white", "legg-calvé-perthes");

    private static final Set<String> STAFF_ROLES = Set.of(
            "dr", "dra", "doctor", "doc", "prof", "professor", "nurse", "sister", "matron", "educator", "facilitator",
            "consultant", "registrar", "colleague", "trainer", "tutor", "lecturer", "physio", "pharmacist", "midwife",
            "cns", "hca", "paramedic", "surgeon", "anaesthetist", "anesthetist", "speaker", "presenter", "instructor",
            "mentor", "preceptor", "fellow", "sho", "fy1", "fy2", "resident", "intern", "student", "coordinator",
            "manager", "lead", "chaplain", "dott", "dottoressa", "dottore", "docteur", "pr", "enf", "enfermera",
            "enfermero", "enfermeira", "enfermeiro", "infermiere", "infermiera", "verpleegkundige", "schwester",
            "pfleger", "oberarzt", "oberärztin", "chefarzt", "chefärztin", "dozent", "dozentin", "kollege",
            "kollegin", "supervisora", "supervisor", "cadre", "formateur", "formatrice", "formador", "formadora",
            "docente", "arts", "dokter", "doktor", "ärztin", "arzt", "praxisanleiter", "praxisanleiterin", "drs",
            "team", "ceo", "director", "chair", "secretary", "receptionist", "staff", "pflegedienstleitung",
            "stationsleitung", "pdl", "leitung", "hebamme", "verloskundige", "ostetrica", "comadrona", "matrona",
            "parteira", "oncologist", "oncologue", "psychiatrist", "psychiatre", "psychiater", "psichiatra",
            "psiquiatra", "pediatra", "kinderarzt", "kinderärztin", "pédiatre", "kinderarts", "paediatrician",
            "pediatrician", "neonatologist", "geriatrician", "gériatre", "geriater", "puéricultrice", "ide",
            "tcae", "oss", "auxiliar", "sage-femme");

    private static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "miss", "mx", "herr", "herrn", "frau",
            "mme", "mlle", "madame", "monsieur", "sr", "sra", "srta", "señor", "señora", "don", "doña", "dona",
            "senhor", "senhora", "sig", "signor", "signora", "signorina", "mevrouw", "meneer", "mevr", "dhr", "mw");

    private static final Set<String> CARE_PLACES = Set.of("bed", "bay", "cubicle", "room", "ward", "resus",
            "bedspace", "zimmer", "zi", "bett", "station", "cama", "habitación", "hab", "box", "lit", "chambre",
            "letto", "stanza", "camera", "quarto", "leito", "kamer", "zaal", "sala", "cabina", "amu", "cdu", "icu",
            "itu", "hdu", "ed", "a&e", "ccu", "nicu", "picu", "majors", "minors", "recovery", "theatre", "theatres",
            "resuscitation", "urgencias", "urgências", "notaufnahme", "intensiv", "reanimatie", "réa", "seh",
            "rianimazione", "uci", "uti", "cot", "incubator", "isolette", "couveuse", "inkubator", "incubadora",
            "incubatrice", "culla", "wieg", "berceau", "berço");
    /** Care places named without a number: "Patterson in resus", "Noé in ICU". */
    private static final Set<String> NAMED_PLACES = Set.of("resus", "amu", "cdu", "icu", "itu", "hdu", "ed", "a&e",
            "ccu", "nicu", "picu", "majors", "minors", "recovery", "theatre", "theatres", "resuscitation", "urgencias",
            "urgências", "notaufnahme", "intensiv", "reanimatie", "réa", "seh", "rianimazione", "uci", "uti");

    private static final Set<String> PLACE_LINKS = Set.of("in", "on", "from", "at", "aus", "auf", "im", "der",
            "dem", "de", "la", "del", "dans", "le", "au", "em", "no", "na", "op", "uit", "van", "nel", "nella",
            "della", "dello", "dal", "dalla", "sur", "side", "en", "el", "of", "vom", "von", "zur",
            "zum", "da", "do", "the", "du", "des", "al", "alla", "allo", "ao", "à", "aan", "bij", "sul", "sulla",
            "am", "ins");

    private static final Set<String> RELATIVES = Set.of("wife", "husband", "son", "daughter", "mum", "mom",
            "mother", "dad", "father", "partner", "brother", "grandson", "granddaughter", "nephew", "niece",
            "grandma", "grandad", "granddad", "nan", "fiancé", "fiancée", "boyfriend", "girlfriend", "carer",
            "esposa", "marido", "hija", "hijo", "mujer", "tochter", "sohn", "ehefrau", "ehemann", "femme", "mari",
            "fille", "fils", "filha", "filho", "mulher", "moglie", "marito", "figlia", "figlio", "vrouw", "dochter",
            "zoon", "echtgenote", "echtgenoot");

    /** What follows a surname in an eponym: Parkinson's disease, Glasgow score, Bell's palsy. */
    private static final Pattern EPONYM_AFTER = Pattern.compile("^(?:['’]s)?\\s*(?i:disease|syndrome|sign|score|"
            + "scale|triad|palsy|test|manoeuvre|maneuver|rule|rules|criteria|position|law|meds|medication|tube|"
            + "catheter|needle|sheath|manœuvre|reflex|phenomenon|coma|ulcer|fracture|procedure|technique)");

    /** "mr adeyemi in 14": a title, a name, then the bed it lies in. */
    private static final Pattern BED_NUMBER_AFTER = Pattern.compile(
            "[ \\t]+(?:in|on|at)[ \\t]+\\d{1,3}(?![\\p{L}\\p{N}])");
    private static final Set<String> ORDINAL_MARKS = Set.of("ª", "º");
    private static final Pattern FAMILY_OR_PATIENT = Pattern.compile("(?<![\\p{L}])(?:(?<family>(?i:the)[ \\t]+)"
            + "(?<name>\\p{Lu}\\p{Ll}{2,30}+)(?=[ \\t]+family(?![\\p{L}]))|(?<name2>\\p{Lu}\\p{Ll}{2,30}+)(?=[ \\t]+"
            + "(?:is|was)[ \\t]+(?:the|our)[ \\t]+patient(?![\\p{L}])))");
    /** Internet shorthand in capitals that a surname list may carry ("TIL Virginia Apgar…"). */
    private static final Set<String> SHORTHAND = Set.of("til", "fyi", "psa", "tbh", "imo", "imho", "btw", "nb",
            "ps", "rip", "omg", "lol", "aka", "asap", "eta", "tldr", "ama", "dm", "pm", "am", "ok");
    private static final Pattern NOUN_ENDING = Pattern.compile(
            "(?:ung|heit|keit|schaft|ismus|tät|tion|sion|ness|ology|ologie|mittel|stoff|schmerz|fieber|iker|ikerin|"
            + "lled|ated)$");
    private static final String NAME = PatientDataRules.NAME;
    private static final String SP = PatientDataRules.SP;
    private static final String END = PatientDataRules.END;
    private static final Pattern HONORIFIC_NAME = Pattern.compile("(?<![\\p{L}\\p{N}.])(?:(?:Mrs|Mr|Ms|Mx|Miss|"
            + "Herrn|Herr|Frau|Mme|Mlle|Madame|Mademoiselle|Monsieur|Sra|Srta|Sr|Señora|Señorita|Señor|Doña|Don|"
            + "Dona|Senhora|Senhor|Sig\\.ra|Sig|Signora|Signor|Signorina|Mevrouw|Meneer|Mevr|Mw|Dhr|"
            + "mrs|mr|ms|madame|mademoiselle|monsieur|señora|señorita|señor|sra|sr|doña|don|dona|senhora|senhor|"
            + "sig\\.ra|sig|signora|signor|signorina|mevrouw|meneer|mevr|mw|dhr)\\.?|M\\.|D\\.)" + SP
            // "mevr. van der Heijden-Bos", "Sra. de la Fuente": a particle may come first
            + "+(?:(?i:van der|van den|van de|van|von|de la|de los|del|della|de|di|da|dos|du|ter|ten)" + SP + "+)?"
            + "(?<first>" + NAME + ")(?:" + SP + "+(?<second>" + NAME + "))?" + END);
    /** People type "mr smith" too; a title stands for nothing else, so a lower-case known name after one is believed. */
    private static final Pattern HONORIFIC_LOWER_CASE_NAME = Pattern.compile("(?<![\\p{L}\\p{N}.])(?:(?i:Mrs|Mr|"
            + "Mx|mevrouw|meneer|mevr|mw|dhr|signora|signor|sig\\.ra|sig|señora|señor|sra|sr|senhora|senhor|herr|"
            + "frau|mme|mlle|madame|monsieur)|Ms|Miss|[Mm]\\.)\\.?" + SP
            + "+(?<first>\\p{Ll}[\\p{Ll}'’-]*\\p{Ll})" + END);
    private static final Pattern PATIENT_NAME = Pattern.compile(PatientDataRules.START + "(?:[Pp]atient(?:in|en)?|"
            + "[Pp]aciente|[Pp]atiente|[Pp]ati[ëe]nte?|[Pp]aziente|[Dd]oente|[Uu]tente|[Pp]t)" + SP + "*[:,]?" + SP
            + "+(?<first>" + NAME + ")(?:" + SP + "+(?<second>" + NAME + "))?" + END);
    /** "Dr. M. Weber": an initial after a title is staff, not Monsieur. */
    private static final Pattern STAFF_BEFORE = Pattern.compile("(?i:dr|prof|doctor|docteur|doktor)\\.?" + SP
            + "*$");

    static {
        for (Pattern pattern : java.util.List.of(HONORIFIC_NAME, HONORIFIC_LOWER_CASE_NAME, PATIENT_NAME)) {
            Rule.FirstTwo.of(pattern, Rule.Start.LETTER);
        }
    }

    private final NameGazetteer names;

    NameRules(NameGazetteer names) {
        this.names = names;
    }

    @Override
    public void findIn(ScreenedText text, Consumer<Finding> found) {
        withTitles(text, found);
        int n = text.wordCount();
        boolean[] titleCase = titleCaseSentences(text);
        int i = 0;
        while (i < n) {
            int end = fullName(text, i, titleCase);
            if (end > i && staffAfter(text, end)) {
                i = end + 1; // "Julie Marchand, cadre formatrice": staff named with their role
                continue;
            }
            if (end > i) {
                report(text, i, end, "a given name and a surname (" + text.written(i) + " …)", found);
                i = end + 1;
                continue;
            }
            end = nameInApposition(text, i);
            if (end > i) {
                report(text, i, end, "a name, then who they are ('" + text.written(end + 1 < n ? end + 1 : end)
                        + "')", found);
                i = end + 1;
                continue;
            }
            end = wristband(text, i);
            if (end > i) {
                report(text, i, end, "written as on a wristband: SURNAME, Given name", found);
                i = end + 1;
                continue;
            }
            end = surnameCommaGiven(text, i);
            if (end > i) {
                report(text, i, end, "a surname and a given name, as on a label", found);
                i = end + 1;
                continue;
            }
            String why = singleNameInCare(text, i);
            if (why != null) {
                report(text, i, i, why, found);
            }
            i++;
        }
    }

    /** "Mrs Patel", "mr o'brien", "Sra. Martínez", "patient John Fletcher", "Der Patient Hoffmann". */
    private void withTitles(ScreenedText screened, Consumer<Finding> found) {
        String text = screened.value();
        // "The Baker family on 7", "Will is the patient": a surname owning a family, a name said to be the patient
        Rule.eachMatch(FAMILY_OR_PATIENT, Rule.Start.LETTER, screened, m -> {
            String group = m.group("family") != null ? "name" : "name2";
            String name = m.group(group).toLowerCase(java.util.Locale.ROOT);
            boolean family = m.group("family") != null;
            // "Will is the patient": said outright, a given name that is also a word counts
            if (family ? !names.anyName(name) || NOT_NAMES.contains(name) : !names.givenName(name)
                    || FAMOUS.contains(name) || EPONYMS.contains(name)) {
                return false;
            }
            found.accept(new Finding(m.start(group), m.end(group), Reason.PERSON_NAME,
                    m.group("family") != null ? "a family's name" : "a name said to be the patient"));
            return true;
        });
        Rule.eachMatch(HONORIFIC_NAME, Rule.Start.LETTER, screened, m -> {
            boolean initialAfterATitle = (m.group().startsWith("M.") || m.group().startsWith("D."))
                    && STAFF_BEFORE.matcher(text.substring(Math.max(0, m.start() - 10), m.start())).find();
            boolean portugueseDona = m.group().startsWith("D.") && !names.givenName(
                    m.group("first").toLowerCase(java.util.Locale.ROOT));
            // "Pflegedienstleitung Frau Kaya", "our matron Mrs Hale": staff named by role and title
            int title = screened.wordAt(m.start());
            boolean staff = staffBefore(screened, title) && !screened.word(title - 1).equals("resident");
            return !initialAfterATitle && !portugueseDona && !staff
                    && nameSpan(screened, m, m.start(), "a name after a title", found);
        });
        Rule.eachMatch(HONORIFIC_LOWER_CASE_NAME, Rule.Start.LETTER, screened, m -> {
            // "mr o'brien", "mme lefebvre": believed when the word is a known name ("you'll miss lunch" is not)
            String name = m.group("first");
            // a word the lists lack is believed when a bed or room follows: "mme lefebvre en chambre 214"
            if (!isName(name) || !names.anyName(name) && careAfter(screened, screened.wordAt(m.start("first"))) == null
                    && !BED_NUMBER_AFTER.matcher(text.substring(m.end("first"))).lookingAt()) {
                return false;
            }
            found.accept(new Finding(m.start(), m.end("first"), Reason.PERSON_NAME, "a name after a title"));
            return true;
        });
        Rule.eachMatch(PATIENT_NAME, Rule.Start.LETTER, screened, m ->
                !EPONYMS.contains(m.group("first").toLowerCase(java.util.Locale.ROOT)) && nameSpan(screened, m,
                        m.start("first"), "a name after '" + m.group().substring(0, m.start("first") - m.start())
                                .strip() + "'", found));
    }

    private boolean nameSpan(ScreenedText screened, java.util.regex.Matcher m, int start, String why,
            Consumer<Finding> found) {
        if (!isName(m.group("first"))) {
            return false;
        }
        int end = m.group("second") != null && isName(m.group("second")) ? m.end("second") : m.end("first");
        int last = screened.wordAt(end) - 1;
        if (last >= 0 && staffAfter(screened, last)) {
            return false; // "Ms Hope Okoro (our sim facilitator)"
        }
        found.accept(new Finding(start, end, Reason.PERSON_NAME, why));
        return true;
    }

    private static boolean isName(String word) {
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        return !NOT_NAMES.contains(lower) && !NOUN_ENDING.matcher(lower).find();
    }

    private void report(ScreenedText text, int first, int last, String why, Consumer<Finding> found) {
        found.accept(new Finding(text.wordStart(first), text.wordEnd(last), Reason.PERSON_NAME, why));
    }

    /** "Priya Raghunathan", "Eleanor Whitcombe", "joão pedro ferreira", "fatima el amrani": the last word, or -1. */
    private int fullName(ScreenedText text, int i, boolean[] titleCase) {
        int n = text.wordCount();
        if (i + 1 >= n || !oneSpace(text, i) || text.tagged(i) || staffBefore(text, i)) {
            return -1;
        }
        String first = text.word(i);
        if (NOT_NAMES.contains(first) || FAMOUS.contains(first)) {
            return -1;
        }
        int next = i + 1;
        if (!names.givenName(first)) {
            // "Aminata Diallo", "Kwame Boateng": a given name the lists lack, before a surname they know
            boolean surnameFollows = text.capitalised(i) && !text.allCaps(i) && text.capitalised(next)
                    && !text.allCaps(next) && names.surname(text.word(next)) && !names.commonWord(text.word(next))
                    && !names.commonWord(first) && !titleCase[text.sentenceOfWord(i)] && !NOT_NAMES.contains(
                    text.word(next)) && !FAMOUS.contains(text.word(next)) && !eponymAfter(text, next);
            return surnameFollows ? moreSurnames(text, next, true) : -1;
        }
        boolean capitalised = text.capitalised(i) && !text.allCaps(i);
        if (capitalised) {
            if (!text.capitalised(next) || text.allCaps(next) && text.written(next).length() > 1 && !names.anyName(
                    text.word(next))) {
                return -1;
            }
            String second = text.word(next);
            // "Fatima El Amrani", "Pieter van der Berg": a particle, then the surname
            if (NameGazetteer.PARTICLES.contains(second) && next + 1 < n && oneSpace(text, next)
                    && text.capitalised(next + 1) && names.surname(text.word(next + 1))) {
                return moreSurnames(text, next + 1, true);
            }
            if (NOT_NAMES.contains(second) || FAMOUS.contains(second) || eponymAfter(text, next)) {
                return -1;
            }
            boolean known = names.anyName(second);
            boolean title = titleCase[text.sentenceOfWord(i)];
            boolean careful = text.startsSentence(i) || title;
            // a word that is also a name ("Hope", "Will") counts as one only mid-sentence, capitalised
            if (names.commonWord(first) && (careful || !known && title)) {
                return -1;
            }
            if (!known && title) {
                return -1;
            }
            return moreSurnames(text, next, true);
        }
        if (text.capitalised(next) || names.commonWord(first)) {
            return -1;
        }
        // lower case: both words must be names, as people type them in a hurry ("moussa diallo")
        String second = text.word(next);
        if (NameGazetteer.PARTICLES.contains(second) && next + 1 < n && oneSpace(text, next)
                && names.anyName(text.word(next + 1))) {
            return moreSurnames(text, next + 1, false);
        }
        if (names.anyName(second) && !names.commonWord(second) && !NOT_NAMES.contains(second)
                || names.givenName(second) && !NOT_NAMES.contains(second) && next + 1 < n && oneSpace(text, next)
                && names.surname(text.word(next + 1))) {
            return moreSurnames(text, next, false);
        }
        return -1;
    }

    /** Further surnames after the first: "Jaime Olmedo Ruiz", "joão pedro ferreira", "Fatima El Amrani". */
    private int moreSurnames(ScreenedText text, int last, boolean capitalised) {
        int n = text.wordCount();
        while (last + 1 < n && oneSpace(text, last)) {
            int next = last + 1;
            String word = text.word(next);
            if (capitalised != text.capitalised(next) || NOT_NAMES.contains(word)) {
                break;
            }
            if (names.surname(word) && !names.commonWord(word)) {
                last = next;
            } else if (NameGazetteer.PARTICLES.contains(word) && next + 1 < n && oneSpace(text, next)
                    && names.surname(text.word(next + 1))) {
                last = next + 1;
            } else {
                break;
            }
        }
        return last;
    }

    /** "KOWALCZYK, Tomasz", "OKONKWO, Chidi": the given name's index, or -1. */
    private int wristband(ScreenedText text, int i) {
        if (i + 1 >= text.wordCount() || !text.allCaps(i) || text.written(i).length() < 3
                || SHORTHAND.contains(text.word(i)) || i + 2 < text.wordCount() && FAMOUS.contains(text.word(i + 2))) {
            return -1;
        }
        String gap = text.gapAfter(i);
        if (!gap.equals(", ") && !gap.equals(",") && !gap.equals(" ")) {
            return -1;
        }
        int next = i + 1;
        // "ESPOSITO, Immacolata": a known surname in capitals, a comma, then any capitalised word that is no common one
        boolean givenAfterComma = gap.startsWith(",") && names.surname(text.word(i))
                && !names.commonWord(text.word(next)) && !NOT_NAMES.contains(text.word(next));
        if (!text.capitalised(next) || text.allCaps(next) || !names.givenName(text.word(next)) && !givenAfterComma) {
            return -1;
        }
        return names.surname(text.word(i)) || gap.startsWith(",") ? next : -1;
    }

    /**
     * "Rose Lebrun, résidente de l'EHPAD…", "Gideon Ashworth, 87, from…": a given name and a capitalised word the
     * surname list may lack, then a comma and a word that says a patient or an age: the last word's index, or -1.
     */
    private int nameInApposition(ScreenedText text, int i) {
        int n = text.wordCount();
        if (i + 2 >= n || !text.capitalised(i) || text.allCaps(i) || !names.givenName(text.word(i))
                || !text.gapAfter(i).equals(" ") || !text.capitalised(i + 1) || text.allCaps(i + 1)
                || NOT_NAMES.contains(text.word(i + 1)) || FAMOUS.contains(text.word(i + 1))
                || staffBefore(text, i)) {
            return -1;
        }
        String gap = text.gapAfter(i + 1);
        boolean age = APPOSITION_AGE.matcher(gap).matches();
        boolean patient = APPOSITION_COMMA.matcher(gap).matches() && APPOSITION_WORDS.contains(text.word(i + 2));
        return age || patient ? i + 1 : -1;
    }

    private static final Pattern APPOSITION_AGE = Pattern.compile(",\\s*\\d{1,3}\\s*,\\s*");
    private static final Pattern APPOSITION_COMMA = Pattern.compile(",\\s*");
    private static final Set<String> APPOSITION_WORDS = Set.of("patient", "résidente", "résident", "resident",
            "residente", "patiente", "paciente", "paziente", "patiënt", "patiënte", "patientin", "bewohnerin",
            "bewohner", "bewoner", "bewoonster", "ospite", "doente", "utente", "aged", "age", "âgée", "âgé", "edad",
            "alter", "età", "leeftijd", "admitted", "ingresada", "ingresado", "ricoverata", "ricoverato",
            "hospitalisée", "hospitalisé", "aufgenommen", "opgenomen", "internada", "internado");

    /** "Ahmadi, Farzaneh" on a label or a list: a known surname, a comma, a known given name. */
    private int surnameCommaGiven(ScreenedText text, int i) {
        if (i + 1 >= text.wordCount() || !text.capitalised(i) || text.allCaps(i) || !text.gapAfter(i).equals(", ")) {
            return -1;
        }
        String surname = text.word(i);
        String given = text.word(i + 1);
        boolean known = names.surname(surname) && !names.commonWord(surname) && names.givenName(given)
                && !names.commonWord(given) && text.capitalised(i + 1) && !NOT_NAMES.contains(surname);
        return known && !staffBefore(text, i) ? i + 1 : -1;
    }

    /** A single name tied to a bed, ward or room, or to a relative; the reason, or null. */
    private String singleNameInCare(ScreenedText text, int i) {
        if (text.tagged(i) || staffBefore(text, i) || staffAfter(text, i)) {
            return null;
        }
        String word = text.word(i);
        if (FAMOUS.contains(word) || EPONYMS.contains(word) || word.length() < 3 || PLACE_LINKS.contains(word)
                || eponymAfter(text, i)) {
            return null;
        }
        // "bed 4, age 97", "cot 2 weight 3.1": a lower-case word that labels the number after it is no name
        if (!text.capitalised(i) && names.commonWord(word) && LEADING_NUMBER.matcher(text.gapAfter(i)).lookingAt()) {
            return null;
        }
        if (NOT_NAMES.contains(word)) {
            // "bed 11 will is refusing", "Little Will from bay 2": a name that is also a word, tied to a bed
            if (!names.givenName(word)) {
                return null;
            }
            String place = careBefore(text, i);
            if (place == null && text.capitalised(i) && !text.startsSentence(i)) {
                place = careAfter(text, i);
            }
            return place == null ? null : "a name tied to '" + place + "'";
        }
        boolean capitalised = text.capitalised(i) && !text.allCaps(i);
        boolean known = names.anyName(word);
        if (!known && (!capitalised || text.startsSentence(i))) {
            return null;
        }
        String place = careAfter(text, i);
        if (place != null) {
            return "a name next to '" + place + "'";
        }
        // "margaret pattersonn in bay 3": a given name, then a surname the gazetteer lacks, then the bed
        if (names.givenName(word) && !names.commonWord(word) && i + 1 < text.wordCount()
                && text.gapAfter(i).equals(" ") && !NOT_NAMES.contains(text.word(i + 1))
                && (place = careAfter(text, i + 1)) != null) {
            return "a name next to '" + place + "'";
        }
        place = careBefore(text, i);
        if (place != null) {
            return "a name after '" + place + "'";
        }
        String relative = relativeBefore(text, i);
        if (relative != null && (capitalised || known)) {
            return "a name after '" + relative + "'";
        }
        if (capitalised && (known || !text.startsSentence(i)) && possessiveFamily(text, i)) {
            return "a name whose family is spoken of";
        }
        if (known && honorificBefore(text, i) && !text.capitalised(i)) {
            return "a name after a title";
        }
        return null;
    }

    /** "Grace in side room 2", "yilmaz aus zimmer 12", "Priya Raghunathan (bed 14)", "Helga auf der 4B". */
    private static String careAfter(ScreenedText text, int i) {
        int n = text.wordCount();
        String gap = text.gapAfter(i);
        int k = i + 1;
        if (OPEN_BRACKET.matcher(gap).matches() && k < n && CARE_PLACES.contains(text.word(k))) {
            return text.written(k);
        }
        // "rosa (94) al letto 12", "— Doris, on Ward 7": an age in brackets or a comma before the place
        if (!SPACES.matcher(gap).matches() && !CARE_GAP.matcher(gap).matches()) {
            return null;
        }
        for (int links = 0; k < n && links < 3 && PLACE_LINKS.contains(text.word(k)); links++) {
            k++;
        }
        if (k == i + 1 || k >= n) {
            return null;
        }
        if (CARE_PLACES.contains(text.word(k)) && followedByNumberOrCode(text, k)) {
            return text.value().substring(text.wordStart(i + 1), text.wordEnd(k));
        }
        // "auf der 4B", "op 5B": a ward written as a code
        String after = text.value().substring(text.wordEnd(k - 1));
        if (WARD_CODE_AFTER.matcher(after).matches() && (text.word(i + 1).equals("auf")
                || text.word(i + 1).equals("op") || text.word(i + 1).equals("on"))) {
            return text.word(i + 1) + after.strip().split("\\s")[0];
        }
        return null;
    }

    /**
     * "la de la cama 214, Ndeye Fall", "bed 4 - Doris", "bed 14 grace keeps…": a name right after a care place; with
     * nothing between them, a name that is also a word must be followed by what a subject does ("bed 11 will is…").
     */
    private String careBefore(ScreenedText text, int i) {
        if (i < 1) {
            return null;
        }
        String before = text.value().substring(Math.max(0, text.wordStart(i) - 30), text.wordStart(i));
        var m = PLACE_BEFORE.matcher(before);
        if (!m.find()) {
            return null;
        }
        boolean punctuated = m.group(2).strip().length() > 0;
        String word = text.word(i);
        // "bed 11 will is refusing" but not "Ward 7 line is 0161 496 0712": a number after the verb is what it is
        boolean subjectFollows = i + 1 < text.wordCount() && SUBJECT_VERBS.contains(text.word(i + 1))
                && SPACES.matcher(text.gapAfter(i)).matches()
                && !NUMBER_AFTER.matcher(text.value().substring(text.wordEnd(i + 1))).matches()
                || text.gapAfter(i).startsWith("'s") || text.gapAfter(i).startsWith("’s");
        if (punctuated || names.anyName(word) && (!names.commonWord(word) || subjectFollows)) {
            return m.group(1).strip();
        }
        return null;
    }

    private static final Pattern PLACE_BEFORE = Pattern.compile("(?i)(?<![\\p{L}])((?:bed|bay|cubicle|room|ward|"
            + "side room|cama|habitación|hab\\.|box|lit|chambre|letto|stanza|quarto|leito|kamer|bett|zimmer|zi\\.|"
            + "de la|del|du|della)\\s*(?:n[º°o]\\.?\\s*)?\\d{1,4}[a-z]?)(\\s*[,:–-]\\s*|\\s+)$");

    /** What a subject does next: "bed 11 will is refusing", "bed 14 grace keeps pulling". */
    private static final Set<String> SUBJECT_VERBS = Set.of("is", "was", "has", "had", "keeps", "kept", "wants",
            "wanted", "refuses", "refused", "refusing", "says", "said", "pulled", "pulls", "fell", "needs", "asked",
            "asks", "went", "won't", "can't", "isn't", "doesn't", "did", "does", "just", "still");

    /** "his wife, Mei", "sa fille Léa", "die Tochter Anna": the relative, or null. */
    private static String relativeBefore(ScreenedText text, int i) {
        if (i < 2) {
            return null;
        }
        String relative = text.word(i - 1);
        if (!RELATIVES.contains(relative)) {
            return null;
        }
        String gap = text.value().substring(text.wordEnd(i - 1), text.wordStart(i));
        String owner = text.word(i - 2);
        boolean owned = Set.of("his", "her", "their", "the", "sa", "son", "su", "seine", "seiner", "ihre", "ihr",
                "la", "le", "el", "il", "die", "der", "a", "o", "zijn", "haar", "de", "het", "sua", "seu", "suo")
                .contains(owner)
                || text.gapAfter(i - 2).startsWith("'s") || text.gapAfter(i - 2).startsWith("’s");
        return owned && COMMA_SPACE.matcher(gap).matches() ? owner + " " + relative : null;
    }

    /** "Doris's family", "Young's daughter": a name owning relatives. */
    private static boolean possessiveFamily(ScreenedText text, int i) {
        return i + 1 < text.wordCount() && POSSESSIVE.matcher(text.gapAfter(i)).matches()
                && FAMILY.contains(text.word(i + 1));
    }

    private static final Set<String> FAMILY = Set.of("family", "daughter", "son", "wife", "husband", "mum", "mom",
            "dad", "relatives", "grandson", "granddaughter", "partner", "children", "kids", "sister", "brother");

    private static boolean honorificBefore(ScreenedText text, int i) {
        return i > 0 && HONORIFICS.contains(text.word(i - 1).replace(".", ""));
    }

    private static boolean followedByNumberOrCode(ScreenedText text, int k) {
        String after = text.value().substring(text.wordEnd(k));
        return NUMBER_AFTER.matcher(after).matches() || CODE_AFTER.matcher(after).matches()
                || NAMED_PLACES.contains(text.word(k));
    }

    /** "Dr Okafor", "our educator Tom", "Prof. Weber", "enf.ª Marta", "verpleegkundige Anouk". */
    private static boolean staffBefore(ScreenedText text, int i) {
        if (i < 1 || !TITLE_GAP.matcher(text.gapAfter(i - 1)).matches()) {
            return false;
        }
        if (STAFF_ROLES.contains(text.word(i - 1))) {
            return true;
        }
        // "Enf.ª Joana Pires": the ª of an abbreviated title is a word of its own
        if (i >= 2 && ORDINAL_MARKS.contains(text.word(i - 1)) && STAFF_ROLES.contains(text.word(i - 2))) {
            return true;
        }
        // "Dr Ngozi Okafor": a role, then a capitalised given name, then this word
        return i >= 2 && STAFF_ROLES.contains(text.word(i - 2)) && text.capitalised(i - 1)
                && TITLE_GAP.matcher(text.gapAfter(i - 2)).matches();
    }

    /** "Ms Hope Okoro (our sim facilitator)", "Tom, our educator", "j.patel (I'm the wound care CNS)". */
    static boolean staffAfter(ScreenedText text, int i) {
        int n = text.wordCount();
        String gap = text.gapAfter(i);
        if (!ROLE_GAP.matcher(gap).matches()) {
            return false;
        }
        for (int k = i + 1; k < Math.min(n, i + 5); k++) {
            if (STAFF_ROLES.contains(text.word(k))) {
                return gap.contains("(") || gap.contains(",") || text.word(i + 1).equals("our")
                        || text.word(i + 1).equals("the");
            }
        }
        return false;
    }

    /** "Parkinson's disease", "Bell's palsy", "Glasgow Coma Scale". */
    private static boolean eponymAfter(ScreenedText text, int i) {
        return EPONYM_AFTER.matcher(text.value().substring(text.wordEnd(i),
                Math.min(text.value().length(), text.wordEnd(i) + 24))).find();
    }

    private static boolean oneSpace(ScreenedText text, int i) {
        return text.gapAfter(i).equals(" ");
    }

    /** Sentences written in Title Case (headlines, captions): a capital there is not a name's. */
    private static boolean[] titleCaseSentences(ScreenedText text) {
        int sentences = text.sentenceCount();
        int[] words = new int[sentences];
        int[] capitals = new int[sentences];
        for (int i = 0; i < text.wordCount(); i++) {
            if (text.word(i).length() > 3) {
                int s = text.sentenceOfWord(i);
                words[s]++;
                if (text.capitalised(i)) {
                    capitals[s]++;
                }
            }
        }
        boolean[] title = new boolean[sentences];
        for (int s = 0; s < sentences; s++) {
            title[s] = words[s] >= 4 && capitals[s] * 10 >= words[s] * 7;
        }
        return title;
    }
}
