package app.rounds.screening.control;

import app.rounds.screening.control.Rule.Start;
import app.rounds.screening.entity.Finding;
import app.rounds.screening.entity.Reason;

import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules that spot HIPAA Safe Harbor identifiers in EN, DE, FR and ES text. Most identifiers are only believed
 * next to a word that says what they are (MRN, DOB, serial number, Patient…), because the same digits are everyday
 * clinical talk without it: 03/04 is a date or a ratio, 120/80 a blood pressure, 1000 a dose.
 */
final class PatientDataRules {

    private static final String START = "(?<![\\p{L}\\p{N}])";
    private static final String END = "(?![\\p{L}\\p{N}])";
    /** A capitalised name: Patel, O'Brien, McDonald, Jean-Pierre, Yılmaz; never an all-caps acronym. */
    private static final String NAME = "\\p{Lu}(?:\\p{Ll}|\\p{Lu}(?=\\p{Ll})|['’-](?=\\p{Lu}))+";
    private static final String SP = "[ \\t]";
    /** Between a keyword and its value: "is", ":", "#", "no.", "number"… */
    private static final String LINK = "(?:" + SP + "*(?i:is|was|ist|war|lautet|est|es|era|:|#|=|-|no\\.?|nr\\.?|"
            + "n[º°o]\\.?|number|nummer|numéro|número))*" + SP + "*";
    /** An identifier: alphanumeric parts joined by - / . and digit groups joined by spaces (943 476 5919). */
    private static final String CODE = "(?<id>[\\p{L}\\p{N}]+(?:[-/.][\\p{L}\\p{N}]+)*(?:" + SP
            + "\\p{N}+(?![\\p{L}]))*)";

    private static final String MONTH = "(?i:january|february|march|april|may|june|july|august|september|october|"
            + "november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|"
            + "januar|jänner|februar|märz|maerz|mai|juni|juli|oktober|dezember|mär|okt|dez|"
            + "janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre|décembre|"
            + "decembre|janv|févr|fevr|avr|juil|déc|"
            + "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|"
            + "ene|abr|ago|dic)\\.?" + END;
    private static final String DATE = "(?<id>"
            + "\\d{4}-\\d{1,2}-\\d{1,2}(?!\\d)"
            + "|\\d{1,2}[./-]\\d{1,2}[./-](?:\\d{4}|\\d{2})(?![\\d.,/-]\\d)"
            + "|\\d{1,2}(?:st|nd|rd|th|er|º|°)?\\.?" + SP + "*(?:(?i:of|de)" + SP + "+)?" + MONTH
            + "(?:,?" + SP + "*(?:(?i:de|del)" + SP + "+)?\\d{4})?"
            + "|" + MONTH + SP + "+\\d{1,2}(?:st|nd|rd|th)?(?!\\d)(?:,?" + SP + "*\\d{4})?"
            + "|\\d{1,2}[./]\\d{1,2}\\.?(?![\\d/.])(?!" + SP + "*(?i:ago))"
            + ")";
    /** Words that tie a date to a person: birth, admission, discharge, death. */
    private static final String DATE_KEY = "(?i:born|d\\.?o\\.?b\\.?|date of birth|birth ?date|birthday|admitted|"
            + "admission date|date of admission|admission|discharged|discharge date|date of discharge|died|"
            + "date of death|deceased|passed away|"
            + "geboren|geb\\.|geburtsdatum|geburtstag|aufgenommen|aufnahmedatum|aufnahme|entlassen|"
            + "entlassungsdatum|entlassung|verstorben|gestorben|todesdatum|"
            + "née?s?|date de naissance|admise?s?|hospitalisée?s?|entrée?s?|sortie?s?|décédée?s?|"
            + "date d'entrée|date de sortie|date de décès|"
            + "nacid[oa]s?|fecha de nacimiento|f\\. ?nac\\.|ingres(?:ó|o|ad[oa])|fecha de ingreso|dad[oa] de alta|"
            + "alta|falleci(?:ó|d[oa])|fecha de (?:alta|defunción))";

    private static final String AGE = "(?<![\\p{N}.,])(?:9\\d|1[01]\\d)";

