package app.rounds.screening.control;

import app.rounds.screening.control.Rule.Start;
import app.rounds.screening.entity.Reason;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import static app.rounds.screening.control.PatientDataRules.END;
import static app.rounds.screening.control.PatientDataRules.SP;
import static app.rounds.screening.control.PatientDataRules.START;

/**
 * Addresses and the geographic units smaller than a state that Safe Harbor removes: streets with a house number
 * (EN, DE, NL, FR, ES, PT, IT), postcodes (full UK and ZIP+4 and Portuguese ones alone; US, DE, FR, ES, IT, NL ones
 * after "ZIP"/"PLZ"/"CP"… or in a sentence about a patient next to a town), and a town tied to a patient ("a man
 * from Wythenshawe", "Eleanor Whitcombe, 92, of Didsbury", "abita a Cinisello Balsamo"). Countries and states are
 * not looked for: Safe Harbor allows them.
 */
final class PlaceRules {


    private static final String NAME = PatientDataRules.NAME;
    private static final String TOWN = NAME + "(?:" + SP + "+(?:(?:am|an|der|im|sur|de|del|la|le|di|do|da|aan|"
            + "den|op|upon|on)" + SP + "+)?" + NAME + "){0,2}";

    /** Countries, states and regions: Safe Harbor keeps these, and they are no one's address. */
    private static final Set<String> NOT_PLACES = Set.of(
            "england", "scotland", "wales", "ireland", "britain", "uk", "us", "usa", "america", "canada", "australia",
            "europe", "africa", "asia", "india", "pakistan", "bangladesh", "nigeria", "ghana", "kenya", "poland",
            "romania", "ukraine", "russia", "china", "japan", "philippines", "spain", "españa", "portugal", "italy",
            "italia", "france", "germany", "deutschland", "netherlands", "nederland", "holland", "belgium", "brazil",
            "brasil", "mexico", "méxico", "turkey", "syria", "iraq", "iran", "afghanistan", "somalia", "eritrea",
            "ethiopia", "sudan", "morocco", "marruecos", "algeria", "tunisia", "egypt", "greece", "sweden", "norway",
            "denmark", "finland", "switzerland", "austria", "österreich", "schweiz", "jamaica", "caribbean",
            "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware",
            "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky",
            "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri",
            "montana", "nebraska", "nevada", "ohio", "oklahoma", "oregon", "pennsylvania", "tennessee", "texas",
            "utah", "vermont", "virginia", "washington", "wisconsin", "wyoming", "bayern", "bavaria", "sachsen",
            "hessen", "niedersachsen", "andalucía", "andalucia", "cataluña", "catalunya", "galicia", "madrid",
            "normandie", "bretagne", "lombardia", "sicilia", "sardegna", "toscana", "brabant", "limburg",
            "gelderland", "the", "ward", "hospital", "resus", "theatre", "theatres", "home", "bay", "bed",
            "room", "icu", "itu", "ed", "a&e", "er", "amu", "hdu", "ccu", "dr", "mr", "mrs", "ms", "our", "his", "her",
            "their", "january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday", "christmas", "easter", "covid", "nhs", "work", "school", "church", "abroad", "holiday",
            "hospice", "care", "nursing", "rehab", "clinic", "surgery", "gp", "outpatients", "urgencias",
            "notaufnahme", "urgences", "pronto", "seh", "intensive", "station", "casa", "domicilio", "hause",
            "thuis", "unit", "unidad", "la", "el", "los", "las", "le", "les", "il", "lo", "de", "der", "die", "das",
            "prof", "professor", "sister", "nurse", "doctor", "doc", "team", "staff", "matron", "consultant", "dra",
            "herr", "frau", "señor", "señora", "monsieur", "madame", "mevrouw", "meneer", "signora", "senhor",
            "senhora", "zimmer", "kamer", "cama", "letto", "quarto", "chambre", "lit", "bett", "zaal", "sala");

