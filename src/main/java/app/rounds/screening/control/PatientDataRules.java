package app.rounds.screening.control;

import app.rounds.screening.control.Rule.Start;
import app.rounds.screening.entity.Finding;
import app.rounds.screening.entity.Reason;

import java.time.Year;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pattern rules that spot HIPAA Safe Harbor identifiers in text in EN, ES, DE, FR, PT, IT and NL: formats nothing
 * clinical shares (e-mail, IBAN, NHS numbers whose check digit holds), and numbers next to a word that says what they
 * are (MRN, DOB, serial, plate…), because the same digits are everyday clinical talk without it: 03/04 is a date or a
 * ratio, 120/80 a blood pressure, 1000 a dose. Some believe a weaker sign only in a sentence about a patient
 * ({@link TextContext}): a bare postcode, a town after "lives in", a private IP address.
 */
final class PatientDataRules {

    static final String START = "(?<![\\p{L}\\p{N}])";
    static final String END = "(?![\\p{L}\\p{N}])";
    static final String SP = "[ \\t]";
    /**
     * A capitalised name: Patel, O'Brien, McDonald, Jean-Pierre, Yılmaz; never an all-caps acronym. Character classes
     * with a bounded, possessive run, not a repeated group: Java matches a repeated group by recursion, which a long
     * enough word turns into a StackOverflowError.
     */
    static final String NAME = "\\p{Lu}(?:\\p{Ll}|['’]\\p{Lu})[\\p{L}'’-]{0,40}+";
    /** Between a keyword and its value: "is", ":", "#", "no.", "number"… */
    private static final String LINK = "(?:" + SP + "*(?i:is|was|ist|war|lautet|est|es|era|è|é|:|#|=|-|–|"
            + "no\\.?|nr\\.?|n[º°o]\\.?|n\\.|number|nummer|numéro|número|numero|of|de|du|da|del|di|van|"
            + "shows|reads|says|on file|on the form|sull'impegnativa|\\())*" + SP + "*";
    /** An identifier: alphanumeric parts joined by - / . and digit groups joined by spaces (943 476 5919). */
    private static final String CODE = "(?<id>(?:[A-Z]{1,3}" + SP + "(?=[\\p{L}]?\\p{N}))?[\\p{L}\\p{N}]{1,40}+"
            + "(?:[-/.][\\p{L}\\p{N}]{1,40}+){0,8}(?:" + SP + "\\p{N}{1,20}+(?![\\p{L}])){0,6})";

    static final String MONTH = "(?i:january|february|march|april|may|june|july|august|september|october|"
            + "november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|"
            + "januar|jänner|februar|märz|maerz|mai|juni|juli|oktober|dezember|mär|okt|dez|"
            + "janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre|décembre|"
            + "decembre|janv|févr|fevr|avr|juil|déc|"
            + "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|"
            + "ene|abr|ago|dic|"
            + "janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|fev|out|"
            + "gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|gen|mag|giu|lug|ott|"
            + "januari|februari|maart|mei|augustus|mrt|okt)\\.?" + END;
    static final String DATE = "(?<id>"
            + "(?i:christmas" + SP + "(?:day|eve)|boxing" + SP + "day|new" + SP + "year'?s" + SP + "(?:day|eve))"
            + "(?:,?" + SP + "*\\d{4})?|"
            + "\\d{4}-\\d{1,2}-\\d{1,2}(?!\\d)"
            + "|\\d{1,2}[./-]\\d{1,2}[./-](?:\\d{4}|\\d{2})(?![\\d.,/-]\\d)"
            + "|\\d{1,2}(?:st|nd|rd|th|er|º|°)?\\.?" + SP + "*(?:(?i:of|de|di)" + SP + "+)?" + MONTH
            + "(?:,?" + SP + "*(?:(?i:de|del)" + SP + "+)?\\d{4})?"
            + "|" + MONTH + SP + "+\\d{1,2}(?:st|nd|rd|th)?(?!\\d)(?:,?" + SP + "*\\d{4})?"
            + "|\\d{1,2}[./]\\d{1,2}\\.?(?![\\d/.])(?!" + SP + "*(?i:ago))"
            + "|(?i:the" + SP + "+)?\\d{1,2}(?:st|nd|rd|th)(?:" + SP + "+of" + SP + "+" + MONTH + ")?"
            + ")";
    /** Words that tie a date to a person: birth, admission, surgery, discharge, death. */
    private static final String DATE_KEY = "(?i:born|d\\.?o\\.?b\\.?|date of birth|birth ?date|birthday|admitted|"
            + "sent home|went home|discharged home|(?:his|her|their) op(?:eration)? was|fell|coded|arrested|"
            + "collapsed|came in|brought in|nasceu|nacque|è nat[oa]|naquit|wurde geboren|werd geboren|ricovero|"
            + "comparsa|dimissione|intervento|"
            + "readmitted|admission date|date of admission|admission|discharged|discharge date|date of discharge|"
            + "died|date of death|deceased|passed away|operated|operation|surgery|(?-i:OP)|procedure|transferred|"
            + "had (?:his|her|their) [\\p{L}-]+(?: [\\p{L}-]+)?|"
            + "geboren|geb\\.|geburtsdatum|geburtstag|aufgenommen|aufnahmedatum|aufnahme|entlassen|"
            + "entlassungsdatum|entlassung|verstorben|gestorben|todesdatum|operiert|"
            + "née?s?|date de naissance|admise?s?|hospitalisée?s?|entrée?s?|sortie?s?|décédée?s?|opérée?s?|"
            + "date d'entrée|date de sortie|date de décès|"
            + "nacid[oa]s?|fecha de nacimiento|f\\. ?nac\\.|ingres(?:ó|o|ad[oa])|operaron|intervinieron|"
            + "ingresaron|nació|"
            + "murió|falleció|fecha de ingreso|dad[oa] de alta|"
            + "alta|falleci(?:ó|d[oa])|fecha de (?:alta|defunción)|operad[oa]|intervenid[oa]|"
            + "nascid[oa]|internad[oa]|faleceu|falecid[oa]|"
            + "nat[oa]|ricoverat[oa]|dimess[oa]|decedut[oa]|operat[oa]|"
            + "opgenomen|ontslagen|overleden|geopereerd|"
            // a delivery dates a mother and a child
            + "delivered|gave birth|accouchée?|entbunden|entbindung|dio a luz|parió|partorito|ha partorito|"
            + "parto|deu à luz|bevallen|bevalling)";