    private static final String RECORD_KEY = "(?i:"
            // English
            + "mrn|med(?:ical|\\.)?" + SP + "*rec(?:ord|\\.)?(?:" + SP + "*(?:number|no\\.?|#))?|"
            + "record" + SP + "(?:number|no\\.?|#)|"
            + "hospital" + SP + "(?:number|no\\.?|id)|hosp\\.?" + SP + "no\\.?|"
            + "patient" + SP + "(?:id|identifier|number|no\\.?|#)|nhs" + SP + "(?:number|no\\.?)|"
            + "chi" + SP + "(?:number|no\\.?)|insurance policy" + SP + "(?:number|no\\.?)|"
            + "(?:health|insurance|member(?:ship)?|policy|plan|beneficiary|subscriber|medicare|medicaid|account|"
            + "acct\\.?|claim|licen[cs]e|certificate|registration|dea|npi|gmc|nmc|case|encounter|episode|admission|"
            + "visit)" + SP + "?(?:id|number|no\\.?|#)|"
            // German
            + "(?:kranken)?versicherten-?(?:nummer|nr\\.?)|versicherungs-?nummer|krankenversicherungs-?nummer|"
            + "kv-?nummer|kvnr|"
            + "krankenkassen-?nummer|patienten-?(?:nummer|id|nr\\.?)|pat\\.?-?nr\\.?|fall-?(?:nummer|nr\\.?)|"
            + "aufnahme-?nummer|konto-?(?:nummer|nr\\.?)|mitglieds-?nummer|aktenzeichen|approbations-?nummer|lanr|"
            // French
            + "num[ée]ro de dossier|n[°º] de dossier|dossier" + SP + "n[°º]|num[ée]ro (?:de |du )?patient|ipp|"
            + "(?:num[ée]ro|n[°º]) de s[ée]curit[ée] sociale|(?:num[ée]ro|n[°º]) de s[ée]cu|nir|num[ée]ro insee|"
            + "num[ée]ro d'assur[ée]e?|num[ée]ro de mutuelle|num[ée]ro d'adh[ée]rent|num[ée]ro de contrat|"
            + "num[ée]ro de compte|(?:num[ée]ro )?rpps|(?:num[ée]ro )?adeli|num[ée]ro de s[ée]jour|"
            // Spanish
            + "(?:n[úu]mero|n[º°]) de historia(?: cl[íi]nica)?|historia cl[íi]nica|nhc|"
            + "n[úu]mero de (?:paciente|afiliaci[óo]n|afiliado|p[óo]liza|cuenta|colegiado)(?: a la seguridad social)?|"
            + "seguridad social|s[ée]curit[ée] sociale|"
            + "n[úu]mero de (?:la )?seguridad social|nss|p[óo]liza|tarjeta sanitaria|cip|nuhsa)";

    private static final String NATIONAL_ID_KEY = "(?:(?i:ssn|social security" + SP + "(?:number|no\\.?|#)|"
            + "national insurance" + SP + "(?:number|no\\.?)|ni" + SP + "(?:number|no\\.?)|nino|"
            + "passport" + SP + "(?:number|no\\.?)|"
            + "sozialversicherungs-?nummer|sv-?nummer|sv-?nr\\.?|rentenversicherungs-?nummer|steuer-?id|"
            + "steuer-?identifikationsnummer|personalausweis(?:-?nummer)?|ausweis-?nummer|reisepass(?:-?nummer)?|"
            + "pass-?nummer|(?:num[ée]ro|n[°º]) de passeport|carte d'identit[ée]|num[ée]ro d'identit[ée]|"
            + "pasaporte|n[úu]mero de pasaporte|documento de identidad)|DNI|NIE|NIF)";

    private static final String SERIAL_KEY = "(?:(?i:serial(?:" + SP + "?(?:number|no\\.?|nr\\.?|#)|(?=" + SP
            + "*(?::|is|was)))|"
            + "seriennummer|serien-?nr\\.?|(?:num[ée]ro|n[°º]) de s[ée]rie|(?:n[úu]mero|n[º°]) de serie|"
            + "n[º°]" + SP + "?serie)|S/N|SN|SNR|N/S)";