    /** Words that tie a patient to a town: "lives in", "from", "near", "wohnt in", "vive en", "abita a"… */
    private static final Pattern TOWN_BEFORE = Pattern.compile("(?i)(?<![\\p{L}])(?:(?:lives|living|lived|"
            + "moved|back home|at home|home|staying|resident)(?:" + SP + "+alone)?(?:" + SP + "+(?:out|up|down|over|"
            + "just|right))?" + SP + "+(?:in|at|to|near|past|outside|beyond|by|on)|"
            + "lives" + SP + "+on" + SP + "+(?:her|his|their)" + SP
            + "+own" + SP + "+in|from(?:" + SP + "+(?:rural|"
            + "remote|deepest|little|tiny|"
            + "small|outer))?|near|(?:farm|farmhouse|village|hamlet|croft|cottage|cortijo|aldea|pueblo|monte|aldeia|"
            + "quinta|frazione|paesino|borgo|cascina|hameau|ferme|bauernhof|dorf|boerderij|dorp|gehucht)" + SP
            + "+(?:(?:up|out|down|over|just|right)" + SP + "+)?(?:near|outside|cerca de|perto de|vicino a|bei|"
            + "près de|bij)|(?:bungalow|flat|house|cottage|care home|nursing home|residencia|residência|residenza|"
            + "maison|haus|huis|casa|caravan|mobile home)" + SP + "+(?:in|on|at|de|em|a|à|en|op)|past" + SP + "+the"
            + SP + "+(?:church|chapel|pub|school|shop|post office)" + SP + "+in|(?:home )?visits?" + SP
            + "+(?:out" + SP + "+)?(?:to|in)|(?:seule?|sol[oa]|sozinh[oa]|allein|alleen)" + SP
            + "+(?:à|a|en|em|in)|"
            // "l'EHPAD Les Glycines à Elbeuf", "Pflegeheim Sonnenhof in Garbsen": a care home and its town
            + "(?:ehpad|care home|nursing home|residential home|pflegeheim|altenheim|seniorenheim|verpleeghuis|"
            + "verzorgingshuis|zorgcentrum|rsa|casa di riposo|casa de repouso|lar de idosos|maison de retraite)(?:"
            + SP + "+\\p{Lu}[\\p{L}'’-]*){0,3}" + SP + "+(?:in|at|à|a|en|em|te|bij|near|de)|"
            + "outside|wohnt" + SP + "+(?:allein" + SP + "+)?in|lebt" + SP + "+(?:allein" + SP + "+)?in|aus|"
            + "vive" + SP + "+(?:sol[oa]" + SP + "+)?en|vit" + SP + "+(?:seule?" + SP + "+)?(?:à|a|en)|"
            + "viene de|vient de|veio de|vem de|kommt aus|stammt aus|komt uit|comes? from|is from|"
            + "originari[oa] de|originaire de|natural de|originari[oa] di|"
            + "viene de|de la zona de|cerca de|habite" + SP + "+(?:seule?" + SP + "+)?(?:à|a)|près de|venant de|"
            + "mora" + SP + "+(?:sozinh[oa]" + SP + "+)?(?:em|no|na)|perto de|vem de|abita" + SP
            + "+(?:da sol[oa]" + SP + "+)?(?:a|ad|in)|vicino a|viene da|woont" + SP + "+(?:alleen" + SP
            + "+)?in|uit|bij)" + SP + "+$");

