package app.rounds.screening.control;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What each sentence of a text is about, read once from its words: whether it speaks of a patient or a patient's
 * family (then a bare postcode, a date, a plate or a first name next to a bed identify someone), and whether it says
 * the patient is not real (a mannequin, a scenario card, a sandbox record: then findings become notes). Hashtags and
 * handles are not prose and count for neither (#SimWeek is not a simulation marker).
 */
final class TextContext {

    /** Words that put a patient, a relative or a care place in a sentence, in the seven languages screened. */
    private static final Set<String> PATIENT_WORDS = Set.of(
            "patient", "patients", "pt", "pts", "pt's", "patient's", "lady", "gentleman", "gent", "guy", "chap",
            "lad", "man", "woman", "resident", "client", "he", "she", "his", "him", "her", "daughter", "son", "wife",
            "husband", "mum", "mom", "mother", "dad", "father", "grandad", "granddad", "grandpa", "grandma", "granny",
            "nan", "nana", "grandson", "granddaughter", "grandchild", "niece", "nephew", "relative", "relatives",
            "family", "nok", "kin", "carer", "neighbour", "neighbor", "bed", "bay", "cubicle", "admitted",
            "admission", "discharged", "discharge", "baby", "toddler", "infant", "newborn", "child", "kid", "boy",
            "girl", "widow", "widower", "sibling", "brother", "twin", "lives", "living", "home",
            // a title names someone other than staff ("Dr", "Sister" are left out: they name staff)
            "mr", "mrs", "ms", "miss", "mx", "grandmother", "grandfather", "aunt", "auntie", "uncle", "partner",
            "parents", "parent", "elderly", "pensioner", "casualty", "victim", "gentleman's", "lady's",
            // es
            "paciente", "pacientes", "señor", "señora", "abuela", "abuelo", "hija", "hijo", "esposa", "esposo",
            "marido", "mujer", "familia", "familiar", "familiares", "cama", "habitación", "ingresó", "ingresado",
            "ingresada", "ingreso", "alta", "vive", "domicilio", "niño", "niña", "bebé", "madre", "padre", "nieto",
            "nieta", "vecino", "vecina", "sr", "sra", "don", "doña", "anciano", "anciana", "chico", "chica",
            "chaval", "chavala", "muchacho", "muchacha", "varón", "hombre",
            // de
            "patientin", "pat", "bewohner", "bewohnerin", "tochter", "sohn", "ehefrau", "ehemann", "angehörige",
            "angehörigen", "familie", "zimmer", "zi", "bett", "aufgenommen", "aufnahme", "entlassen", "entlassung",
            "wohnt", "mutter", "vater", "enkel", "enkelin", "kind", "säugling", "oma", "opa", "nachbar", "herr",
            "frau", "patienten",
            // fr
            "patiente", "monsieur", "madame", "dame", "fils", "fille", "femme", "mari", "famille", "proches",
            "chambre", "lit", "admis", "admise", "sortie", "habite", "domicile", "enfant", "bébé", "mère", "père",
            "grand-mère", "grand-père", "voisin", "voisine", "mme", "mlle",
            // pt
            "doente", "utente", "senhor", "senhora", "filha", "filho", "neto", "neta", "família",
            "quarto", "internado", "internada", "mora", "avó", "avô", "mãe", "pai", "criança",
            // it
            "paziente", "signore", "signora", "sig", "figlia", "figlio", "moglie", "famiglia", "parenti", "letto",
            "stanza", "camera", "ricoverato", "ricoverata", "dimesso", "dimessa", "abita", "nonna", "nonno",
            "bambino", "bambina", "nipote", // nl
            "patiënt", "patiënte", "mevrouw", "meneer", "dochter", "zoon", "vrouw", "kamer",
            "opgenomen", "ontslag", "woont", "moeder", "vader", "kleinzoon", "kleindochter",
            "buurman", "buurvrouw", "dhr", "mevr", "mw", "bewoner", "bewoonster", "cliënt", "cliënte",
            // residents of a care home, in every language
            "résidente", "résident", "residente", "ospite", "ospiti");

    /** Single words that say the patient of a sentence is not real. */
    private static final Set<String> SIMULATION_WORDS = Set.of(
            "mannequin", "mannequins", "manikin", "manikins", "manakin", "simman", "simbaby", "simmom", "simjunior",
            "simnewb", "simmum", "resusci", "fictional", "fictitious", "fictive", "sandbox", "roleplay", "role-play",
            "dummy", "scenario", "scenarios", "simulated", "simulation", "simulator", "sim-pcs", "simlab",
            "testpatient", "testpatiënt", "oefenpatiënt", "oefendossier", "oefenomgeving", "testomgeving",
            "simulatiepop", "oefenpop", "casus",
            "maniquí", "maniquíes", "ficticio", "ficticia", "escenario", "simulacro", "simulación",
            "übungspuppe", "simulationspuppe", "puppe", "tabletop", "szenario", "fallbeispiel", "testumgebung",
            "schulungsumgebung",
            "übungsfall", "testpatientin", "fiktiv", "fiktive", "fiktiver", "fiktiven", "fallvignette", "vignette",
            "mustermann", "musterfrau", "viñeta", "vignetta",
            "scénario", "fictif", "fictifs", "fictives", "simu", "simulé", "simulée", "entraînement",
            "manequim", "cenário", "fictício", "fictícia", "simulado", "simulada", "treino",
            "manichino", "fittizio", "fittizia", "fittizi", "fittizie", "simulato", "simulata", "fictieve", "fictief",
            "ficticios", "ficticias", "fictícios", "fictícias");

    /** Phrases that say the same ("test patient", "Mr Test", "training system", "scenario card"). */
    private static final Pattern SIMULATION_PHRASE = Pattern.compile("(?i)(?<![\\p{L}#@])(?:test(?:ing)? patient|"
            + "(?:mr|mrs|ms|miss|mx|herr|frau|m|mme|sr|sra|sig|sig\\.ra|mevrouw|meneer|dhr|patient|paciente|"
            + "patiënt)\\.? test(?![\\p{L}])|training (?:system|environment|record|wristband|id|account|patient|"
            + "mode|domain|ward|case)|practi[cs]e (?:patient|record|round|case|environment)|made[- ]up|"
            + "case (?:card|study|scenario)|scenario card|skills? lab|not a real|no real patient|"
            + "standardi[sz]ed patient|"
            + "entorno de (?:formación|pruebas)|ambiente de (?:formação|testes|formacao)|"
            + "ambiente di (?:formazione|test)|"
            + "environnement de (?:formation|test)|caso clínico|caso clinico|cas clinique|cas n[°º]|caso n[°º]|"
            + "(?:scenario|szenario|escenario|cenário|scénario|casus|case|caso|cas|fall|fallbeispiel) ?(?:n[°º]\\.? ?)?"
            + "\\d+ ?:|(?:the|our|in the|during the|a|this) sim(?![\\p{L}])|sim (?:lab|room|team|scenario|session|"
            + "station|pcs?|card|suite|cent(?:re|er)|day|week|run|debrief|drill|patient|ward|bay|bed))");

    /**
     * Phrases that say it is real after all ("a real case", "not a sim"), or that ask for it to be taken out of the
     * teaching material ("il faut le masquer", "tirem isso", "pull it"): nobody masks a made-up patient's address.
     */
    private static final Pattern REAL_PHRASE = Pattern.compile("(?i)(?<![\\p{L}])(?<!(?:geen|kein|keine|not a|no|"
            + "pas un|pas une|non è un|não é um|no es un|nessun) )(?:real (?:patient|case|person|"
            + "life)|actual patient|not (?:a|the) sim|in real life|irl|caso real|paciente real|echter patient|"
            + "echte patiënt|vrai patient|patient réel|doente real|paziente reale|"
            + "(?:il )?faut l[ea] masquer|masquez|masquer|tirem isso|tira(?:r)? isso|quitad(?:lo|la)|quitadlo|"
            + "quitarlo|bitte (?:entfernen|schwärzen)|schwärzen|toglietel[oa]|oscurate|oscurarlo|haal (?:dat|het) "
            + "weg|weghalen|pull it|take (?:it|that) (?:down|off)|redact(?:ed)?|blur (?:it|that|the)|"
            + "(?:use|using) (?:her|him|them|this patient) as|le nom y est|the (?:real )?name is (?:on|in) it|"
            + "o nome está lá|der name steht drin|(?:la|lo) podemos usar|usarla|usarlo|on peut l'utiliser|"
            + "podemos usá-la|possiamo usarla|kunnen we (?:haar|hem) gebruiken)(?![\\p{L}])");

    /** Who a town or a photo can belong to: a patient or someone close to one. */
    static final Set<String> PERSON_WORDS = Set.of("patient", "pt", "lady", "gentleman", "gent", "guy", "chap",
            "lad", "man", "woman", "resident", "he", "she", "him", "her", "daughter", "son", "wife", "husband", "mum",
            "mom", "mother", "dad", "father", "grandad", "grandma", "nan", "family", "relatives", "neighbour",
            "neighbor", "baby", "child", "boy", "girl", "someone", "paciente", "señor", "señora", "abuela", "abuelo",
            "hija", "hijo", "patientin", "mann", "frau", "patiente", "monsieur", "madame", "dame", "doente", "utente",
            "senhor", "senhora", "paziente", "signore", "signora", "patiënt", "mevrouw", "meneer",
            "home", "house", "patienten", "résidente", "résident", "bewoner", "bewoonster", "bewohner", "bewohnerin",
            "residente", "ospite", "cliënt", "cliënte", "client", "vader", "moeder", "mère", "père", "madre", "padre",
            "mutter", "vater", "oma", "opa", "nonna", "nonno", "avó", "avô", "mãe", "pai", "grandmother",
            "grandfather", "granny", "pensioner", "toddler", "infant", "kid", "sohn", "tochter", "fille", "fils",
            "figlia", "figlio", "filha", "filho", "dochter", "zoon", "bébé", "bebé", "neonato", "säugling", "enfant",
            "niño", "niña", "bambino", "bambina", "criança", "vrouw", "femme", "homme", "hombre", "mujer", "uomo",
            "donna", "homem", "mulher");

    /** What ends a simulation's reach inside a sentence: "the scenario card said X, but it was exactly like Y". */
    private static final Set<String> CONTRAST = Set.of("but", "however", "although", "whereas", "unlike", "except",
            "pero", "aunque", "aber", "doch", "jedoch", "mais", "cependant", "mas", "porém", "ma", "però", "tuttavia",
            "maar", "echter");

    private final ScreenedText text;
    private final boolean[] patient;
    private final java.util.List<Integer> markers = new java.util.ArrayList<>();
    private final java.util.List<Integer> contrasts = new java.util.ArrayList<>();
    private final java.util.Map<Pattern, boolean[]> sentencesWith = new java.util.HashMap<>();
    /** The post opens with a simulation marker ("Scenario 3:", "Sandbox EPR:"): all of it is about no one real. */
    private final boolean simulationHeader;

    TextContext(ScreenedText text) {
        this.text = text;
        int sentences = text.sentenceCount();
        this.patient = new boolean[sentences];
        boolean[] real = new boolean[sentences];
        for (int i = 0; i < text.wordCount(); i++) {
            if (text.tagged(i)) {
                continue;
            }
            String word = text.word(i);
            int sentence = text.sentenceOfWord(i);
            if (PATIENT_WORDS.contains(word)) {
                patient[sentence] = true;
            }
            if (SIMULATION_WORDS.contains(word) || trainingCompound(word)) {
                markers.add(text.wordStart(i));
            }
            if (CONTRAST.contains(word)) {
                contrasts.add(text.wordStart(i));
            }
        }
        Rule.eachMatch(SIMULATION_PHRASE, Rule.Start.ANY, text, m -> {
            if (!text.taggedAt(m.start())) {
                markers.add(m.start());
            }
            return true;
        });
        boolean[] saysReal = {false};
        Rule.eachMatch(REAL_PHRASE, Rule.Start.LETTER, text, m -> {
            real[text.sentenceAt(m.start())] = true;
            patient[text.sentenceAt(m.start())] = true;
            saysReal[0] = true;
            return true;
        });
        markers.removeIf(m -> real[text.sentenceAt(m)]);
        java.util.Collections.sort(markers);
        this.simulationHeader = !saysReal[0] && titled(text.value());
    }

    /** German and Dutch build them: "Übungs-Fallnummer", "Schulungs-KIS", "HiX-testomgeving", "oefenpatiëntnummer". */
    private static boolean trainingCompound(String word) {
        String[] parts = word.split("-");
        if (parts.length > 1 && TRAINING_PARTS.contains(parts[0])) {
            return true; // a training thing, not "Physio-Training" (a patient's) nor "Covid-Test"
        }
        for (String part : parts) {
            if (parts.length > 1 && SIMULATION_WORDS.contains(part)) {
                return true;
            }
        }
        for (String prefix : TRAINING_PREFIXES) {
            if (word.startsWith(prefix) && word.length() >= prefix.length() + 4) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> TRAINING_PARTS = Set.of("übungs", "übung", "schulungs", "schulung", "oefen",
            "test", "sim", "training", "demo", "trainings", "formation", "formación", "formação", "formazione");
    private static final java.util.List<String> TRAINING_PREFIXES = java.util.List.of("übungs", "schulungs", "oefen",
            "trainings");

    /**
     * A title such as "Scenario 3: …", "Sandbox EPR: …", "Cas n°3 : …" opening the post: a marker before the post's
     * first colon, which comes within 60 characters, ends no sentence before it, and is followed by a space (so
     * "the sim debrief at 10:30" is no title).
     */
    private boolean titled(String value) {
        int colon = value.indexOf(':');
        if (markers.isEmpty() || colon < 0 || colon > 60 || markers.getFirst() > colon
                || colon + 1 < value.length() && !Character.isWhitespace(value.charAt(colon + 1))) {
            return false;
        }
        String before = value.substring(0, colon);
        return before.indexOf('.') < 0 && before.indexOf('\n') < 0 && before.indexOf('!') < 0
                && before.indexOf('?') < 0;
    }

    /** Whether the pattern occurs in the sentence around {@code offset} or the one before: scanned once per text. */
    boolean sentenceHas(Pattern pattern, int offset) {
        boolean[] flags = sentencesWith.computeIfAbsent(pattern, p -> {
            boolean[] found = new boolean[text.sentenceCount()];
            Rule.eachMatch(p, Rule.Start.ANY, text, m -> {
                found[text.sentenceAt(m.start())] = true;
                return true;
            });
            return found;
        });
        int sentence = text.sentenceAt(offset);
        return flags[sentence] || sentence > 0 && flags[sentence - 1];
    }

    /** The sentence around {@code offset}, or the one before it, speaks of a patient or a patient's family. */
    boolean patientNear(int offset) {
        int sentence = text.sentenceAt(offset);
        return patient[sentence] || sentence > 0 && patient[sentence - 1];
    }

    /** As {@link #patientNear}, or the sentence after: "valt 6602 AB onder het wijkteam? meneer van bed 4…". */
    boolean patientAround(int offset) {
        int sentence = text.sentenceAt(offset);
        return patientNear(offset) || sentence + 1 < patient.length && patient[sentence + 1];
    }

    /**
     * The text says the patient at {@code offset} is a simulation: a mannequin, a scenario, a test record in the same
     * sentence with no "but" between them, or a simulation title opening the post.
     */
    boolean simulationAt(int offset) {
        if (simulationHeader) {
            return true;
        }
        int sentence = text.sentenceAt(offset);
        for (int marker : markers) {
            if (text.sentenceAt(marker) == sentence && !contrastBetween(Math.min(marker, offset),
                    Math.max(marker, offset))) {
                return true;
            }
        }
        return false;
    }

    private boolean contrastBetween(int from, int to) {
        for (int contrast : contrasts) {
            if (contrast > from && contrast < to) {
                return true;
            }
        }
        return false;
    }
}