    private static final String PHONE_KEY = "(?i:tel|tél|phone|telephone|téléphone|teléfono|telefon|"
            + "telefonnummer|tel\\.?-?nr|mobile|mobil|handy|cell|portable|m[óo]vil|fax|faxnummer|fax-?nr|"
            + "numéro de téléphone|n[úu]mero de tel[ée]fono)\\.?";

    /** What may follow a number and explain it as a dose, a count or an amount rather than an identifier. */
    private static final Pattern UNIT_AFTER = Pattern.compile("^[ \\t]*(?i:mg|mcg|µg|μg|ug|ng|g|kg|ml|l|dl|"
            + "units?|u|iu|ie|ui|einheiten|unités|unidades|mmol|µmol|mol|meq|%|€|\\$|£|eur|euros?|usd|dollars?|"
            + "pounds?|gbp|chf|patients?|patienten|pacientes|cases|fälle|cas|casos|people|personnes|personas|"
            + "menschen|deaths|copies|copias|cells|cellules|zellen|/µl|/mm3|/l)(?![\\p{L}])");
    private static final Pattern VERSION_BEFORE = Pattern.compile(
            "(?i:version|versión|firmware|software|release|build|update|v)\\.?[ \\t:]*$");
    /** "over 90", "mayores de 90 años": the aggregate Safe Harbor allows, not one person's age. */
    private static final Pattern AGGREGATE_BEFORE = Pattern.compile("(?i:over|above|older than|at least|über|ab|"
            + "älter als|plus de|au-delà de|mayores de|más de|por encima de)[ \\t]*$|[>≥][ \\t]*$");
    /** "90 or over", "90 und älter", "90 ans et plus". */
    private static final Pattern AGGREGATE_AFTER = Pattern.compile("^[ \\t]*(?:\\+|(?i:or over|or older|and over|"
            + "and older|plus|und älter|oder älter|und mehr|ou plus|et plus|o más|y más|o mayores)(?![\\p{L}]))");
    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d\\d");
    private static final Pattern LOOKS_LIKE_DATE = Pattern.compile("^\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}");

    /** Capitalised words that follow "Patient", "Herr", "in bed"… without being anyone's name. */
    private static final Set<String> NOT_NAMES = Set.of(
            // titles and staff
            "dr", "doctor", "doktor", "docteur", "doc", "prof", "professor", "professeur", "profesor", "nurse",
            "schwester", "pfleger", "sister", "matron", "consultant", "registrar", "oberarzt", "chefarzt",
            "kollege", "kollegin", "kollegen", "colleague", "collègue", "colega",
            // words that start sentences or stand for a person
            "the", "this", "that", "these", "those", "and", "but", "so", "who", "which", "what", "is", "are", "was",
            "were", "if", "when", "or", "of", "to", "a", "in", "on", "at", "for", "with", "from", "has", "had",
            "will", "would", "can", "could", "should", "said", "says", "asked", "our", "my", "your", "his", "her",
            "their", "one", "patient", "patientin",
            "patienten", "patients", "paciente", "patiente", "lady", "man", "woman", "gentleman", "baby", "child",
            "boy", "girl", "someone", "anyone", "everyone", "somebody", "nobody", "resident", "mann", "frau", "kind",
            "jemand", "wer", "le", "la", "les", "un", "une", "el", "los", "las", "alguien", "yesterday", "today",
            "tonight", "gestern", "heute", "hier", "ayer", "hoy", "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
            "sonntag", "bed", "bett", "lit", "cama",
            // diseases named after people ("un patient Alzheimer")
            "alzheimer", "parkinson", "crohn", "down", "cushing", "addison", "graves", "basedow", "hodgkin",
            "huntington", "wilson", "guillain", "bell", "kawasaki", "marfan", "raynaud", "sjögren", "tourette",
            "asperger", "duchenne", "covid", "ebola",
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
            "controlled", "safety", "experience", "care", "records", "record", "portal", "information", "advice",
            "education", "leaflet", "group", "transport", "transfer", "flow", "journey", "pathway", "name",
            "details", "number", "identification", "label", "day", "zero", "first", "satisfaction", "centred",
            "centered", "focused", "reported", "outcome", "outcomes", "liaison", "services", "service",
            "association", "forum", "voice", "advocacy", "council", "panel", "story", "stories", "notes", "list",
            "charter", "rights", "consent", "cero", "zéro");
    private static final Pattern NOUN_ENDING = Pattern.compile(
            "(?:ung|heit|keit|schaft|ismus|tät|tion|sion|ness|ology|ologie|mittel|stoff|schmerz|fieber|iker|ikerin|"
            + "lled|ated)$");