    private static final Pattern STREET_WORD = Pattern.compile("(?:straße|strasse|weg|gasse|allee|damm|ufer|"
            + "chaussee|straat|laan|plein|gracht|kade|singel|dijk|steeg|hof|markt|str\\.)$");
    private static final Pattern AGE_THEN_OF = Pattern.compile("\\d{2,3}," + SP + "+of" + SP + "+$");
    /** The last word of every link of TOWN_BEFORE and of ", 92, of". */
    private static final Set<String> LINK_WORDS = Set.of("in", "at", "to", "near", "past", "outside", "beyond", "by",
            "from", "aus", "en", "à", "a", "de", "em", "no", "na", "ad", "da", "uit", "bij", "of", "on", "rural",
            "remote",
            "deepest", "little", "tiny", "small", "outer", "bei", "di", "do");
    private static final Set<String> OF = Set.of("de", "di", "da", "do");
    private static final Set<String> FROM = Set.of("from", "aus", "uit", "de", "di", "da", "do", "van");
    /** "Sarah from Pharmacy": staff named with their department, not a patient from a town. */
    private static final Set<String> DEPARTMENTS = Set.of("pharmacy", "physio", "physiotherapy", "radiology",
            "estates", "catering", "portering", "switchboard", "finance", "education", "comms", "communications",
            "outpatients", "maternity", "paediatrics", "pediatrics", "oncology", "cardiology", "ortho",
            "orthopaedics", "neurology", "renal", "microbiology", "haematology", "lab", "labs", "pathology", "admin",
            "reception", "security", "facilities", "medicine", "surgery", "theatres", "anaesthetics", "infection",
            "safeguarding", "discharge", "dietetics", "occupational", "social", "chaplaincy", "housekeeping",
            "apotheke", "pharmacie", "farmacia", "farmácia", "apotheek", "radiologie", "radiología", "radiologia");
    /** "lives on Elm Street": after "on", only a street is a place. */
    private static final Pattern STREET_NAME = Pattern.compile("(?:Street|Road|Lane|Avenue|Drive|Close|Way|Crescent|"
            + "Terrace|Gardens|Grove|Place|Row|Hill|Estate|Boulevard|Court|Square|Mews)$");
    private static final Pattern LIVES = Pattern.compile("(?i)live|living|moved|home|staying|resident|wohnt|vive|"
            + "habite|mora|abita|woont|lebt|vit|viene|vient|veio|vem|kommt|stammt|komt|comes?|originari|natural|"
            + "bungalow|flat|house|caravan|past|residencia|residência|residenza|maison|haus|huis|visit|seul|sol|"
            + "sozinh|allein|"
            + "alleen|farm|village|hamlet|croft|cottage|cortijo|aldea|pueblo|monte|aldeia|quinta|"
            + "frazione|paesino|borgo|cascina|hameau|ferme|dorf|boerderij|dorp|gehucht");

    private PlaceRules() {
    }

    /** "a man from", "our patient from", "la paciente de": a person a few words before the link. */
    private static boolean personBefore(ScreenedText text, int i, int words) {
        // "un señor de un cortijo cerca de Écija": the person may be several words before
        for (int k = i - 1; k >= Math.max(0, i - words - 1); k--) {
            if (TextContext.PERSON_WORDS.contains(text.word(k))) {
                return true;
            }
        }
        return false;
    }


    private static final Pattern TOWN_AND_COMMA_BEFORE = Pattern.compile("\\p{Lu}\\p{Ll}+," + SP + "*$");

    /** A venue, a course or the hospital itself: an address that is no one's home. */
    private static final Pattern INSTITUTION = Pattern.compile("(?iu)(?<![\\p{L}])(?:venue|course|conference|"
            + "congress|event|session|hospital|trust|our|clinic|klinik|klinikum|hôpital|ospedale|ziekenhuis|"
            + "cent(?:er|re)|centro|university|universit\\p{L}*|college|school|hotel|hall|campus|library|hospitals|"
            + "trusts|infirmary|nhs|clinics)(?![\\p{L}])");

