package app.rounds.screening.control;

import app.rounds.screening.control.Rule.Start;
import app.rounds.screening.entity.Reason;

import java.util.List;

/**
 * Phrases that read as a diagnosis or as personal medical advice given to someone ("you probably have…", "your
 * diagnosis is…", "you should stop taking your tablets"), in EN, DE, FR and ES. Asking about a condition, or
 * teaching how to assess one, is left alone: only the second person or a named person's condition is flagged.
 */
final class MedicalAdviceRules {

    private static final String START = "(?<![\\p{L}\\p{N}])";
    private static final String END = "(?![\\p{L}\\p{N}])";
    private static final String PERSON = "(?:you|he|she|they|your (?:mum|mom|mother|dad|father|wife|husband|partner|"
            + "child|son|daughter|baby|friend))";
    private static final String CERTAINLY = "(?:probably|likely|definitely|clearly|certainly|surely|must)";
    private static final String DRUG = "(?:dose|dosage|medication|medicine|meds|tablets|pills|insulin|antibiotics|"
            + "inhaler|warfarin|blood thinners?)";

    static final List<Rule> ALL = List.of(
            Rule.of(Reason.MEDICAL_ADVICE, Start.LETTER, START + "(?i:" + PERSON + " " + CERTAINLY
                    + " (?:have|has|had|got|are suffering from|is suffering from))" + END),
            Rule.of(Reason.MEDICAL_ADVICE, Start.LETTER, START + "(?i:(?:sounds|looks) like " + PERSON
                    + " (?:have|has|had|got))" + END),
            Rule.of(Reason.MEDICAL_ADVICE, Start.LETTER, START + "(?i:your (?:diagnosis|prognosis) is|"
                    + "I(?:'d|’d| would) (?:diagnose|prescribe)|diagnosed (?:you|him|her|them) with)" + END),
            Rule.of(Reason.MEDICAL_ADVICE, Start.LETTER, START + "(?i:" + PERSON
                    + " (?:should|must|need to|ought to) (?:take|stop taking|start taking|stop|double|increase|"
                    + "decrease|reduce|skip)(?: [\\p{L}\\p{N}]+){0,3} " + DRUG + ")" + END),
            Rule.of(Reason.MEDICAL_ADVICE, Start.LETTER, START + "(?i:" + PERSON
                    + " (?:do not|don't|don’t|does not|doesn't|doesn’t) need (?:to see )?a doctor)" + END),
            Rule.of(Reason.MEDICAL_ADVICE, Start.LETTER, START + "(?i:(?:Sie haben|du hast|er hat|sie hat) "
                    + "(?:wahrscheinlich|vermutlich|sicher|bestimmt|eindeutig)|Ihre Diagnose (?:ist|lautet))" + END),
            Rule.of(Reason.MEDICAL_ADVICE, Start.LETTER, START + "(?i:(?:vous avez|tu as|il a|elle a) "
                    + "(?:probablement|sûrement|certainement|sans doute)|votre diagnostic est)" + END),
            Rule.of(Reason.MEDICAL_ADVICE, Start.LETTER, START + "(?i:(?:usted tiene|tienes|tiene) "
                    + "(?:probablemente|seguramente|sin duda)|su diagn[óo]stico es)" + END));

    private MedicalAdviceRules() {
    }
}