    static final String AGE = "(?<![\\p{N}.,])(?:9\\d|1[01]\\d)";
    /** 90 to 119 in words, in the seven languages. */
    static final String AGE_WORDS = "(?i:ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
            + "(?:a|one) hundred(?: and (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            + "thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))?|"
            + "noventa(?: y (?:uno|un|dos|tres|cuatro|cinco|seis|siete|ocho|nueve))?|cien(?:to (?:uno|dos|tres))?|"
            + "noventa(?: e (?:um|uma|dois|duas|três|quatro|cinco|seis|sete|oito|nove))?|cem|"
            + "(?:(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und)?neunzig|hundert(?:eins|zwei)?|"
            + "quatre-vingt-(?:dix|onze|douze|treize|quatorze|quinze|seize|dix-sept|dix-huit|dix-neuf)|"
            + "quatre-vingt-et-onze|nonante(?:-(?:et-un|deux|trois|quatre|cinq|six|sept|huit|neuf))?|cent|"
            + "novant(?:a|uno|adue|atré|atre|aquattro|acinque|asei|asette|otto|anove)|cento|"
            + "(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen)?(?:en|ën)?negentig|honderd)";

    private static final String RECORD_KEY = "(?i:"
            // English
            + "mrn|med(?:ical|\\.)?" + SP + "*rec(?:ord|\\.)?(?:" + SP + "*(?:number|no\\.?|#))?|"
            + "record" + SP + "(?:number|no\\.?|#)|hospital" + SP + "(?:number|no\\.?|id)|hosp\\.?" + SP + "no\\.?|"
            + "patient" + SP + "(?:id|identifier|number|no\\.?|#)|unit" + SP + "(?:number|no\\.?)|"
            + "pt(?:'s)?" + SP + "?(?:id|no\\.?|number|#)|"
            + "insurance policy" + SP + "(?:number|no\\.?)|"
            + "(?:health|insurance|member(?:ship)?|policy|plan|beneficiary|subscriber|medicare|medicaid|account|"
            + "acct\\.?|claim|licen[cs]e|certificate|registration|dea|npi|gmc|nmc|case|encounter|episode|"
            + "admission|visit)" + SP + "?(?:id|number|no\\.?|#)|"
            + "driver'?s?" + SP + "licen[cs]e|driving" + SP + "licen[cs]e|licen[cs]e|"
            // German
            + "(?:kranken)?versicherten-?(?:nummer|nr\\.?)|versicherungs-?nummer|krankenversicherungs-?nummer|"
            + "krankenkassen-?nummer|patienten-?(?:nummer|id|nr\\.?)|pat\\.?-?nr\\.?|fall-?(?:nummer|nr\\.?)|"
            + "aufnahme-?nummer|konto-?(?:nummer|nr\\.?)|mitglieds-?nummer|aktenzeichen|approbations-?nummer|lanr|"
            + "führerschein(?:-?nummer)?|"
            // French
            + "num[ée]ro de dossier|n[°º] de dossier|dossier" + SP + "n[°º]|num[ée]ro (?:de |du )?patient|ipp|"
            + "num[ée]ro d'assur[ée]e?|num[ée]ro de mutuelle|num[ée]ro d'adh[ée]rent|num[ée]ro de contrat|"
            + "num[ée]ro de compte|(?:num[ée]ro )?rpps|(?:num[ée]ro )?adeli|num[ée]ro de s[ée]jour|"
            + "permis de conduire|"
            // Spanish
            + "(?:n[úu]mero|n[º°]) de historia(?: cl[íi]nica)?|historia cl[íi]nica|nhc|"
            + "n[úu]mero de (?:paciente|afiliaci[óo]n|afiliado|p[óo]liza|cuenta|colegiado)|"
            + "p[óo]liza|tarjeta sanitaria|cip|nuhsa|carnet de conducir|"
            // Portuguese
            + "processo(?: cl[íi]nico)?|proc\\.|n[úu]mero de processo|n\\.?[º°] de processo|carta de condu[çc][ãa]o|"
            + "n[úu]mero de benefici[áa]rio|ap[óo]lice|"
            // Italian
            + "(?:n\\.?|numero)?" + SP + "*nosologico|(?:numero|n\\.) di cartella|cartella(?: clinica)? n\\.?|"
            + "tessera sanitaria|patente(?: di guida)?|"
            // Dutch
            + "pati[ëe]nt(?:en)?(?:nummer|nr\\.?)|dossiernummer|ziekenhuisnummer|polisnummer|rijbewijs(?:nummer)?)";

    private static final String NATIONAL_ID_KEY = "(?:(?i:ssn|social security" + SP + "(?:number|no\\.?|#)|"
            + "national insurance" + SP + "(?:number|no\\.?)|ni" + SP + "(?:number|no\\.?)|nino|"
            + "nhs" + SP + "?(?:number|no\\.?|#)?|chi" + SP + "(?:number|no\\.?)|"
            + "passport" + SP + "(?:number|no\\.?)|"
            + "sozialversicherungs-?nummer|sv-?nummer|sv-?nr\\.?|rentenversicherungs-?nummer|steuer-?id|"
            + "steuer-?identifikationsnummer|personalausweis(?:-?nummer)?|ausweis-?nummer|reisepass(?:-?nummer)?|"
            + "pass-?nummer|kvnr|kv-?nummer|"
            + "(?:num[ée]ro|n[°º]) de passeport|carte d'identit[ée]|num[ée]ro d'identit[ée]|nir|"
            + "(?:num[ée]ro|n[°º]) de s[ée]curit[ée] sociale|(?:num[ée]ro|n[°º]) de s[ée]cu|num[ée]ro insee|"
            + "s[ée]curit[ée] sociale|"
            + "pasaporte|n[úu]mero de pasaporte|documento de identidad|(?:n[úu]mero de (?:la )?)?seguridad social|"
            + "nss|naf|"
            + "nif|n[úu]mero de contribuinte|contribuinte|n[úu]mero de utente|utente n[º°]?|cart[ãa]o de cidad[ãa]o|"
            + "codice fiscale|c\\.f\\.|cod\\.? fisc\\.?|"
            + "bsn|burgerservicenummer|sofinummer|sofi-?nummer)|DNI|NIE|CF)";

    private static final String SERIAL_KEY = "(?:(?i:serial(?:" + SP + "?(?:number|no\\.?|nr\\.?|#))?|"
            + "(?:device|sensor|implant|pump|transmitter|generator)" + SP + "(?:id|serial|sn|s/n)|lot" + SP
            + "(?:number|no\\.?)|seriennummer|serien-?nr\\.?|ger[äa]te-?nummer|"
            + "(?:num[ée]ro|n[°º]\\.?) de s[ée]rie|n[°º]" + SP + "?s[ée]rie|"
            + "(?:n[úu]mero|n[º°]\\.?) de s[ée]rie|n[º°]" + SP + "?serie|"
            + "numero di serie|matricola|serienummer|serienr\\.?|seriale|serial)|S/N|SN|SNR|N/S|(?i:s/n|n/s)(?=" + SP
            + "*[:#]?" + SP + "*[A-Z]{1,6}\\d{4}))";

    private static final String PHONE_KEY = "(?i:tel|tél|phone|telephone|téléphone|teléfono|telefone|telefono|"
            + "telefon|telefonnummer|tel\\.?-?nr|mobile|mobil|handy|cell|portable|m[óo]vil|telemóvel|telemovel|"
            + "cellulare|cell\\.|mobiel|mobieltje|gsm|fax|faxnummer|fax-?nr|numéro de téléphone|"
            + "n[úu]mero de tel[ée]fono|number|ring (?:him|her|them)|call (?:him|her|them))\\.?";

    private static final String PLATE_KEY = "(?i:reg(?:istration)?(?:" + SP + "(?:no\\.?|number|plate))?|"
            + "(?:number|licen[cs]e|car|vehicle)" + SP + "plate|plates?|tag|kenteken|kennzeichen|nummernschild|"
            + "matr[íi]cula|targa|targat[oa]|matriculad[oa]|immatriculée?|plaque(?: d'immatriculation)?|"
            + "immatriculation|immat\\.?|vin)";

    /** What may follow a number and explain it as a dose, a count or an amount rather than an identifier. */
    static final Pattern UNIT_AFTER = Pattern.compile("^[ \\t]*(?i:mg|mcg|µg|μg|ug|ng|g|kg|ml|l|dl|"
            + "units?|u|iu|ie|ui|einheiten|unités|unidades|mmol|µmol|mol|meq|%|€|\\$|£|eur|euros?|usd|dollars?|"
            + "pounds?|gbp|chf|patients?|patienten|pacientes|cases|fälle|cas|casos|people|personnes|personas|"
            + "menschen|deaths|copies|copias|cells|cellules|zellen|/µl|/mm3|/l)(?![\\p{L}])");
    private static final Pattern VERSION_BEFORE = Pattern.compile(
            "(?i:version|versión|firmware|software|release|build|update|v)\\.?[ \\t:,]*$");
    /** "over 90", "mayores de 90 años": the aggregate Safe Harbor allows, not one person's age. */
    private static final Pattern AGGREGATE_BEFORE = Pattern.compile("(?iu:over|above|older than|at least|über|ab|"
            + "älter als|plus de|au-delà de|mayores de|más de|por encima de|sopra i|oltre i|più di|mais de|acima de|"
            + "boven de|ouder dan|après|dopo i|después de los|depois dos)[ \\t-]*$|[>≥][ \\t]*$");
    /** "90 or over", "90 und älter", "90 ans et plus", "90-plussers", "92-year-olds". */
    private static final Pattern AGGREGATE_AFTER = Pattern.compile("^(?:[ \\t]*\\+|[ \\t-]*(?i:or over|or older|"
            + "and over|and older|plus|und älter|oder älter|und mehr|ou plus|et plus|o más|y más|o mayores|"
            + "e più|ou mais|en ouder|-?plussers|s\\b|-year-olds|[ -]?jarigen)(?![\\p{L}]))");
    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d\\d");
    private static final Pattern LOOKS_LIKE_DATE = Pattern.compile("^\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}");
    /** Vital signs and scores that a bare 90–119 usually is: "sats 94", "HR 96", "BP 110/70". */
    private static final Pattern VITAL_BEFORE = Pattern.compile("(?i:sats?|spo2|sao2|o2|hr|pulse|bp|rr|temp|map|"
            + "glucose|bm|weight|kg|score|gcs|news2?|rate|heart rate|pressure|systolic|diastolic|level|bed|bay|room|"
            + "ward|page|slide|question|q|item|line|ext|bleep|fc|fr|ta|pa|puls|sättigung|is|was|of)[ \\t:=]*$");
    private static final Set<String> TRAINING_CODE = Set.of("sim", "trn", "train", "training", "demo", "test",
            "dummy", "tr", "formación", "formation", "formação", "formazione", "schulung", "übung", "oefen", "treino");

    private PatientDataRules() {
    }

    /**
     * In order of precedence: where two findings overlap, the one of the earlier rule is kept. Compiled once, after
     * every pattern above.
     */
    static final List<Rule> ALL = List.of(
            // unmistakable formats first
            Rule.of(Reason.EMAIL, "an e-mail address", Start.ANY, START + "[A-Za-z0-9._%+-]{1,64}+@[A-Za-z0-9]"
                    + "(?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?){0,8}"
                    + "\\.[A-Za-z]{2,}" + END)
                    .onlyIfContains("@"),
            urls(),
            ipAddresses(),
            nationalIds(),
            // numbers a keyword says what they are
            Rule.of(Reason.RECORD_NUMBER, "an IBAN whose check digits hold", Start.UPPER_CASE, START
                    + "[A-Z]{2}\\d{2}(?:" + SP + "?[A-Z0-9]{4}){3,7}(?:" + SP + "?[A-Z0-9]{1,3})?" + END,
                    match -> NationalIds.iban(match.value())),
            keyed(Reason.RECORD_NUMBER, "a number after '{key}'", RECORD_KEY, 4),
            Rule.of(Reason.RECORD_NUMBER, "a number a few words after '{key}'", Start.LETTER, START + RECORD_KEY
                    + "(?![\\p{L}])(?:" + SP + "+[\\p{L}'’]{1,12}+){1,5}+" + SP + "+(?<id>[A-Z0-9]{1,4}[0-9]{4,12}+"
                    + "(?:[-/][A-Z0-9]{1,6}){0,2})" + END, match -> match.digits() >= 6 && !trainingCode(match.value())
                    && !PatientDataRules.NOT_A_CASE.matcher(match.text().substring(match.result().start(),
                    match.start())).find()),
            serials(),
            vehicles(),
            dates(),
            ages(),
            phones(),
            faces(),
            references());

    private static final Pattern PERSON_PRONOUN = Pattern.compile("(?iu)(?<![\\p{L}])(?:sie|er|hij|zij|ze|il|elle|"
            + "él|ella|lui|lei|ele|ela)(?![\\p{L}])");

    /** "Unknown Male 0318-B", "John Doe 4471": the alias an unidentified patient is admitted under. */
    static final Rule UNKNOWN_PATIENT_ALIAS = Rule.of(Reason.IDENTIFYING_NUMBER, "an unidentified patient's alias",
            Start.LETTER, START + "(?i:unknown" + SP + "+(?:male|female|man|woman|patient|adult|child)|"
                    + "(?:john|jane)" + SP + "+doe|unbekannte?r?" + SP + "+(?:mann|frau|patient\\p{L}*)|"
                    + "desconocid[oa]|inconnue?|desconhecid[oa]|sconosciut[oa]|onbekende" + SP + "+(?:man|vrouw))"
                    + SP + "*[#:]?" + SP + "*(?<id>[A-Z0-9]{1,8}(?:[-/][A-Z0-9]{1,8}){0,2})" + END,
            match -> match.digits() >= 2);
    /** A UK driving licence number (MORGA657054SM9IJ): a shape nothing clinical shares. */
    static final Rule UK_DRIVING_LICENCE = Rule.of(Reason.RECORD_NUMBER, "looks like a UK driving licence number",
            Start.UPPER_CASE, START + "[A-Z9]{5}\\d[0156]\\d[0-3]\\d{2}[A-Z9]{2}\\d[A-Z]{2}(?:\\d{2})?" + END);

    /** Whatever long number is left once every other rule had its turn. */
    static final Rule LONG_NUMBERS = Rule.of(Reason.IDENTIFYING_NUMBER,
            "a long number nothing explains (not a dose, a date or a count)", Start.DIGIT,
            "(?<![\\p{L}\\p{N}.,/+:-])\\d(?:[ -]?\\d){7,40}(?![\\p{L}\\p{N}]|[.,/:]\\p{N})",
            PatientDataRules::unexplainedLongNumber);

    /** A keyword, a few linking words, then an identifier with at least {@code minDigits} digits. */
    static Rule keyed(Reason reason, String why, String key, int minDigits) {
        return Rule.of(reason, why, Start.LETTER, START + key + "(?![\\p{L}])" + LINK + CODE,
                match -> match.digits() >= minDigits && match.value().length() <= 40);
    }

    private static Rule urls() {
        Rule full = Rule.of(Reason.URL, "a web address", Start.LETTER, "(?<![\\p{L}\\p{N}@])(?i:https?://|www\\.)"
                + "[^\\s<>\"]*[^\\s<>\".,;:!?)\\]'’]", PatientDataRules::personalUrl);
        // a bare domain, lower case as people type them: facebook.com/prayersforgrandadjoe
        Rule bare = Rule.of(Reason.URL, "a web address", Start.ANY, "(?<![\\p{L}\\p{N}@./-])(?:[a-z0-9][a-z0-9-]{0,62}+\\.){1,8}+"
                + "(?:com|org|net|edu|gov|info|io|ly|me|co|uk|de|fr|es|eu|ch|at|be|nl|it|ie|pt|br|health|app|social|"
                + "tv|blog|page|link|site|online|news)(?![\\p{L}\\p{N}-])(?:/[^\\s<>\"]*[^\\s<>\".,;:!?)\\]'’])?",
                match -> (match.value().indexOf('/') > 0 || match.value().length() >= 6) && personalUrl(match))
                .onlyIfContains(".");
        return Rule.all(full, bare);
    }

    /** Social profiles, fundraisers and personal pages name someone; other links only in a sentence about a patient. */
    private static final Pattern PERSONAL_URL = Pattern.compile("(?i)(?:facebook|fb|instagram|tiktok|twitter|"
            + "x|threads|linkedin|snapchat|reddit|youtube|bsky|gofundme|justgiving|leetchi|vakinha|kisskissbankbank|"
            + "gofund|crowdfunder|patreon|medium|substack|pinterest|tumblr|vk|onlyfans|caringbridge|mealtrain|"
            + "lotsahelpinghands|ko-fi|buymeacoffee|paypal)\\.[a-z.]+/|/@|/profile/|/u/|/user/|/in/|/people/|"
            + "\\.bsky\\.social|/obituar|/obits?/|/news/|/cronaca/|/noticias?/|/nachrichten/|/lokales/|"
            + "/actualites?/|/faits-divers/|/nieuws/|/regio/|/local/");

    private static final Pattern SLIDES = Pattern.compile("(?iu)(?<![\\p{L}])(?:slides?|deck|diapos?|diapositiv\\p{L}*|"
            + "folien?|dia's?|poster|screenshot|screen)(?![\\p{L}])");

    /** Pictures and videos may show a patient: a link to them is held like the pictures would be. */
    private static final Pattern PICTURES = Pattern.compile("(?iu)(?<![\\p{L}])(?:photos?|pics?|pictures?|images?|"
            + "close-?ups?|"
            + "videos?|scans?|recordings?|album|fotos?|bilder|fotografias?|imagens?|immagini|foto's|afbeeldingen)"
            + "(?![\\p{L}])");

    private static boolean personalUrl(Rule.Match match) {
        return PERSONAL_URL.matcher(match.value()).find() || match.context().patientNear(match.start())
                || match.context().sentenceHas(PICTURES, match.start());
    }

    private static Rule ipAddresses() {
        Rule v4 = Rule.of(Reason.IP_ADDRESS, "an IP address", Start.DIGIT, "(?<![\\p{L}\\p{N}.])(?:(?:25[0-5]|2[0-4]\\d"
                + "|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?!\\p{N}|\\.\\p{N})",
                match -> !VERSION_BEFORE.matcher(match.before(20)).find()
                        && (!privateIpv4(match.value()) || match.context().patientNear(match.start())
                        || !match.context().sentenceHas(TRAINING_EQUIPMENT, match.start())))
                .onlyIfContains(".");
        Rule v6 = Rule.of(Reason.IP_ADDRESS, "an IP address", Start.ANY, "(?<![\\p{L}\\p{N}:])(?:(?:[0-9A-Fa-f]{1,4}"
                + ":){7}[0-9A-Fa-f]{1,4}|(?:(?:[0-9A-Fa-f]{1,4}:){1,6}|:):(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})"
                + "{0,5})?)(?![\\p{L}\\p{N}:])", PatientDataRules::plausibleIpv6).onlyIfContains(":");
        return Rule.all(v4, v6);
    }

    /** Teaching machines: a private address among them is a classroom PC, not a patient's device. */
    private static final Pattern TRAINING_EQUIPMENT = Pattern.compile("(?iu)(?<![\\p{L}])(?:training|trainings?|"
            + "sim|simulation|skills|classroom|lecture|teaching|quiz|demo|projector|wifi|wi-fi|ipads?|laptops?|"
            + "manikins?|mannequins?|maniquí|manequim|manichino|übungspuppe|oefenpop|resusci|simman|laerdal|"
            + "simbaby|gaumard|"
            + "pcs?|computers?|aula|formación|formação|formazione|schulung|schulungs\\p{L}*|unterricht|"
            + "laboratorio|laboratório|labo|salle|zaal|raum|lokaal|opleiding|oefen\\p{L}*)(?![\\p{L}])");

    /** 10/8, 172.16/12, 192.168/16, 127/8: a machine on a local network, not a person's line. */
    private static boolean privateIpv4(String ip) {
        String[] parts = ip.split("\\.");
        int a = Integer.parseInt(parts[0]);
        int b = Integer.parseInt(parts[1]);
        return a == 10 || a == 127 || a == 172 && b >= 16 && b <= 31 || a == 192 && b == 168;
    }

    private static Rule nationalIds() {
        Rule usSsn = Rule.of(Reason.SSN, "looks like a US social security number", Start.DIGIT,
                "(?<![\\p{N}-])\\d{3}-\\d{2}-\\d{4}(?![\\p{N}-])", match -> NationalIds.usSsn(match.value()));
        Rule ukNi = Rule.of(Reason.SSN, "looks like a UK National Insurance number", Start.UPPER_CASE, START
                + "(?![DFIQUV])[A-Z](?![DFIQUVO])[A-Z]" + SP + "?\\d{2}" + SP + "?\\d{2}" + SP + "?\\d{2}" + SP
                + "?[A-D]" + END);
        Rule germanSv = Rule.of(Reason.SSN, "looks like a German social insurance number", Start.DIGIT, START
                + "\\d{2}" + SP + "?(?:0[1-9]|[12]\\d|3[01])(?:0[1-9]|1[0-2])\\d{2}" + SP + "?[A-Z]" + SP + "?\\d{3}"
                + END);
        Rule spanishId = Rule.of(Reason.SSN, "a Spanish DNI/NIE whose check letter holds", Start.ANY, START
                + "(?:\\d{8}|[XYZ]\\d{7})[ -]?[A-Z]" + END, match -> NationalIds.spanishId(match.value()));
        Rule nhs = Rule.of(Reason.SSN, "an NHS number whose check digit holds", Start.DIGIT, "(?<![\\p{L}\\p{N}+.,-])"
                + "\\d{3}[ -]?\\d{3}[ -]?\\d{4}(?![\\p{L}\\p{N}]|[.,-]\\p{N})",
                match -> NationalIds.nhsNumber(match.value()) && !UNIT_AFTER.matcher(match.after(20)).find());
        Rule nir = Rule.of(Reason.SSN, "a French social security number (NIR) whose key holds", Start.DIGIT, START
                + "[12378]" + SP + "?\\d{2}" + SP + "?\\d{2}" + SP + "?(?:\\d{2}|2[AB])" + SP + "?\\d{3}" + SP
                + "?\\d{3}" + SP + "?\\d{2}" + END, match -> NationalIds.frenchNir(match.value()));
        Rule kvnr = Rule.of(Reason.SSN, "a German health insurance number (KVNR) whose check digit holds",
                Start.UPPER_CASE, START + "[A-Z]\\d{9}" + END, match -> NationalIds.germanKvnr(match.value()));
        Rule codiceFiscale = Rule.of(Reason.SSN, "an Italian codice fiscale whose check letter holds",
                Start.UPPER_CASE, START + "[A-Za-z]{6}[0-9LMNPQRSTUV]{2}[A-Za-z][0-9LMNPQRSTUV]{2}[A-Za-z]"
                        + "[0-9LMNPQRSTUV]{3}[A-Za-z]" + END, match -> NationalIds.italianCodiceFiscale(match.value()));
        // nine digits pass a BSN or NIF check one time in eleven: believed only next to a patient
        Rule bsnOrNif = Rule.of(Reason.SSN, "a Dutch BSN or Portuguese NIF whose check digit holds, about a patient",
                Start.DIGIT, "(?<![\\p{L}\\p{N}+.,/-])\\d{3}[ .]?\\d{3}[ .]?\\d{3}(?![\\p{L}\\p{N}]|[.,/-]\\p{N})",
                match -> (NationalIds.dutchBsn(match.value()) || NationalIds.portugueseNif(match.value()))
                        && match.context().patientNear(match.start()) && !UNIT_AFTER.matcher(match.after(20)).find());
        return Rule.all(usSsn, ukNi, germanSv, spanishId, nhs, nir, kvnr, codiceFiscale,
                keyed(Reason.SSN, "a number after '{key}'", NATIONAL_ID_KEY, 4), bsnOrNif);
    }

    private static Rule serials() {
        // a mannequin is "her" too ("Resusci Anne lost her jaw"): a manikin in view makes it training kit
        Rule keyed = Rule.of(Reason.DEVICE_SERIAL, "a code after '{key}'", Start.LETTER, START + SERIAL_KEY
                + "(?![\\p{L}])" + LINK + CODE, match -> match.digits() >= 2 && match.value().length() <= 30
                && !trainingCode(match.value()) && !match.context().sentenceHas(MANIKINS, match.start())
                && (match.context().patientNear(match.start())
                || !match.context().sentenceHas(TRAINING_EQUIPMENT, match.start())));
        // "numero di serie sul tesserino 1103-57-A9921", "serial on the back of the box 4471-22"
        Rule loosely = Rule.of(Reason.DEVICE_SERIAL, "a code a few words after '{key}'", Start.LETTER, START
                + SERIAL_KEY + "(?![\\p{L}])(?:" + SP + "+(?!\\p{N})[\\p{L}'’]{1,15}+){1,4}+[ \\t:#]+"
                + "(?<id>[A-Z0-9]{1,8}"
                + "(?:[-/][A-Z0-9]{1,8}){1,4})" + END, match -> match.digits() >= 4 && !trainingCode(match.value())
                && !match.context().sentenceHas(MANIKINS, match.start()) && match.context().patientNear(match.start()));
        return Rule.all(keyed, loosely);
    }

    private static final Pattern MANIKINS = Pattern.compile("(?iu)(?<![\\p{L}])(?:resusci|simman|simbaby|laerdal|"
            + "gaumard|manikins?|mannequins?|maniquí|manequim|manichino|übungspuppe|oefenpop)(?![\\p{L}])");

    /** SIM-004417, 8015-TRN-221: a code that says it belongs to training equipment or a test record. */
    static boolean trainingCode(String code) {
        for (String part : code.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}]+")) {
            if (TRAINING_CODE.contains(part)) {
                return true;
            }
        }
        return false;
    }

    private static Rule vehicles() {
        String plate = "(?<id>[A-Z0-9]{1,4}(?:[ -]?[A-Z0-9]{1,4}){1,3})";
        Rule keyed = Rule.of(Reason.VEHICLE_PLATE, "a registration after '{key}'", Start.LETTER, START + PLATE_KEY
                + "(?![\\p{L}])" + LINK + plate + END, match -> match.digits() >= 1 && match.value().length() >= 4
                && !trainingCode(match.value()) && !match.before(20).matches("(?s).*(?i:asset|inventory)\\W*tag\\W*")
                && match.value().chars().anyMatch(Character::isLetter) && match.value().length() <= 12);
        // "kenteken van de schoonzoon GV-418-K": a few words between the key and the plate
        Rule loosely = Rule.of(Reason.VEHICLE_PLATE, "a registration a few words after '{key}'", Start.LETTER, START
                + PLATE_KEY + "(?![\\p{L}])(?:" + SP + "+(?!\\p{N})[\\p{L}'’]{1,15}+(?=" + SP + ")){1,4}+" + SP + "+"
                + plate + END,
                match -> match.digits() >= 1 && match.value().length() >= 5 && match.value().length() <= 12
                        && match.value().chars().anyMatch(Character::isUpperCase) && !trainingCode(match.value())
                        && (match.value().indexOf('-') > 0 || match.value().indexOf(' ') > 0));
        Rule vin = Rule.of(Reason.VEHICLE_PLATE, "a vehicle identification number (VIN)", Start.ANY, START
                + "[A-HJ-NPR-Z0-9]{17}" + END, match -> match.digits() >= 3 && match.value().chars()
                .filter(Character::isLetter).count() >= 3 && (NationalIds.vinCheckDigit(match.value())
                || match.context().sentenceHas(VEHICLE_WORDS, match.start())));
        // formats of the UK and France stand alone; the others only where a vehicle is spoken of
        Rule ukOrFrench = Rule.of(Reason.VEHICLE_PLATE, "looks like a number plate", Start.UPPER_CASE, START
                + "(?:[A-Z]{2}\\d{2}" + SP + "?[A-Z]{3}|[A-Z]{2}-\\d{3}-[A-Z]{2})" + END);
        Rule others = Rule.of(Reason.VEHICLE_PLATE, "looks like a number plate, where a vehicle is spoken of",
                Start.ANY, START + "(?:\\d{4}" + SP + "?[BCDFGHJKLMNPRSTVWXYZ]{3}|[A-Z]{2}" + SP + "?\\d{3}" + SP
                        + "?[A-Z]{2}|\\d{2}-[A-Z]{2}-\\d{2}|[A-Z]{2}-\\d{2}-[A-Z]{2}|\\d{2}-\\d{2}-[A-Z]{2}|"
                        + "\\d{1,2}-[A-Z]{2,3}-\\d{1,2}|[A-Z]{1,3}-[A-Z]{1,2}" + SP + "?\\d{1,4}|\\d[A-Z]{3}\\d{3}|"
                        + "[A-Z]{3}" + SP + "?\\d{3,4}|\\d{3}" + SP + "?[A-Z]{3})" + END,
                match -> match.context().sentenceHas(VEHICLE_WORDS, match.start()));
        return Rule.all(keyed, loosely, vin, ukOrFrench, others);
    }

    private static final Pattern VEHICLE_WORDS = Pattern.compile("(?i)(?<![\\p{L}])(?:car|cars|van|vehicle|"
            + "motorbike|motorcycle|truck|lorry|taxi|parked|parking|towed?|tow truck|drove|driver|fiesta|"
            + "coche|auto|furgoneta|moto|aparcad[oa]|voiture|véhicule|garée?|carro|viatura|estacionad[oa]|"
            + "wagen|pkw|fahrzeug|geparkt|parkt|parken|macchina|veicolo|parcheggiat[oa]|parcheggia|ambulanceplek|"
            + "geparkeerd|parkeert|aparca|aparcó|se gare|estaciona|car ?park|\\p{L}*parkplatz|parkhaus|parkeerplaats|"
            + "parcheggio|estacionamiento|stationnement|parque de estacionamento)(?![\\p{L}])");

    /** Born in 1909, and a legend: the people of medicine's history, whose dates are no one's patient data. */
    private static final Pattern FAMOUS_PEOPLE = Pattern.compile("(?iu)(?<![\\p{L}])(?:nightingale|apgar|seacole|"
            + "lister|semmelweis|jenner|pasteur|hippocrates|osler|curie|kübler-ross|cavell|virchow|freud|salk|sabin|"
            + "fleming|harvey|snow|saunders|henderson|captain tom)(?![\\p{L}])");

    private static final Pattern EVENT_AFTER_DATE = Pattern.compile(START + "(?i:gestürzt|gefallen|aufgenommen|"
            + "operiert|entlassen|verstorben|gestorben|geboren|gevallen|opgenomen|geopereerd|ontslagen|overleden|"
            + "tombée?|opérée?|hospitalisée?|décédée?|née?|caíd[oa]|operad[oa]|ingresad[oa]|fallecid[oa]|nacid[oa]|"
            + "caduto|caduta|operat[oa]|ricoverat[oa]|decedut[oa]|nat[oa]|caiu|internad[oa]|faleceu|entbunden|"
            + "bevallen|accouchée?|partorito|dio a luz|deu à luz|delivered)(?![\\p{L}])");
    private static final Pattern DATE_BEFORE_EVENT = Pattern.compile("(?<![\\p{L}\\p{N}])" + DATE
            + "[^\\d\\n.!?;]{0,25}$");

    private static Rule dates() {
        Rule keyed = Rule.of(Reason.DATE_OF_PERSON, "a date after '{key}'", Start.LETTER, START + DATE_KEY
                + "(?![\\p{L}])[^\\d\\n.!?;]{0,25}?" + DATE);
        // a birth year alone is allowed, unless it tells that someone is over 89
        Rule birthYear = Rule.of(Reason.DATE_OF_PERSON, "a birth year that makes someone over 89", Start.LETTER,
                START + "(?i:born|b\\.|geboren|geb\\.|née?|nacid[oa]|nascid[oa]|nat[oa]|year of birth|"
                        + "d\\.?o\\.?b\\.?|date of birth|birth ?date|geburtsdatum|date de naissance|"
                        + "fecha de nacimiento|data de nascimento|data di nascita|geboortedatum|"
                        + "geburtsjahr|jahrgang|année de naissance|año de nacimiento|ano de nascimento|"
                        + "anno di nascita|geboortejaar)(?![\\p{L}])[^\\d\\n.!?;]{0,15}?(?<id>(?:18|19|20)\\d\\d)"
                        + "(?!\\p{N})", match -> Year.now().getValue() - Integer.parseInt(match.value()) > 89
                        && !match.context().sentenceHas(FAMOUS_PEOPLE, match.start()));
        // a full date in a sentence about a patient: whatever happened then, it was theirs
        Rule inCare = Rule.of(Reason.DATE_OF_PERSON, "a full date in a sentence about a patient", Start.DIGIT,
                START + "(?<id>\\d{1,2}[./-]\\d{1,2}[./-](?:19|20)\\d{2}|"
                        + "(?:19|20)\\d{2}-\\d{2}-\\d{2})(?![\\d.,/-]\\d)",
                match -> match.context().patientNear(match.start()));
        // the event word is looked for first: trying the date pattern at every digit of clinical talk costs too much
        Rule beforeEvent = (text, found) -> Rule.eachMatch(EVENT_AFTER_DATE, Start.LETTER, text, m -> {
            String value = text.value();
            int from = Math.max(0, m.start() - 45);
            Matcher date = DATE_BEFORE_EVENT.matcher(value).region(from, m.start());
            if (!date.find() || !(text.context().patientNear(date.start("id"))
                    || PERSON_PRONOUN.matcher(value.substring(Math.max(0, date.start() - 40), date.start())).find())) {
                return false;
            }
            found.accept(new Finding(date.start("id"), date.end("id"), Reason.DATE_OF_PERSON,
                    "a date before what happened to someone ('" + m.group().strip() + "')"));
            return true;
        });
        return Rule.all(keyed, birthYear, inCare, beforeEvent);
    }

    private static Rule ages() {
        Rule english = Rule.of(Reason.AGE_OVER_89, "an age over 89", Start.DIGIT, AGE + "(?:" + SP + "|-)*(?i:(?:years?"
                + "|yrs?)(?:" + SP + "|-)*old|y/o|y\\.o\\.|yo|yrs?|y)" + END, PatientDataRules::oneAge);
        Rule german = Rule.of(Reason.AGE_OVER_89, "an age over 89", Start.DIGIT, AGE + "(?:" + SP + "|-)*(?i:jährig"
                + "\\p{L}*|jahre?(?:" + SP + "+alt)?|jahren|j\\.|jaar|jarige|jr\\.?)" + END, PatientDataRules::oneAge);
        // "93F", "92 M", "F/94", "m, 95", "w 91": the age-and-sex shorthand of a handover or a triage note
        Rule ageAndSex = Rule.of(Reason.AGE_OVER_89, "an age over 89, with a sex", Start.ANY, "(?<![\\p{L}\\p{N}.,])"
                + "(?:(?:9\\d|1[01]\\d)(?:" + SP + "?(?:/" + SP + "?)?|-)[MFf]|"
                + "(?:[MFW](?:" + SP + "?[/,]" + SP + "?|" + SP
                + ")|[mfw]" + SP + "?/" + SP + "?)(?:9\\d|1[01]\\d))(?![\\p{L}\\p{N}°º%]|[.,]\\p{N})",
                match -> oneAge(match) && !VITAL_BEFORE.matcher(match.before(20)).find()
                        && !match.before(20).matches("(?s).*(?i:temp|temperature|fever|°)\\W*$"));
        // "in her late nineties", "in his 90s", "mid-nineties": one person's decade
        Rule decade = Rule.of(Reason.AGE_OVER_89, "an age over 89, as a decade", Start.LETTER, START + "(?i:in"
                + SP + "+(?:her|his|their)" + SP + "+(?:(?:early|mid|late)[- ]?)?(?:nineties|90s|90's|hundreds)|"
                + "(?:early|mid|late)[- ](?:nineties|90s)|in" + SP + "+(?:den|die)" + SP + "+(?:späten" + SP + "+|"
                + "frühen" + SP + "+)?neunzigern?|passa(?:d[oa])? dos noventa|noventa y (?:tantos|pico)|"
                + "quatre-vingt-dix (?:ans )?passés|ultranovantenn[ea]|oltre i novanta|in de negentig)" + END,
                match -> !AGGREGATE_BEFORE.matcher(match.before(20)).find());
        Rule romance = Rule.of(Reason.AGE_OVER_89, "an age over 89", Start.DIGIT, AGE + SP + "*(?i:ans|años|anos|"
                + "anni|a\\.|aa\\.?|a(?=" + SP + "*[-–,;/]|" + SP + "*$))" + END, PatientDataRules::oneAge);
        Rule words = Rule.of(Reason.AGE_OVER_89, "an age over 89, in words", Start.LETTER, START + AGE_WORDS
                + "(?:" + SP + "|-)*(?i:years?(?:" + SP + "|-)*old|year-old|years|jahre(?:" + SP + "+alt)?|-?jährig"
                + "\\p{L}*|ans|años|anos|anni|jaar|(?=" + SP + "+(?:and|und|et|y|e|en)" + SP + ")|(?=[,;!]))" + END,
                PatientDataRules::oneAge);
        Rule nonagenarian = Rule.of(Reason.AGE_OVER_89, "an age over 89, in words", Start.LETTER, START
                + "(?i:nonagenarians?|centenarians?|nonagénaires?|centenaires?|neunzigjährige\\p{L}*|hundertjährige"
                + "\\p{L}*|nonagenari[oa]s?|nonagenári[oa]s?|centenári[oa]s?|centenari[oa]s?|negentigers?|"
                + "honderdjarige|"
                + "(?:\\p{L}{0,8}?(?:en|ën))?negentigjarige|novant\\p{L}{0,8}?enne|ultranovantenne|centenne)"
                + END);
        // "our oldest patient, 102, walked…", "la paciente, 94, se cayó": a person, then an age between commas
        Rule personThenAge = Rule.of(Reason.AGE_OVER_89, "an age over 89 after a person", Start.LETTER, START
                + "(?i:patient|pt|lady|gentleman|man|woman|resident|mum|mom|dad|grandma|grandad|nan|granny|"
                + "paciente|señora|señor|abuela|abuelo|patientin|bewohnerin|bewohner|dame|monsieur|madame|patiente|"
                + "doente|utente|senhora|senhor|paziente|signora|signore|nonna|nonno|patiënt|patiënte|mevrouw|"
                + "meneer|bewoonster|bewoner|cliënte?|client|residente|résidente|ospite|vader|moeder|opa|oma|père|"
                + "mère|madre|padre|mutter|vater|avó|avô|pai|mãe|papà|mamma|mamá|papá|grandmother|grandfather|"
                + "father|mother|husband|wife)" + SP + "*[,(]" + SP + "*(?<id>9\\d|1[01]\\d)" + SP + "*[,)]");
        // "rosa (94) al letto 12", "Mr Adeyemi (97) on AMU": an age in brackets after a word, about a patient
        Rule bracketed = Rule.of(Reason.AGE_OVER_89, "an age over 89 in brackets after a person", Start.ANY,
                "\\((?<id>9\\d|1[01]\\d)\\)",
                match -> {
                    String lead = match.text().substring(Math.max(0, match.result().start() - 20),
                            match.result().start());
                    var word = WORD_BEFORE_BRACKET.matcher(lead);
                    return word.find() && personWord(word.group(1)) && !VITAL_BEFORE.matcher(lead).find()
                            && oneAge(match) && match.context().patientNear(match.start());
                });
        // "mw. De Groot wordt volgende week 100", "she turns 101 on Sunday", "cumple mañana 95"
        Rule turns = Rule.of(Reason.AGE_OVER_89, "an age over 89 someone turns", Start.LETTER, START + "(?i:turns|"
                + "is turning|wordt|wird|cumple|compie|fête ses|completa|faz)(?:" + SP + "+(?!\\p{N})[\\p{L}'’]{2,12}+)"
                + "{1,3}+" + SP + "+(?<id>9\\d|1[01]\\d)(?![\\p{N}%°]|[.,]\\p{N}|" + SP + "*(?i:kg|cm|mg|ml|x\\b|"
                + "mmhg|bpm|min|patients|pacientes|patiënten|pazienti))",
                match -> oneAge(match) && match.context().patientNear(match.start())
                        && !INSTITUTION_SUBJECT.matcher(match.before(50)).find());
        // "she's 92", "the lady in side room 3 is 96 and…", "your grandad is 93": a person and a bare number
        Rule personIs = Rule.of(Reason.AGE_OVER_89, "an age over 89 after a name", Start.DIGIT, "(?<![\\p{N}.,])(?<id>9"
                + "\\d|1[01]\\d)(?![\\p{N}]|[.,:/]\\p{N}|" + SP + "*(?:%|°|/|(?i:mm|cm|kg|bpm|mg|ml|min|s\\b|x\\b|"
                + "mmhg|on|over|percent|secs?|th|st|nd|rd)))", PatientDataRules::personIsAge);
        // "celebrate my 102nd in hospital", "her 95th!": an ordinal after a possessive, with no noun after it
        Rule ordinal = Rule.of(Reason.AGE_OVER_89, "a birthday over 89", Start.LETTER, START + "(?i:my|her|his|their)"
                + SP + "+(?<id>9\\d|1[01]\\d)(?i:st|nd|rd|th)(?!" + SP + "*(?!in|on|at|this|today|with|and|"
                + "next|tomorrow|yesterday)\\p{L})", PatientDataRules::oneAge);
        Rule birthday = Rule.of(Reason.AGE_OVER_89, "a birthday over 89", Start.DIGIT, "(?<![\\p{N}.,])(?<id>9\\d"
                + "|1[01]\\d)(?:st|nd|rd|th|\\.|°|º|e|ème|ste|de)?" + SP + "*(?i:birthday|b-?day|geburtstag|"
                + "anniversaire|cumpleaños|aniversário|compleanno|verjaardag)");
        Rule keyed = Rule.of(Reason.AGE_OVER_89, "an age over 89", Start.LETTER, START + "(?i:aged?|age:|alter:?|"
                + "(?:she|he)(?:'s|’s|" + SP + "+is|" + SP + "+was)|"
                + "im alter von|âgée?s? de|à l'âge de|edad:?|edad de|de edad|idade:?|com|età:?|di anni|leeftijd:?|"
                + "tiene|tem|ha|is|was|heeft|hat|turns?|turned|cumple|compie|fait|wordt|wird)" + SP + "*(?<id>" + AGE
                + "|" + AGE_WORDS + ")(?![\\p{N}]|[.,]\\p{N}|" + SP + "*(?:%|°|/|(?i:mm|cm|kg|bpm|mg|ml|min|x\\b)))",
                PatientDataRules::keyedAge);
        // "la abuela de 97", "el varón de 91", "la signora di 93": a person "of" an age
        Rule personOfAge = Rule.of(Reason.AGE_OVER_89, "an age over 89 after a person", Start.LETTER, START
                + "(?i:abuel[oa]|señor[a]?|paciente|varón|hombre|mujer|anciano|anciana|señora|senhor[a]?|doente|"
                + "utente|idos[oa]|signor[ae]?|paziente|anzian[oa]|nonn[oa]|monsieur|dame|patiente?|mevrouw|meneer|"
                + "man|vrouw|patiënte?)" + SP + "+(?:de|di|van)" + SP + "+(?<id>9\\d|1[01]\\d)(?![\\p{N}%]|[.,]\\p{N}|"
                + SP + "*(?i:kg|cm|mg|ml|mmhg|lpm|%|x\\b))", PatientDataRules::oneAge);
        // "At 102, Winifred still walks…"
        Rule atAgeName = Rule.of(Reason.AGE_OVER_89, "an age over 89 before a name", Start.LETTER, START
                + "(?i:at|à|con|mit|met|aos|ai|a los|avec)" + SP + "+(?<id>9\\d|"
                + "1[01]\\d)," + SP + "+(?=\\p{Lu}\\p{Ll})",
                PatientDataRules::oneAge);
        // "Farmer, 96, refused…", "young, 94, #NOF": a word, then an age between commas, then what happens
        Rule betweenCommas = Rule.of(Reason.AGE_OVER_89, "an age over 89 between commas", Start.DIGIT,
                "(?<![\\p{N}.])(?:9\\d|1[01]\\d)," + SP + "?(?=[\\p{Ll}#])",
                match -> WORD_AND_COMMA_BEFORE.matcher(match.before(25)).find() && oneAge(match)
                        && !VITAL_BEFORE.matcher(match.before(20)).find());
        // "oldest patient on the ward this week: 102", "our eldest resident turns 104"
        Rule oldest = Rule.of(Reason.AGE_OVER_89, "an age over 89 of the oldest", Start.LETTER, START
                + "(?i:oldest|eldest|más mayor|plus âgée?|ältesten?|mais velh[oa]|più anzian[oa]|oudste)"
                + "[^.!?\\d\\n]{0,40}?(?<id>9\\d|1[01]\\d)(?![\\p{N}%]|[.,]\\p{N})", PatientDataRules::oneAge);
        return Rule.all(english, german, ageAndSex, decade, romance, words, nonagenarian, personThenAge, personIs,
                personOfAge, atAgeName, betweenCommas, oldest, birthday, keyed, bracketed, turns, ordinal);
    }

    private static final Pattern WORD_BEFORE_BRACKET = Pattern.compile("(\\p{L}+)" + SP + "?$");

    /** "Rosa", "rosa", "bewoonster": a name or a word for a person, not "this week" or "the ward". */
    private static boolean personWord(String word) {
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        return Character.isUpperCase(word.charAt(0)) || TextContext.PERSON_WORDS.contains(lower)
                || NameGazetteer.get().givenName(lower);
    }
    private static final Pattern WORD_AND_COMMA_BEFORE = Pattern.compile("\\p{L}{3}," + SP + "?$");

    /** One person's age, not the Safe Harbor aggregate "90 or older". */
    private static boolean oneAge(Rule.Match match) {
        return !AGGREGATE_BEFORE.matcher(match.before(20)).find() && !AGGREGATE_AFTER.matcher(match.after(20)).find()
                && !AVERAGE_BEFORE.matcher(match.before(40)).find();
    }

    /** "the trust turns 100", "das Klinikum wird 100": a place or a body whose anniversary it is. */
    private static final Pattern INSTITUTION_SUBJECT = Pattern.compile("(?iu)(?<![\\p{L}])(?:trust|hospital|ward|"
            + "unit|service|clinic|charity|nhs|building|department|school|college|university|centre|center|society|"
            + "journal|programme|program|course|club|klinikum|krankenhaus|klinik|station|hôpital|hospital|ospedale|"
            + "ziekenhuis|afdeling|reparto|servicio|serviço)(?:'s)?" + SP + "+(?:(?:is|will|now|just|officially)"
            + SP + "+)?(?:turns?|turning|wordt|wird|cumple|compie|fête|completa|faz|is|was)" + SP);

    /** "l'età media era 91 anni", "mean age 92": a statistic, not a person. */
    private static final Pattern AVERAGE_BEFORE = Pattern.compile("(?iu)(?<![\\p{L}])(?:mean|average|median|media|"
            + "medio|mediana|mediano|médian(?:e)?|mediaan|moyen(?:ne)?|durchschnitt\\p{L}*|gemiddeld\\p{L}*|média|"
            + "médio)(?![\\p{L}])");

    /** "Age 91", "tiene noventa y cuatro años", "is 96" where a person, not a vital sign, is the subject. */
    private static boolean keyedAge(Rule.Match match) {
        String key = match.text().substring(match.result().start(), match.start()).strip().toLowerCase(
                java.util.Locale.ROOT);
        if (INSTITUTION_SUBJECT.matcher(match.before(30)).find()) {
            return false; // "the trust turns 100": an anniversary, not an age
        }
        boolean verb = Set.of("is", "was", "ha", "tiene", "tem", "heeft", "hat", "turns", "turn", "turned", "cumple",
                "compie", "fait", "wordt", "wird", "com").contains(key);
        if (!oneAge(match)) {
            return false;
        }
        if (!verb) {
            return true;
        }
        return !VITAL_BEFORE.matcher(match.before(40).replaceAll("(?i)\\s*(?:is|was)\\s*$", "")).find()
                && match.context().patientNear(match.start()) && !match.after(12).matches("(?s)\\s*(?:years|jahre)?"
                + "\\s*(?:or|and) (?:over|older).*");
    }

    /** "Mr Ferreira 94 - fell", "Eleanor Whitcombe, 92, of Didsbury": a bare 90–119 right after a name. */
    private static boolean personIsAge(Rule.Match match) {
        String before = match.before(40);
        var m = NAME_BEFORE.matcher(before);
        if (!m.find() || !oneAge(match) || VITAL_BEFORE.matcher(before).find()) {
            return false;
        }
        String word = m.group(1).toLowerCase(java.util.Locale.ROOT);
        return NameGazetteer.get().anyName(word) && !NameGazetteer.get().commonWord(word)
                || m.group(1).length() > 2 && before.matches("(?s).*(?:Mr|Mrs|Ms|Miss|Herr|Frau|Sr|Sra|M|Mme|Sig"
                + "|mevrouw|meneer)\\.?\\s+\\S+,?\\s*$");
    }

    private static final Pattern NAME_BEFORE = Pattern.compile("(\\p{Lu}[\\p{Ll}'’-]+)\\s*[,(]?\\s*$");

    private static Rule phones() {
        Rule keyed = Rule.of(Reason.PHONE_OR_FAX, "a phone number after '{key}'", Start.LETTER, START + PHONE_KEY
                + "(?![\\p{L}])[^\\d\\n.!?;]{0,30}?(?<id>\\+?\\(?\\d[\\d ()./-]{5,20}\\d)(?!\\p{N})",
                match -> match.digits() >= 7 && match.digits() <= 15);
        Rule international = Rule.of(Reason.PHONE_OR_FAX, "an international phone number", Start.ANY,
                "(?<![\\p{L}\\p{N}+])(?:\\+|00)[1-9]\\d{0,2}(?:[ .-]?\\(0\\))?(?:[ ./-]?+\\(?+\\d{1,5}+\\)?+){2,7}+"
                        + "(?!\\p{N})",
                match -> match.digits() >= 9 && match.digits() <= 15);
        // 0171 2345678, 06 12 34 56 78, (030) 1234567: a trunk prefix and separators, but not a date and time
        Rule national = Rule.of(Reason.PHONE_OR_FAX, "a phone number", Start.ANY, "(?<![\\p{L}\\p{N}+.,/:-])\\(?0\\d"
                + "{1,4}\\)?(?:[ ./-]\\d{2,8}){1,5}(?!\\p{N}|[.,/]\\p{N})", match -> match.digits() >= 9
                && match.digits() <= 13 && !LOOKS_LIKE_DATE.matcher(match.value()).find());
        Rule mobile = Rule.of(Reason.PHONE_OR_FAX, "a mobile number", Start.DIGIT, "(?<![\\p{L}\\p{N}+.,/:-])0[67]\\d"
                + "{8,9}(?!\\p{N}|[.,/]\\p{N})");
        Rule northAmerican = Rule.of(Reason.PHONE_OR_FAX, "a phone number", Start.ANY, "(?<![\\p{L}\\p{N}])(?:\\(\\d"
                + "{3}\\)" + SP + "?|\\d{3}[ .-])\\d{3}[ .-]\\d{4}(?!\\p{N}|[.,/-]\\p{N})");
        Rule iberianItalian = Rule.of(Reason.PHONE_OR_FAX, "a phone number", Start.DIGIT, "(?<![\\p{L}\\p{N}.,])(?:"
                + "[6-9]\\d{2}(?:(?:[ .]\\d{2}){3}|(?:[ .]\\d{3}){2})|[89]\\d[ .]\\d{3}(?:[ .]\\d{2}){2}|"
                + "3\\d{2}[ .]\\d{3}[ .]?\\d{3,4}|2\\d{2}[ .]\\d{3}[ .]\\d{3})(?!\\p{N}|[.,]\\p{N})",
                match -> !UNIT_AFTER.matcher(match.after(20)).find());
        return Rule.all(keyed, international, national, mobile, northAmerican, iberianItalian);
    }

    /** A photo of a face, or a biometric, of a patient: shown or shared. */
    private static Rule faces() {
        Rule face = Rule.of(Reason.FACE_OR_BIOMETRIC, "a photo of a face", Start.LETTER, START + "(?i:"
                + "(?:full[- ]face|face)" + SP + "+(?:pic|picture|photo|shot|image|selfie)s?|headshots?|mugshots?|"
                + "(?:photo|pic|picture|image|selfie|video|snap|foto|bild|fotografia|fotografie|imagem|immagine|"
                + "afbeelding)s?" + SP + "+(?:[\\p{L}'’]+" + SP + "+){0,4}?(?:face|faces|gesicht|cara|rostro|rosto|"
                + "visage|volto|viso|gezicht))" + END, match -> !match.context().simulationAt(match.start()));
        // "slide 14 had the patient's full face in the corner"
        Rule faceCompound = Rule.of(Reason.FACE_OR_BIOMETRIC, "a photo of a face", Start.LETTER, START
                + "(?i:gesichts(?:foto|bild|aufnahme)\\p{L}*|porträt(?:foto|aufnahme)\\p{L}*|gezichtsfoto'?s?|"
                + "foto'?s? van (?:het|haar|zijn) gezicht)" + END,
                match -> !match.context().simulationAt(match.start()));
        Rule fullFace = Rule.of(Reason.FACE_OR_BIOMETRIC, "a patient's face shown", Start.LETTER, START
                + "(?i:(?:the )?patient'?s|(?:his|her) (?:whole |full )|(?:the )?(?:whole|full) face of)" + SP
                + "*(?i:full |whole )?face" + END, match -> match.context().sentenceHas(PICTURES, match.start())
                || match.context().sentenceHas(SLIDES, match.start()));
        Rule biometric = Rule.of(Reason.FACE_OR_BIOMETRIC, "a biometric", Start.LETTER, START + "(?i:retina(?:l)?"
                + SP + "+scans?|iris" + SP + "+scans?|finger" + SP + "?prints?|thumb" + SP + "?prints?|"
                + "voice" + SP + "?prints?|palm"
                + SP + "?prints?|face" + SP + "+scans?|facial recognition|fingerabdr(?:uck|ücke)|irisscan|"
                + "huellas? (?:dactilar(?:es)?|digital(?:es)?)|empreintes? digitales?|impress(?:ão|ões) digita(?:l|is)|"
                + "impront[ae] digital[ei]|vingerafdruk(?:ken)?|stemafdruk|voice" + SP + "+(?:note|recording|memo|"
                + "message|sample)s?|nota de voz|mensaje de voz|sprachnachricht|message vocal|mensagem de voz|"
                + "nota vocale|messaggio vocale|spraakbericht|ingesproken bericht)" + END,
                match -> match.context().patientNear(match.start()));
        Rule namedPhoto = Rule.of(Reason.FACE_OR_BIOMETRIC, "a photo of a named person", Start.LETTER, START
                + "(?i:photo|pic|picture|selfie|foto|fotografia)s?" + SP + "+(?i:of|de|di|van|von)" + SP
                + "+(?:(?i:mr|mrs|ms|miss)\\.?" + SP + "+)?(?<id>\\p{Lu}\\p{Ll}+)",
                match -> NameGazetteer.get().anyName(match.value().toLowerCase(java.util.Locale.ROOT)));
        return Rule.all(face, faceCompound, fullFace, biometric, namedPhoto);
    }

    /**
     * Reference numbers that identify someone's case: a specimen, a wristband or a barcode always; a bed manager's,
     * safeguarding, coroner's or ambulance reference in a sentence about a patient.
     */
    private static Rule references() {
        Rule specimen = Rule.of(Reason.IDENTIFYING_NUMBER, "a code after '{key}'", Start.LETTER, START
                + "(?i:barcode|bar code|code-barres|c[óo]digo de barras|codice a barre|streepjescode|wristband" + SP
                + "(?:number|id|code)|(?:wristband|(?:patienten)?armband|polsband(?:je)?|bracelet|pulsera|pulseira|"
                + "braccialetto)"
                + "(?:-?barcode)?|(?:lab" + SP + ")?accession(?:" + SP + "(?:number|no\\.?|#))?|specimen" + SP
                + "(?:number|no\\.?|id)|sample" + SP + "(?:number|no\\.?|id)|lab" + SP + "(?:number|no\\.?)|"
                + "probennummer|n[úu]mero de muestra|num[ée]ro d'[ée]chantillon)(?![\\p{L}])" + LINK + CODE,
                match -> match.digits() >= 4 && match.value().length() <= 30 && !trainingCode(match.value())
                        && (match.context().patientNear(match.start())
                        || !match.context().sentenceHas(TRAINING_EQUIPMENT, match.start())));
        Rule reference = Rule.of(Reason.IDENTIFYING_NUMBER, "a reference after '{key}', about a patient",
                Start.LETTER, START + "(?i:ref(?:erence)?(?:" + SP + "(?:no\\.?|number|#))?|(?:prison|prisoner|"
                + "custody|inmate)" + SP + "(?:number|no\\.?|id)|incident" + SP + "(?:number|no\\.?|#)|"
                + "referral" + SP + "(?:number|no\\.?|id)|aktenzeichen|r[ée]f[ée]rence|"
                + "referencia|riferimento|kenmerk)(?![\\p{L}])" + LINK + CODE,
                match -> match.digits() >= 4 && match.value().length() <= 30 && !trainingCode(match.value())
                        && !documentNumber(match.value()) && match.context().patientNear(match.start()));
        // "blood bank sample GS8812774", "Einsatznummer der Leitstelle 4711-26-00938", "l'étiquette du tube
        // 26B0047713", "nº de episodio 2026-URG-118374": a code a few words after what it labels
        Rule labelled = Rule.of(Reason.IDENTIFYING_NUMBER, "a code after '{key}'", Start.LETTER, START + "(?<key>"
                + CASE_KEY + ")(?![\\p{L}])(?<words>(?:[ \\t:#.,°º()-]+(?:(?!\\p{N})[\\p{L}'’]{1,25}+(?=[.:,]?[ \\t])|"
                + "\\d{1,3}(?=[.:,]?[ \\t])|n\\.?[º°o]\\.?(?=[ \\t]))){0,6}+)"
                + "[ \\t:#.,°º()-]+(?<id>[\\p{L}\\p{N}]{1,10}+(?:[-/][\\p{L}\\p{N}]{1,10}+){0,4}+)" + END,
                match -> caseCode(match) && (STRONG_CASE_KEY.matcher(match.result().group("key")).matches()
                        || ID_WORD.matcher(match.result().group("words")).find()
                        || match.context().patientNear(match.start())));
        return Rule.all(specimen, reference, labelled);
    }

    /** Words that label a code as someone's sample, episode, bag or case, in the seven languages. */
    private static final String CASE_KEY = "(?i:(?:path(?:ology)?|lab|blood|x-?ray|imaging|radiology|histo(?:logy)?)"
            + SP + "+requests?|samples?|specimens?|labels?|tubes?|pots?|accession|episodes?|"
            + "incidents?|wristbands?|bands?|barcodes?|bags?|property|valuables|lockers?|requests?|referrals?|"
            + "cases?|jobs?|refs?|references?|orders?|bookings?|tickets?|encounters?|attendances?|cad|datix|"
            + "(?:tracking )?tags?|codes?|código|codice|pulseira|polsband(?:je)?|triaje|triagem|loan|préstamo|prêt|"
            + "empréstimo|prestito|leihgabe|"
            + "proben?|probennummer|etikett|auftrag|auftragsnummer|anforderung|einsatz|einsatznummer|fall|"
            + "fallnummer|wertsachen\\p{L}*|beutel|vorgang|vorgangsnummer|überweisung|einweisung|laborauftrag|"
            + "étiquette|tube|prélèvement|demande|séjour|dossier|bon|sachet|épisode|intervention|passage|triage|"
            + "muestras?|etiquetas?|tubos?|petición|solicitud|episodios?|incidente|caso|expediente|bolsa|pulsera|"
            + "volante|amostras?|pedido|requisição|episódio|ocorrência|processo|saco|pulseira|referenciação|"
            + "campione|etichetta|provetta|richiesta|accesso|episodio|pratica|sacchetto|braccialetto|impegnativa|"
            + "verbale|monster|etiket|buis|aanvraag|opname|opnamenummer|melding|zak|polsbandje|verwijzing|"
            + "ritnummer|seh-nummer|seh-nr|labnummer|labnr|monsternummer|aanvraagnummer)";
    /** Keys that say, alone, that the code belongs to one person. */
    private static final Pattern STRONG_CASE_KEY = Pattern.compile("(?i:(?:path(?:ology)?|lab|blood|x-?ray|"
            + "imaging|radiology|histo(?:logy)?)" + SP + "+requests?|samples?|specimens?|labels?|tubes?|pots?|"
            + "accession|episodes?|incidents?|wristbands?|bands?|barcodes?|property|valuables|cad|triage|triaje|"
            + "triagem|"
            + "proben?|probennummer|etikett|einsatz|einsatznummer|fallnummer|wertsachen\\p{L}*|"
            + "étiquette|tube|prélèvement|séjour|épisode|passage|muestras?|etiquetas?|tubos?|episodios?|pulsera|"
            + "amostras?|episódio|pulseira|campione|etichetta|provetta|accesso|episodio|braccialetto|monster|etiket|"
            + "buis|opname|opnamenummer|polsbandje|ritnummer|seh-nummer|seh-nr|labnummer|labnr|monsternummer)");
    private static final Pattern ID_WORD = Pattern.compile("(?i)(?<![\\p{L}])(?:id|no|nr|number|nummer|numéro|"
            + "número|numero|n)(?![\\p{L}])");
    /** What makes a code not a person's: a drug batch, a study, a guideline, a course, an asset, a version. */
    private static final Pattern NOT_A_CASE = Pattern.compile("(?i)(?<![\\p{L}])(?:lot|batch|charge|lote|lotto|"
            + "partij|chargen\\p{L}*|study|studie|studies|estudio|étude|studio|estudo|trial|audit|guideline|"
            + "leitlinie|course|kurs|session|module|version|asset|inventar\\p{L}*|catalogue|catalog|product|"
            + "article|artikel|isbn|doi|ref\\.? ?range|bleep|ext|slide|page|protocol|protocolo|protokoll|protocole|"
            + "protocollo|sop|policy|procedure|procedimiento|procédure|procedura|procedimento|richtlijn|"
            + "leidraad)(?![\\p{L}])");

    /** At least four digits with a letter or a separator, or five digits; not a date, a count or a training code. */
    private static boolean caseCode(Rule.Match match) {
        String value = match.value();
        long digits = match.digits();
        boolean shaped = value.chars().anyMatch(Character::isLetter) || value.indexOf('-') > 0
                || value.indexOf('/') > 0;
        return (digits >= 5 || digits >= 4 && shaped) && value.length() <= 24 && !trainingCode(value)
                && !documentNumber(value)
                && !YEAR.matcher(value).matches() && !LOOKS_LIKE_DATE.matcher(value).find()
                && !value.matches("\\d{4}-\\d{2}-\\d{2}") && !UNIT_AFTER.matcher(match.after(20)).find()
                && !NOT_A_CASE.matcher(match.text().substring(Math.max(0, match.result().start() - 30),
                match.start())).find();
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

    /**
     * A long run of digits is suspicious unless it is a dose or count, a date, a range, a list of years, or the
     * number of a training device (nothing about a patient around it).
     */
    private static boolean unexplainedLongNumber(Rule.Match match) {
        String value = match.value();
        if (match.digits() < 8 || UNIT_AFTER.matcher(match.after(20)).find()
                || NOT_A_CASE.matcher(match.before(30)).find()
                || match.context().sentenceHas(TRAINING_EQUIPMENT, match.start()) && !match.context().patientNear(match.start())
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

    private static final Pattern RECORD_TALK = Pattern.compile("(?iu)(?<![\\p{L}])(?:inpatient|outpatient|notes|"
            + "records?|epr|ehr|pas|hix|epic|cerner|dossiers?|akte|kis|board|bed ?managers?|bed ?state|admissions?|"
            + "discharged?|merged?|duplicate|samenvoegen|dubbel|doppelt|duplicad[oa]|doublon|duplicat[oa]|"
            + "prison|custody|wristband|armband|band|booking|transport|tracker|tracking)(?![\\p{L}])");
    private static final Pattern PATIENT_DEVICE = Pattern.compile("(?iu)(?<![\\p{L}])(?:hearing aids?|pacemakers?|"
            + "icds?|insulin pumps?|pumps?|cgm|libre|dexcom|implants?|cochlear|hörgeräte?s?|herzschrittmacher|"
            + "audífonos?|marcapasos|appareils? auditifs?|stimulateur|aparelhos? auditivos?|pacemaker|"
            + "apparecchi[oa]? acustic[oi]|microinfusore|gehoorapparaat|pacemakers?)(?![\\p{L}])");

    /**
     * "RM0048213 still shows as an inpatient", "BM-22817 has bounced between AMU and ortho", "7018263 staat dubbel in
     * HiX": a bare record-like code where records, beds or notes are spoken of.
     */
    static final Rule BARE_CODES = Rule.of(Reason.IDENTIFYING_NUMBER, "a record-like code where records are spoken of",
            Start.ANY, "(?<![\\p{L}\\p{N}/.-])(?:[A-Z]{1,3}-?\\d{5,10}[A-Z]{0,2}|[A-Z]\\d{4}[A-Z]{2}|\\d{7})"
                    + "(?![\\p{L}\\p{N}]|[.,/-]\\p{N})",
            match -> match.context().sentenceHas(RECORD_TALK, match.start()) && !trainingCode(match.value())
                    && !UNIT_AFTER.matcher(match.after(20)).find() && !NOT_A_CASE.matcher(match.before(30)).find()
                    && (!match.value().matches("[A-Z]{1,3}-?\\d{5}") || match.context().patientNear(match.start())));
    /**
     * "chase 26/RAD/119045 - it's the CTPA for the lady in bay 4", "Z26-041187": a code of parts joined by slashes
     * or hyphens, letters and at least five digits, in a sentence about a patient — the shape of a request, an
     * accession or an episode, which no dose, date or guideline has.
     */
    static final Rule STRUCTURED_CODES = Rule.of(Reason.IDENTIFYING_NUMBER, "a reference-like code about a patient",
            Start.ANY, "(?<![\\p{L}\\p{N}/.-])[A-Z0-9]{1,8}(?:[/-][A-Z0-9]{1,8}){1,3}(?![\\p{L}\\p{N}]|[.,/-]"
                    + "[\\p{L}\\p{N}])",
            match -> match.digits() >= 5 && match.value().chars().anyMatch(Character::isLetter)
                    && match.value().matches(".*\\d{4}.*") && !documentNumber(match.value())
                    && match.context().patientNear(match.start())
                    && !trainingCode(match.value()) && !NOT_A_CASE.matcher(match.before(30)).find()
                    && !UNIT_AFTER.matcher(match.after(20)).find()
                    && !match.context().sentenceHas(TRAINING_EQUIPMENT, match.start()));
    /** "PR-2024-07", "SOP/2025/3": a year and short numbers, as documents and courses are numbered. */
    private static boolean documentNumber(String code) {
        String[] parts = code.split("[/-]");
        boolean year = false;
        for (String part : parts) {
            if (part.matches("(?:19|20)\\d{2}")) {
                year = true;
            } else if (part.matches(".*\\d{4}.*")) {
                return false;
            }
        }
        return year;
    }

    /** Device words: a code beside one of these in a patient's sentence is its serial. */
    static final Rule DEVICE_CODES = Rule.of(Reason.DEVICE_SERIAL, "a code on a patient's device", Start.ANY,
            "(?<![\\p{L}\\p{N}/.-])[A-Z0-9]{2,12}(?:-[A-Z0-9]{2,8}){0,2}(?![\\p{L}\\p{N}]|[.,/-]\\p{N})",
            match -> match.digits() >= 5 && match.value().chars().anyMatch(Character::isLetter)
                    && match.context().sentenceHas(PATIENT_DEVICE, match.start())
                    && match.context().patientNear(match.start()) && !trainingCode(match.value())
                    && !match.before(20).matches("(?is).*(?:lot|batch|charge|lote|lotto|partij|version|asset|"
                    + "study|model|ref|catalogue)\\W*")
                    && !match.context().sentenceHas(TRAINING_EQUIPMENT, match.start()));
}