    private PatientDataRules() {
    }

    private static List<Rule> all() {
        return List.of(
                // unmistakable formats first
                Rule.of(Reason.EMAIL, Start.ANY, START + "[A-Za-z0-9._%+-]++@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                        + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}" + END).onlyIfContains("@"),
                Rule.of(Reason.URL, Start.LETTER, "(?<![\\p{L}\\p{N}@])(?i:https?://|www\\.)[^\\s<>\"]*"
                        + "[^\\s<>\".,;:!?)\\]'’]"),
                // a bare domain, lower case as people type them: nice.org.uk/guidance
                Rule.of(Reason.URL, Start.ANY, "(?<![\\p{L}\\p{N}@./-])(?:[a-z0-9][a-z0-9-]*+\\.)++"
                        + "(?:com|org|net|edu|gov|info|io|ly|me|co|uk|de|fr|es|eu|ch|at|be|nl|it|ie|health)"
                        + "(?![\\p{L}\\p{N}-])(?:/[^\\s<>\"]*[^\\s<>\".,;:!?)\\]'’])?",
                        match -> match.value().indexOf('/') > 0 || match.value().length() >= 6).onlyIfContains("."),
                Rule.of(Reason.IP_ADDRESS, Start.DIGIT, "(?<![\\p{L}\\p{N}.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"
                        + "\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?!\\p{N}|\\.\\p{N})",
                        match -> !VERSION_BEFORE.matcher(match.before(20)).find()).onlyIfContains("."),
                Rule.of(Reason.IP_ADDRESS, Start.ANY, "(?<![\\p{L}\\p{N}:])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}"
                        + "|(?:(?:[0-9A-Fa-f]{1,4}:){1,6}|:):(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,5})?)"
                        + "(?![\\p{L}\\p{N}:])", PatientDataRules::plausibleIpv6).onlyIfContains(":"),
                // national identity numbers: US SSN, UK NI number, German SV-Nummer, Spanish DNI/NIE, keyword + number
                Rule.of(Reason.SSN, Start.DIGIT, "(?<![\\p{N}-])(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}"
                        + "(?![\\p{N}-])"),
                Rule.of(Reason.SSN, Start.UPPER_CASE, START + "[A-Z]{2}" + SP + "?\\d{2}" + SP + "?\\d{2}" + SP
                        + "?\\d{2}" + SP + "?[A-D]" + END),
                Rule.of(Reason.SSN, Start.DIGIT, START + "\\d{2}" + SP + "?(?:0[1-9]|[12]\\d|3[01])(?:0[1-9]|1[0-2])"
                        + "\\d{2}" + SP + "?[A-Z]" + SP + "?\\d{3}" + END),
                Rule.of(Reason.SSN, Start.ANY, START + "(?:\\d{8}|[XYZ]\\d{7})[ -]?[A-Z]" + END,
                        match -> spanishIdChecksumHolds(match.value())),
                keyed(Reason.SSN, NATIONAL_ID_KEY, 4),
                // numbers a keyword says what they are
                Rule.of(Reason.RECORD_NUMBER, Start.UPPER_CASE, START + "[A-Z]{2}\\d{2}(?:" + SP
                        + "?[A-Z0-9]{4}){3,7}(?:" + SP + "?[A-Z0-9]{1,3})?" + END,
                        match -> ibanChecksumHolds(match.value())),
                keyed(Reason.RECORD_NUMBER, RECORD_KEY, 4),
                keyed(Reason.DEVICE_SERIAL, SERIAL_KEY, 2),
                Rule.of(Reason.DATE_OF_PERSON, Start.LETTER, START + DATE_KEY + "(?![\\p{L}])[^\\d\\n.!?;]{0,25}?"
                        + DATE),
                // a birth year alone is allowed, unless it tells that someone is over 89
                Rule.of(Reason.DATE_OF_PERSON, Start.LETTER, START + "(?i:born|geboren|née?|nacid[oa]|year of birth|"
                        + "geburtsjahr|jahrgang|année de naissance|año de nacimiento)(?![\\p{L}])[^\\d\\n.!?;]{0,15}?"
                        + "(?<id>(?:18|19|20)\\d\\d)(?!\\p{N})",
                        match -> Year.now().getValue() - Integer.parseInt(match.value()) > 89),
                ages(),
                phones(),
                // places and people
                addresses(),
                PatientDataRules::names,
                // whatever long number is left
                Rule.of(Reason.IDENTIFYING_NUMBER, Start.DIGIT, "(?<![\\p{L}\\p{N}.,/+:-])\\d(?:[ -]?\\d){7,}"
                        + "(?![\\p{L}\\p{N}]|[.,/:]\\p{N})", PatientDataRules::unexplainedLongNumber));
    }