    private static Rule streets() {
        String postcodeAndTown = "(?:,?" + SP + "+(?:\\d{5}|\\d{4}-\\d{3}|\\d{4}" + SP + "?[A-Z]{2})(?:," + SP
                + "*|" + SP + "+)\\p{Lu}\\p{L}+(?:[ -]\\p{Lu}\\p{L}+)*)?";
        // not "room G.14, Moor Lane site": a house number stands alone
        Rule english = Rule.of(Reason.ADDRESS, "a street address", Start.DIGIT, START + "(?<![.:])\\d{1,5}[A-Za-z]?,?"
                + SP
                + "+(?:" + NAME + SP + "+){1,3}(?i:street|st|road|rd|avenue|ave|lane|ln|drive|dr|close|way|"
                + "crescent|cres|place|pl|court|ct|terrace|gardens|boulevard|blvd|grove|square|sq|mews|row|walk|"
                + "hill|park|view|cottages?|villas|rise|green|parade|heights|croft|meadows?|fold|chase|wynd|brae|"
                + "estate|quay|wharf|yard)\\.?(?![\\p{L}])(?:" + SP + "+(?i:apt|apartment|flat|unit|suite)\\.?" + SP
                + "*[\\p{L}\\p{N}]+)?(?:,?" + SP + "+\\p{Lu}\\p{Ll}+)?(?:,?" + SP + "+(?:[A-Z]{1,2}\\d[A-Z\\d]?" + SP
                + "?\\d[A-Z]{2}|(?:[A-Z]{2}" + SP + ")?\\d{5}(?:-\\d{4})?)" + END + ")?");
        // "22 baker st", "14 acacia avenue": typed in lower case, believed where a person lives or is spoken of
        Rule englishLowerCase = Rule.of(Reason.ADDRESS, "a street address", Start.DIGIT, START + "\\d{1,5}[a-z]?,?"
                + SP + "+(?:[a-z][a-z'’-]{2,30}+" + SP + "+){1,2}(?:street|st|road|rd|avenue|ave|lane|drive|close|"
                + "crescent|terrace|gardens|boulevard|blvd|grove|mews)(?![\\p{L}])",
                match -> match.context().patientNear(match.start()) && !match.value().matches("(?s).*\\s(?:the|a|"
                + "an|of|on|in|to|at|and|or|for|with|from|more|min|mins|minutes|hours|days|weeks|bed|beds|bay|"
                + "ward|room|floor|mg|ml|units|times|people|patients|staff|nurses)\\s.*"));
        // Hauptstraße 15, Lindenstr. 4a, Kerkstraat 14, Berliner Allee 3: the suffix is checked once the word is read
        // one word read to its end, then its suffix checked: no backtracking through it for every suffix
        Rule germanDutch = Rule.of(Reason.ADDRESS, "a street address", Start.UPPER_CASE, START + "(?<street>\\p{Lu}"
                + "[\\p{L}-]{1,40}+\\.?)(?:" + SP + "+(?:Straße|Strasse|Str\\.|Weg|Gasse|Allee|Damm|Ufer|Platz|Ring|"
                + "Chaussee|Meile|Markt|Wall|Graben|Steig|Zeile|Tor))?" + SP + "*\\d{1,4}(?:" + SP + "?[a-zA-Z])?" + END
                + "(?:(?:," + SP + "*|" + SP + "+in" + SP + "+)\\d{5}(?:" + SP + "+" + TOWN + ")?)?" + postcodeAndTown,
                match -> !match.result().group().equals(match.result().group("street")) && match.text().substring(
                        match.result().end("street"), match.end()).stripLeading().matches("(?s)(?:Straße|Strasse|"
                        + "Str\\.|Weg|Gasse|Allee|Damm|Ufer|Platz|Ring|Chaussee|Meile|Markt|Wall|Graben|Steig|"
                        + "Zeile|Tor).*")
                        || STREET_WORD.matcher(match.result().group("street")).find());
        // "Am Lindenhof 7" could be "Im Raum 3": only with postcode and town
        Rule germanWithoutStreetWord = Rule.of(Reason.ADDRESS, "a street address", Start.UPPER_CASE, START
                + "(?:Am|Im|An der|An den|Auf der|Auf dem|Zum|Zur|In der)" + SP + "+" + NAME + SP + "+\\d{1,4}(?:"
                + SP + "?[a-z])?,?" + SP + "+\\d{5}" + SP + "+\\p{Lu}\\p{L}+");
        Rule french = Rule.of(Reason.ADDRESS, "a street address", Start.DIGIT, START + "\\d{1,4}(?:" + SP
                + "?(?:bis|ter))?,?" + SP + "+(?i:rue|avenue|av\\.|bd|boulevard|place|pl\\.|chemin|allée|impasse|quai|"
                + "route|square|cours|résidence)" + SP + "+(?:(?i:de la|de l'|du|des|de|la|le|l'|d')" + SP + "*)?"
                + NAME + "(?:[ \\t-]+" + NAME + "){0,3}" + postcodeAndTown);
        Rule iberian = Rule.of(Reason.ADDRESS, "a street address", Start.LETTER, START + "(?i:calle|c/|avenida|"
                + "avda\\.?|av\\.|paseo|plaza|pza\\.|camino|carretera|ronda|travesía|glorieta|rua|r\\.|travessa|"
                + "largo|praça|estrada|alameda|via|viale|piazza|piazzale|corso|vicolo|strada)" + SP
                + "+(?:(?i:de la|de los|de las|del|de|la|el|los|las|das|dos|da|do|della|dei|degli|di)" + SP + "+)?"
                + NAME + "(?:" + SP + "+(?:(?i:de la|del|de|y|e|das|dos|da|do|di)" + SP + "+)?" + NAME
                + "){0,3},?" + SP + "+(?:(?i:n[º°o]|n\\.)\\.?" + SP + "*)?\\d{1,4}" + END + "(?:,?" + SP
                + "*\\d{1,2}[º°ª](?:" + SP + "?[A-Z]" + END + ")?)?" + postcodeAndTown);
        // "221 W 34th St", "40 East 5th Avenue": the numbered streets of North America
        Rule numbered = Rule.of(Reason.ADDRESS, "a street address", Start.DIGIT, START + "\\d{1,5}" + SP
                + "+(?:(?:[NSEW]|North|South|East|West)\\.?" + SP + "+)?\\d{1,3}(?:st|nd|rd|th)" + SP
                + "+(?i:st|street|ave|avenue|rd|road|blvd|pl|place|dr|drive)\\.?(?![\\p{L}])");
        // "PO Box 118", "Apartado 221", "Postfach 1234", "BP 45", "Caixa Postal 12", "Casella postale 9"
        Rule box = Rule.of(Reason.ADDRESS, "a post box", Start.LETTER, START + "(?i:p\\.? ?o\\.? box|postfach|"
                + "apartado(?: de correos)?|caixa postal|casella postale|postbus)" + SP + "*\\d{1,6}" + END,
                match -> match.context().patientNear(match.start()));
        // "Springfield, IL 62704": a town, a state and its ZIP
        // found from the state, not tried at every capital: "IL 62704" after a town and a comma
        Rule townStateZip = Rule.of(Reason.ADDRESS, "a town, a state and a ZIP code", Start.UPPER_CASE, START
                + "[A-Z]{2}" + SP + "+\\d{5}(?:-\\d{4})?" + END,
                match -> TOWN_AND_COMMA_BEFORE.matcher(match.before(40)).find());
        // "Wohnort: Bad Tölz", "Address: 4 Elm Rd", "CP/Localidad: 28013 Madrid": a form's field, copied
        Rule field = Rule.of(Reason.ADDRESS, "a place after '{key}'", Start.LETTER, START + "(?i:(?:home )?address|"
                + "adresse|anschrift|wohnort|wohnhaft in|domicilio|direcci[óo]n|localidad|municipio|domicile|ville|"
                + "commune|morada|localidade|residenza|indirizzo|comune|woonplaats|adres)(?:/\\p{L}+)?" + SP + "*[:=]"
                + SP + "*(?<id>(?:\\d{1,5}[A-Za-z]?,?" + SP + "+)?" + TOWN + ")",
                match -> !NOT_PLACES.contains(match.value().toLowerCase(Locale.ROOT))
                        && !INSTITUTION.matcher(match.value()).find() && !INSTITUTION.matcher(match.text().substring(
                        Math.max(0, match.result().start() - 30), match.result().start())).find());
        // a venue's postcode ("Harrogate Convention Centre, King's Road, HG1 5LA") is no one's
        Rule ukPostcode = Rule.of(Reason.ADDRESS, "a UK postcode", Start.UPPER_CASE, START + "[A-Z]{1,2}\\d[A-Z\\d]?"
                + SP + "?\\d[A-Z]{2}" + END, match -> match.context().patientNear(match.start())
                || !match.context().sentenceHas(INSTITUTION, match.start()));
        return Rule.all(english, englishLowerCase, numbered, germanDutch, germanWithoutStreetWord, french, iberian,
                box, townStateZip, field, ukPostcode);
    }