    /** A keyword, a few linking words, then an identifier with at least {@code minDigits} digits. */
    private static Rule keyed(Reason reason, String key, int minDigits) {
        return Rule.of(reason, Start.LETTER, START + key + "(?![\\p{L}])" + LINK + CODE,
                match -> match.digits() >= minDigits && match.value().length() <= 40);
    }

    private static Rule ages() {
        Rule english = Rule.of(Reason.AGE_OVER_89, Start.DIGIT, AGE + "(?:" + SP + "|-)*(?i:(?:years?|yrs?)(?:"
                + SP + "|-)*old|y/o|y\\.o\\.|yo|yrs?)" + END, PatientDataRules::oneAge);
        Rule german = Rule.of(Reason.AGE_OVER_89, Start.DIGIT, AGE + "(?:" + SP + "|-)*(?i:jährig\\p{L}*|jahre?"
                + SP + "+alt|jahren|j\\.)" + END, PatientDataRules::oneAge);
        Rule frenchSpanish = Rule.of(Reason.AGE_OVER_89, Start.DIGIT, AGE + SP + "*(?i:ans|años)" + END,
                PatientDataRules::oneAge);
        // "she's 92": a person and a bare number, unless a unit or more digits follow
        Rule personIs = Rule.of(Reason.AGE_OVER_89, Start.LETTER, START + "(?i:she|he)(?:'s|’s|" + SP
                + "+(?:is|was))" + SP + "+(?<id>" + AGE + ")(?![\\p{N}]|[.,:/]\\p{N}|" + SP + "*(?:%|°|\\p{L}))");
        Rule keyed = Rule.of(Reason.AGE_OVER_89, Start.LETTER, START + "(?i:aged?|age:|alter:?|im alter von|"
                + "âgée?s? de|à l'âge de|edad:?|edad de|de edad)" + SP + "*" + AGE + "(?![\\p{N}.,])",
                PatientDataRules::oneAge);
        Rule words = Rule.of(Reason.AGE_OVER_89, Start.LETTER, START + "(?i:nonagenarians?|centenarians?|"
                + "nonagénaires?|centenaires?|neunzigjährige\\p{L}*|hundertjährige\\p{L}*|nonagenari[oa]s?|"
                + "centenari[oa]s?)" + END);
        return all(english, german, frenchSpanish, personIs, keyed, words);
    }