    private static Rule postcodes() {
        Rule keyed = Rule.of(Reason.ADDRESS, "a postcode after '{key}'", Start.LETTER, START + "(?i:zip(?:" + SP
                + "?code)?|post" + SP + "?code|postal" + SP + "code|plz|postleitzahl|code" + SP + "postal|"
                + "c\\.p\\.|cp|c[óo]digo" + SP + "postal|cap|postcode|postnummer)(?:/\\p{L}+)?(?![\\p{L}])"
                // "CAP del paziente è 20861", "pt's zip is 97214", "postcode van de patiënt is 6512 BK"
                + "(?:[ \\t:#]*|(?<link>(?:[ \\t:#,]+[\\p{L}'’.]{1,12}+){1,5}+)[ \\t:#]+)(?<id>\\d{4,5}(?:-\\d{3,4})?|"
                + "\\d{4}" + SP + "?[A-Z]{2}|[A-Z]{1,2}\\d[A-Z\\d]?(?:" + SP + "?\\d[A-Z]{2})?)" + END,
                match -> match.result().group("link") == null || match.context().patientNear(match.start())
                        && (match.digits() >= 4
                        || match.value().matches(".*\\d[A-Z]{2}")));
        Rule zipPlusFour = Rule.of(Reason.ADDRESS, "a ZIP+4 code", Start.DIGIT, START + "\\d{5}-\\d{4}" + END,
                match -> !match.before(12).matches("(?s).*\\d[-/]\\s*$"));
        Rule portuguese = Rule.of(Reason.ADDRESS, "a Portuguese postcode and town", Start.DIGIT, START
                + "\\d{4}-\\d{3}" + SP + "+\\p{Lu}\\p{Ll}+");
        // "vive solo en el 29680", "Portland 97209", "6511 KD": a bare postcode, believed only next to a patient
        Rule bare = Rule.of(Reason.ADDRESS, "a postcode in a sentence about a patient", Start.DIGIT, START
                + "(?<id>\\d{5}|\\d{4}" + SP + "?(?!IE|UI|ML|MG|KG|IU|EE|EU|AD|BC|PM|AM)[A-Z]{2})" + END,
                PlaceRules::postcodeOfAPatient);
        // "Wythenshawe M22": a UK district after a town
        Rule ukDistrict = Rule.of(Reason.ADDRESS, "a UK postcode district after a town", Start.UPPER_CASE,
                START + "[A-Z]{1,2}\\d{1,2}[A-Z]?" + END,
                match -> match.context().patientNear(match.start()) && !match.value().matches("[A-Z]\\d")
                        && townBefore(match));
        // "P7B 5E1" (Canada), "H91 X2P4" (an Eircode): shapes nothing clinical shares, believed about a patient
        Rule canadianOrIrish = Rule.of(Reason.ADDRESS, "a postcode in a sentence about a patient", Start.UPPER_CASE,
                START + "(?:[A-CEGHJ-NPR-TVXY]\\d[A-Z]" + SP + "?\\d[A-Z]\\d|[AC-FHKNPRTV-Y]\\d{2}" + SP
                        + "[AC-FHKNPRTV-Y0-9]{4})" + END,
                match -> match.context().patientNear(match.start()) && match.value().chars().filter(
                        Character::isLetter).count() >= 2);
        return Rule.all(keyed, zipPlusFour, portuguese, bare, ukDistrict, canadianOrIrish);
    }