    private static Rule phones() {
        Rule keyed = Rule.of(Reason.PHONE_OR_FAX, Start.LETTER, START + PHONE_KEY + "(?![\\p{L}])"
                + "[^\\d\\n.!?;]{0,30}?(?<id>\\+?\\(?\\d[\\d ()./-]{5,20}\\d)(?!\\p{N})",
                match -> match.digits() >= 7 && match.digits() <= 15);
        Rule international = Rule.of(Reason.PHONE_OR_FAX, Start.ANY, "(?<![\\p{L}\\p{N}+])(?:\\+|00)[1-9]\\d{0,2}"
                + "(?:[ .-]?\\(0\\))?(?:[ ./-]?\\(?\\d{1,5}\\)?){2,7}(?!\\p{N})",
                match -> match.digits() >= 9 && match.digits() <= 15);
        // 0171 2345678, 06 12 34 56 78, (030) 1234567: a trunk prefix and separators, but not a date and time
        Rule national = Rule.of(Reason.PHONE_OR_FAX, Start.ANY, "(?<![\\p{L}\\p{N}+.,/:-])\\(?0\\d{1,4}\\)?"
                + "(?:[ ./-]\\d{2,8}){1,5}(?!\\p{N}|[.,/]\\p{N})",
                match -> match.digits() >= 9 && match.digits() <= 13 && !LOOKS_LIKE_DATE.matcher(match.value()).find());
        Rule northAmerican = Rule.of(Reason.PHONE_OR_FAX, Start.ANY, "(?<![\\p{L}\\p{N}])(?:\\(\\d{3}\\)" + SP
                + "?|\\d{3}[ .-])\\d{3}[ .-]\\d{4}(?!\\p{N}|[.,/-]\\p{N})");
        Rule spanish = Rule.of(Reason.PHONE_OR_FAX, Start.DIGIT, "(?<![\\p{L}\\p{N}.,])(?:[6-9]\\d{2}(?:(?:[ .]"
                + "\\d{2}){3}|(?:[ .]\\d{3}){2})|[89]\\d[ .]\\d{3}(?:[ .]\\d{2}){2})(?!\\p{N}|[.,]\\p{N})",
                match -> !UNIT_AFTER.matcher(match.after(20)).find());
        return all(keyed, international, national, northAmerican, spanish);
    }

    private static Rule addresses() {
        String postcodeAndTown = "(?:,?" + SP + "+\\d{5}" + SP + "+\\p{Lu}\\p{L}+)?";
        Rule english = Rule.of(Reason.ADDRESS, Start.DIGIT, START + "\\d{1,5}[A-Za-z]?,?" + SP + "+(?:" + NAME + SP
                + "+){1,3}(?i:street|st|road|rd|avenue|ave|lane|ln|drive|close|way|crescent|cres|place|pl|court|ct|"
                + "terrace|gardens|boulevard|blvd|grove|square|sq|mews)\\.?(?![\\p{L}])"
                + "(?:,?" + SP + "+\\p{Lu}\\p{Ll}+)?"
                + "(?:,?" + SP + "+(?:[A-Z]{1,2}\\d[A-Z\\d]?" + SP + "?\\d[A-Z]{2}|[A-Z]{2}" + SP
                + "\\d{5}(?:-\\d{4})?)" + END + ")?");
        // Hauptstraße 15, Lindenstr. 4a, Berliner Allee 3: the suffix is checked once the word is read
        Rule german = Rule.of(Reason.ADDRESS, Start.UPPER_CASE, START + "(?:\\p{Lu}[\\p{L}-]*(?:(?<=straße|strasse|"
                + "weg|gasse|allee|damm|ufer|chaussee)|(?<=str)\\.)|\\p{Lu}[\\p{L}-]+" + SP + "+(?:Straße|Strasse|"
                + "Str\\.|Weg|Gasse|Allee|Damm|Ufer|Platz|Ring|Chaussee))" + SP + "*\\d{1,4}(?:" + SP + "?[a-zA-Z])?"
                + END + postcodeAndTown);
        // "Am Lindenhof 7" could be "Im Raum 3": only with postcode and town
        Rule germanWithoutStreetWord = Rule.of(Reason.ADDRESS, Start.UPPER_CASE, START + "(?:Am|Im|An der|An den|"
                + "Auf der|Auf dem|Zum|Zur|In der)" + SP + "+" + NAME + SP + "+\\d{1,4}(?:" + SP + "?[a-z])?,?" + SP
                + "+\\d{5}" + SP + "+\\p{Lu}\\p{L}+");
        Rule ukPostcode = Rule.of(Reason.ADDRESS, Start.UPPER_CASE, START + "[A-Z]{1,2}\\d[A-Z\\d]?" + SP
                + "?\\d[A-Z]{2}" + END);
        Rule french = Rule.of(Reason.ADDRESS, Start.DIGIT, START + "\\d{1,4}(?:" + SP + "?(?:bis|ter))?,?" + SP
                + "+(?i:rue|avenue|av\\.|bd|boulevard|place|pl\\.|chemin|allée|impasse|quai|route|square)" + SP
                + "+(?:(?i:de la|de l'|du|des|de|la|le|l'|d')" + SP + "*)?" + NAME + "(?:[ \\t-]+" + NAME + "){0,3}"
                + postcodeAndTown);
        Rule spanish = Rule.of(Reason.ADDRESS, Start.LETTER, START + "(?i:calle|c/|avenida|avda\\.?|av\\.|paseo|"
                + "plaza|pza\\.|camino|carretera|ronda|travesía|glorieta)" + SP + "+(?:(?i:de la|de los|de las|del|de|"
                + "la|el|los|las)" + SP + "+)?" + NAME + "(?:" + SP + "+(?:(?i:de la|del|de|y)" + SP + "+)?" + NAME
                + "){0,3},?" + SP + "+(?:(?i:n[º°o])\\.?" + SP + "*)?\\d{1,4}" + END + "(?:,?" + SP + "*\\d{1,2}"
                + "[º°ª](?:" + SP + "?[A-Z]" + END + ")?)?" + postcodeAndTown);
        return all(english, german, germanWithoutStreetWord, ukPostcode, french, spanish);
    }