    private static boolean postcodeOfAPatient(Rule.Match match) {
        if (PatientDataRules.UNIT_AFTER.matcher(match.after(12)).find()) {
            return false;
        }
        if (COMES_FROM.matcher(match.before(20)).find() && TOWN_AFTER_NUMBER.matcher(match.after(30)).find()) {
            return true;
        }
        // "6602 AB": a Dutch postcode written in full has a shape nothing clinical shares
        if (DUTCH_POSTCODE.matcher(match.value()).matches() && match.context().patientAround(match.start())) {
            return true;
        }
        if (!match.context().patientNear(match.start())) {
            return false;
        }
        String before = match.before(40);
        String after = match.after(30);
        boolean lives = LIVES_IN.matcher(before).find() || COMES_FROM.matcher(before).find();
        boolean townNear = TOWN_BEFORE_NUMBER.matcher(before).find() || TOWN_AFTER_NUMBER.matcher(after).find();
        return lives || townNear;
    }

    /** "kommt aus 31535 Neustadt": a postcode after where someone comes from is theirs, whoever they are. */
    private static final Pattern COMES_FROM = Pattern.compile("(?i)(?:kommt aus|stammt aus|wohnt in|lebt in|"
            + "lives in|comes from|vive en|viene de|habite à|vient de|mora em|vem de|abita a|viene da|woont in|"
            + "komt uit)\\s+$");
    private static final Pattern LIVES_IN = Pattern.compile("(?i)(?:lives?|living|vive|wohnt|woont|abita|mora|"
            + "habite|domicilio|domicile|en el|au|in|em|a)\\s+(?:\\p{L}+\\s+){0,2}$");
    private static final Pattern DUTCH_POSTCODE = Pattern.compile("[1-9]\\d{3} [A-Z]{2}");
    private static final Pattern TOWN_BEFORE_NUMBER = Pattern.compile("\\p{Lu}\\p{Ll}+,?\\s*$");
    private static final Pattern TOWN_AFTER_NUMBER = Pattern.compile("^,?\\s+\\p{Lu}\\p{Ll}+");
    private static final Pattern TOWN_JUST_BEFORE = Pattern.compile("(\\p{Lu}\\p{Ll}{2,})\\s$");

    private static boolean townBefore(Rule.Match match) {
        var m = TOWN_JUST_BEFORE.matcher(match.before(30));
        return m.find() && !NOT_PLACES.contains(m.group(1).toLowerCase(Locale.ROOT));
    }

    /** A town after "from", "lives in", "near", "of" (after an age): in a sentence about a patient. */
    private static final Pattern TOWN_AT = Pattern.compile("\\G(" + TOWN + ")");

    private static Rule towns() {
        Pattern town = TOWN_AT;
        return (text, found) -> {
            TextContext context = text.context();
            String value = text.value();
            for (int i = 0; i < text.wordCount(); i++) {
                int start = text.wordStart(i);
                if (!text.capitalised(i) || text.allCaps(i) || text.tagged(i) || i == 0
                        || NOT_PLACES.contains(text.word(i)) || !context.patientNear(start)) {
                    continue;
                }
                if (!LINK_WORDS.contains(text.word(i - 1))) {
                    continue; // every link below ends with one of these words: most capitals are not after one
                }
                String before = value.substring(Math.max(0, start - 40), start);
                var link = TOWN_BEFORE.matcher(before);
                // "le monsieur de Barentin", "la señora de Écija", "la signora di Lodi": a person's town
                boolean ofPerson = i >= 2 && OF.contains(text.word(i - 1))
                        && TextContext.PERSON_WORDS.contains(text.word(i - 2));
                // "Gerald from Didsbury is back again, 4th admission": a given name from a town
                int named = i - 2;
                boolean nameFrom = named >= 0 && FROM.contains(text.word(i - 1)) && text.capitalised(named)
                        && !text.allCaps(named) && NameGazetteer.get().givenName(text.word(named))
                        && !NameGazetteer.get().commonWord(text.word(named)) && !DEPARTMENTS.contains(text.word(i))
                        && text.gapAfter(named).equals(" ");
                boolean tied = ofPerson || nameFrom || link.find() && (LIVES.matcher(link.group()).find()
                        || personBefore(text, i, 7)) || AGE_THEN_OF.matcher(before).find();
                if (!tied) {
                    continue;
                }
                var m = town.matcher(value);
                if (m.find(start)) {
                    String place = m.group(1);
                    if (text.word(i - 1).equals("on") && !STREET_NAME.matcher(place).find()) {
                        continue;
                    }
                    if (nameFrom && INSTITUTION.matcher(value.substring(start, Math.min(value.length(),
                            start + place.length() + 20))).find()) {
                        continue; // "Sarah from Leeds Teaching Hospitals": a speaker and her employer
                    }
                    if (NameGazetteer.get().givenName(text.word(i)) && !NameGazetteer.get().surname(text.word(i))
                            && place.indexOf(' ') < 0) {
                        continue; // "from Doris": a person, left to the name rules
                    }
                    if (nameFrom) {
                        found.accept(new app.rounds.screening.entity.Finding(text.wordStart(named),
                                text.wordEnd(named), Reason.PERSON_NAME, "a name, from a town"));
                    }
                    found.accept(new app.rounds.screening.entity.Finding(start, start + place.length(),
                            Reason.ADDRESS, "a town tied to a patient ('" + before.strip().replaceAll(".*\\s", "")
                            + " " + place + "')"));
                }
            }
        };
    }

    /** Every rule of this class, built once every pattern above is compiled. */
    static final Rule ALL = Rule.all(streets(), postcodes(), towns());
}