    private static Rule all(Rule... rules) {
        return (text, found) -> {
            for (Rule rule : rules) {
                rule.findIn(text, found);
            }
        };
    }

    private static final Pattern HONORIFIC_NAME = Pattern.compile("(?<![\\p{L}\\p{N}.])(?:(?:Mrs|Mr|Ms|Mx|Miss|"
            + "Herrn|Herr|Frau|Mme|Mlle|Madame|Mademoiselle|Monsieur|Sra|Srta|Sr|Señora|Señorita|Señor|Doña|Don|"
            + "mrs|mr|ms|"
            + "madame|mademoiselle|monsieur|señora|señorita|señor|sra|sr|doña|don)"
            + "\\.?|M\\.)" + SP + "+(?<first>" + NAME + ")(?:" + SP + "+(?<second>" + NAME + "))?" + END);
    /** People type "Mr smith" too; Mr, Mrs and Ms stand for nothing else, so a lower-case name is believed. */
    private static final Pattern ENGLISH_HONORIFIC_LOWER_CASE_NAME = Pattern.compile("(?<![\\p{L}\\p{N}.])(?:Mrs|Mr|Ms|"
            + "Mx|mrs|mr|ms)\\.?" + SP + "+(?<first>\\p{Ll}[\\p{Ll}'’-]*\\p{Ll})" + END);
    private static final Pattern PATIENT_NAME = Pattern.compile(START + "(?:[Pp]atient(?:in|en)?|[Pp]aciente|"
            + "[Pp]atiente)" + SP + "*[:,]?" + SP + "+(?<first>" + NAME + ")(?:" + SP + "+(?<second>" + NAME + "))?"
            + END);
    private static final Pattern NAME_IN_BED = Pattern.compile(START + "(?<first>" + NAME + ")(?:" + SP
            + "+(?:in|im|au|en|dans le)" + SP + "+|" + SP + "*[,(]" + SP + "*)(?i:bed|bay|bett|lit|la" + SP
            + "+cama|cama)" + SP + "*\\d{1,3}"
            + "(?!\\p{N})");
    /** "Dr. M. Weber": an initial after a title is staff, not Monsieur. */
    private static final Pattern STAFF_BEFORE = Pattern.compile("(?i:dr|prof|doctor|docteur|doktor)\\.?" + SP + "*$");

    static {
        for (Pattern names : List.of(HONORIFIC_NAME, ENGLISH_HONORIFIC_LOWER_CASE_NAME, PATIENT_NAME)) {
            Rule.FirstTwo.of(names, Start.LETTER);
        }
        Rule.FirstTwo.of(NAME_IN_BED, Start.UPPER_CASE);
    }

    /**
     * In order of precedence: where two findings overlap, the one of the earlier rule is kept. Compiled once, after
     * every pattern and word list above.
     */
    static final List<Rule> ALL = all();

    /** Names tied to care: an honorific, "patient …", or "… in bed 4". */
    private static void names(ScreenedText screened, Consumer<Finding> found) {
        String text = screened.value();
        Rule.eachMatch(HONORIFIC_NAME, Start.LETTER, screened, m -> {
            boolean initialAfterATitle = m.group().startsWith("M.")
                    && STAFF_BEFORE.matcher(text.substring(Math.max(0, m.start() - 10), m.start())).find();
            if (!initialAfterATitle) {
                nameSpan(m, m.start(), found);
            }
        });
        Rule.eachMatch(ENGLISH_HONORIFIC_LOWER_CASE_NAME, Start.LETTER, screened, m -> {
            if (isName(m.group("first"))) {
                found.accept(new Finding(m.start(), m.end("first"), Reason.PERSON_NAME));
            }
        });
        Rule.eachMatch(PATIENT_NAME, Start.LETTER, screened, m -> nameSpan(m, m.start("first"), found));
        Rule.eachMatch(NAME_IN_BED, Start.UPPER_CASE, screened, m -> {
            if (isName(m.group("first"))) {
                found.accept(new Finding(m.start("first"), m.end("first"), Reason.PERSON_NAME));
            }
        });
    }

    private static void nameSpan(Matcher m, int start, Consumer<Finding> found) {
        if (!isName(m.group("first"))) {
            return;
        }
        int end = m.group("second") != null && isName(m.group("second")) ? m.end("second") : m.end("first");
        found.accept(new Finding(start, end, Reason.PERSON_NAME));
    }

    private static boolean isName(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return !NOT_NAMES.contains(lower) && !NOUN_ENDING.matcher(lower).find();
    }

    /** One person's age, not the Safe Harbor aggregate "90 or older". */
    private static boolean oneAge(Rule.Match match) {
        return !AGGREGATE_BEFORE.matcher(match.before(20)).find() && !AGGREGATE_AFTER.matcher(match.after(20)).find();
    }

    /** At least three groups (fe80::1ff:fe23) or the loopback, so that times like 10:30 never match. */
    private static boolean plausibleIpv6(Rule.Match match) {
        String value = match.value();
        if (value.indexOf("::") != value.lastIndexOf("::")) {
            return false;
        }
        long groups = java.util.Arrays.stream(value.split(":")).filter(g -> !g.isEmpty()).count();
        return groups >= 3 || value.equals("::1");
    }

    /** A long run of digits is suspicious unless it is a dose or count, a date, a range or a list of years. */
    private static boolean unexplainedLongNumber(Rule.Match match) {
        String value = match.value();
        if (match.digits() < 8 || UNIT_AFTER.matcher(match.after(20)).find()
                || value.matches("\\d{4}-\\d{2}-\\d{2}|\\d{2}-\\d{2}-\\d{4}")) {
            return false;
        }
        String[] groups = value.split("[ -]");
        if (groups.length == 2 && value.contains("-") && groups[0].length() <= 6 && groups[1].length() <= 6
                && Long.parseLong(groups[0]) < Long.parseLong(groups[1])) {
            return false;
        }
        boolean allYears = groups.length >= 2;
        boolean smallParts = false;
        for (int i = 0; i < groups.length; i++) {
            allYears &= YEAR.matcher(groups[i]).matches();
            smallParts |= i > 0 && groups[i].length() <= 2;
        }
        return !allYears && !(groups.length >= 3 && smallParts);
    }

    /** Spanish DNI and NIE end in a check letter: the number modulo 23. */
    private static boolean spanishIdChecksumHolds(String value) {
        String compact = value.replaceAll("[ -]", "");
        String digits = compact.substring(0, compact.length() - 1);
        char first = digits.charAt(0);
        if (first == 'X' || first == 'Y' || first == 'Z') {
            digits = (first - 'X') + digits.substring(1);
        }
        return "TRWAGMYFPDXBNJZSQVHLCKE".charAt((int) (Long.parseLong(digits) % 23)) == compact.charAt(
                compact.length() - 1);
    }

    /** IBANs carry two check digits (ISO 7064 mod 97-10), so random capitals and digits rarely pass. */
    private static boolean ibanChecksumHolds(String value) {
        String compact = value.replaceAll("[ \\t]", "");
        if (compact.length() < 15 || compact.length() > 34) {
            return false;
        }
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        int remainder = 0;
        for (char c : rearranged.toCharArray()) {
            int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = (v < 10 ? remainder * 10 + v : remainder * 100 + v) % 97;
        }
        return remainder == 1;
    }
}
