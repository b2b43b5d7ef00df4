package app.rounds.screening.control;

import app.rounds.screening.entity.Finding;
import app.rounds.screening.entity.Reason;

import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What reads like a diagnosis or treatment advice given online to a member of the public, in EN, ES, DE, FR, PT, IT
 * and NL. A post is weighed on four signs: who it speaks to (a member of the public: "your mum", "@someone", "what you
 * describe", "hun"; or just "you"), a diagnosis claimed ("sounds like shingles", "that's classic plantar fasciitis",
 * "klingt nach Gürtelrose"), a treatment told ("take", "stop the amlodipine", "alternate calpol and nurofen", "fatti
 * prescrivere") and care waved away ("no need for the GP", "you don't need the ER", "no hace falta ir a urgencias").
 * Advice is care waved away; or a claim or a treatment told to a member of the public; or a claim with a treatment;
 * or a claim told to "you". Colleagues asking and teaching ("should we give…?", "in adults we give 300 mg aspirin",
 * "what's the first-line treatment?") and public-health information ("everyone over 65 should get the flu jab") carry
 * none of these combinations.
 */
final class MedicalAdviceRules implements Rule {

    private static final String B = "(?<![\\p{L}])";
    private static final String E = "(?![\\p{L}])";

    /** Someone outside the ward being answered: a relative of "you", a reply, "what you describe". */
    private static final Pattern PUBLIC_ADDRESSEE = Pattern.compile("(?iu)" + B + "(?:"
            + "your (?:mum|mom|mam|mother|dad|father|son|daughter|husband|wife|partner|baby|little one|kid|kids|child|"
            + "children|grandad|granddad|grandpa|grandma|granny|gran|nan|nana|sister|brother|friend|boyfriend|"
            + "girlfriend|toddler|teen|neighbou?r|own (?:gp|doctor|pharmacist))|"
            + "your (?:ankle|knee|back|rash|cut|leg|foot|feet|chest|head|mole|symptoms?|pain|throat|ear|eye|eyes|skin|"
            + "wound|arm|hand|wrist|shoulder|neck|stomach|tummy|legs|joints|muscles|mole|moles|headache|cough|"
            + "pic|photo|picture|bp|blood pressure|sugar|sugars|antibiotics|meds|"
            + "medication|medicines?|tablets|pills|inhaler|insulin|dose|blood thinners?|warfarin|statins?|thread|"
            + "post)|you (?:should|must|need to|ought to|can|could) (?:stop|take|start|skip|double|drink|try)|"
            + "replying to|reply to|re your|to the (?:person|mum|dad|runner|poster|op)|dm'?d|"
            + "my (?:neighbou?r|friend|mate) back|"
            + "(?:ur|yr) (?:mum|mom|mam|dad|son|daughter|husband|wife|baby|kid|nan|grandad|meds|tablets)|"
            + "what you(?:'re| are)? describ\\w*|from what you(?:'ve| have)? (?:said|describe\\w*)|"
            + "(?:like|as) you (?:said|say|mentioned|describe\\w*)|"
            + "if (?:i were|i was) you|in your (?:shoes|place)|(?:would you consider|have you (?:tried|thought about|"
            + "considered))|quick tip|not your nurse|not (?:medical|professional) advice|my (?:2|two) cents|"
            + "stop posting|"
            // es
            + "(?:tu|a tu|de tu) (?:padre|madre|hij[oa]|marido|mujer|abuel[oa]|herman[oa]|niñ[oa]|bebé|novi[oa]|"
            + "pareja|amig[oa])|lo que (?:describes|cuentas)|por lo que cuentas|yo en tu lugar|en tu caso|"
            + "yo que tú|yo que tu|si (?:yo )?fuera tú|si (?:yo )?fuera tu|has probado|respondiendo a|en respuesta a|"
            + "no es (?:un )?consejo médico|"
            // de
            + "(?:deine?[mnrs]?) (?:mutter|vater|sohn|tochter|mann|frau|oma|opa|kind|baby|schwester|bruder|"
            + "freund\\w*|knöchel|knie|rücken|ausschlag|kleinen?|kleine)|was du beschreibst|mit dem knöchel|"
            + "an deiner stelle|hast du (?:mal |schon )?(?:probiert|versucht)|würde ich dir raten|"
            + "keine ärztliche beratung|"
            // fr
            + "(?:ton|ta|tes) (?:père|mère|fils|fille|mari|femme|grand-mère|grand-père|enfant|bébé|frère|sœur|"
            + "soeur|copain|copine|dos|genou|cheville)|pour ta fille|pour ton fils|ce que tu décris|"
            + "à ta place|à votre place|ce que vous décrivez|tu as essayé|en réponse à|pas un avis médical|"
            // pt
            + "(?:a tua|o teu|tua|teu) (?:mãe|pai|filh[oa]|marido|mulher|av[óô]|irm[ãa]o?|namorad[oa]|bebé)|"
            + "pelo que descreves|pelo que contas|no teu lugar|no lugar d[ao] tu[ao]|se (?:eu )?fosse a ti|"
            + "já experimentaste|em resposta a|não é (?:um )?conselho médico|"
            // it
            + "(?:tua|tuo|a tuo|a tua) (?:madre|padre|figli[oa]|marito|moglie|nonn[oa]|fratello|sorella|"
            + "bambin[oa]|papà|papa|mamma|nonnino|nonnina)|da come lo descrivi|al tuo posto|al posto tuo|"
            + "se fossi in te|hai provato|risposta a|"
            + "in risposta a|non è un consiglio medico|"
            + "(?:al|alla) (?:nonno|nonna|bimbo|bimba|piccol[oa])|"
            // nl
            + "je (?:moeder|vader|zoon|dochter|man|vrouw|oma|opa|kind|baby|broer|zus)|wat je beschrijft|"
            + "met zo'n (?:snee|wond|enkel)|in jouw plaats|als ik jou was|heb je (?:al )?geprobeerd|"
            + "geen medisch advies|"
            + "je (?:moeder|vader|dochter|zoon) (?:haar|zijn))" + E);

    /**
     * A member of the public answered in the third person or formally: "for the lady whose husband…", "à la maman qui
     * a posté", "Zu Ihrer Frage", "a chi chiedeva". Apart from {@link #PUBLIC_ADDRESSEE} because its first words ("a",
     * "de", "for") begin half the words of a text: tried in the big alternation they cost it dearly.
     */
    private static final Pattern INDIRECT_ADDRESSEE = Pattern.compile("(?iu)" + B + "(?:"
            + "(?:for|to) the (?:lady|man|woman|person|mum|mom|dad|gentleman|guy|parent) (?:who|whose)|"
            + "zu ihrer frage|ihre?[mnrs]? (?:mutter|vater|sohn|tochter|mann|frau|oma|opa|kind|baby)|"
            + "pour répondre à|(?:à|a) la (?:maman|dame) qui|au (?:papa|monsieur) qui|"
            + "(?:à|a) senhora que|ao senhor que|a quem (?:perguntou|comentou)|"
            + "da quello che (?:racconti|dici|descrivi|scrivi)|a chi (?:chiedeva|ha chiesto)|"
            + "rispondo (?:alla|al) (?:signora|signore)|alla signora (?:che|sotto)|di su[oa] (?:madre|padre|figli[oa]|"
            + "moglie|marito)|respondendo (?:à|a)|(?:d?[oa]|n?[oa]) seu (?:marido|pai|filho|av[ôo])|"
            + "(?:d?a|n?a) sua (?:mãe|filha|mulher|av[óo])|vu ce que vous décrivez|"
            + "(?:the|that) (?:lady|man|woman|person|mum|mom|dad|gentleman|guy|parent|poster) who (?:posted|asked|"
            + "commented|wrote|replied|messaged)|pour (?:la (?:maman|dame|personne)|le (?:papa|monsieur)) qui|"
            + "(?:votre|vos) (?:père|mère|fils|fille|mari|femme|enfant|bébé|enfants|parents)|"
            + "per (?:la signora|il signore|la mamma|il papà|chi) che|per chi (?:chiedeva|ha chiesto)|"
            + "wat u beschrijft|uw (?:moeder|vader|zoon|dochter|man|vrouw|kind|baby|oma|opa)|beste (?:mevrouw|meneer))"
            + E);

    /** Steps told in words that begin many others ("deve iniziare", "peça … ao médico"): apart, for the same reason. */
    private static final Pattern MORE_DIRECTIVES = Pattern.compile("(?iu)" + B + "(?:"
            + "deve (?:iniziare|prendere|smettere|sospendere|cominciare)|peça [\\p{L}]+ ao médico|"
            + "tem (?:de|que) ir|tens (?:de|que) ir|deve ir|devia deixar de|deve deixar de|deixe de tomar|"
            + "faites-vous prescrire|fais-toi prescrire|tu peux (?:arrêter|prendre|sauter|doubler)|"
            + "vous pouvez (?:arrêter|prendre)|non usare|no uses|n'utilise pas|não uses|gebruik geen|"
            + "non va (?:bucat[oa]|toccat[oa]|tolt[oa])|la copra|lo copra|tolga)" + E);

    /** Friendly words that may be said to anyone ("mate", "hun"): a member of the public only with a claim or a step. */
    private static final Pattern WEAK_ADDRESSEE = Pattern.compile("(?iu)" + B + "(?:mate|hun|hunny|babe)" + E);

    /** Speaking to "you" at all, in words no other language uses for something else. */
    private static final Pattern SECOND_PERSON = Pattern.compile("(?iu)" + B + "(?:you|your|you're|youre|"
            + "yourself|tu|tú|dich|dein\\w*|vous|votre|você|vocês|jij|jouw)" + E);

    /** A diagnosis put to someone: "sounds like", "that's classic", "is probably just viral", "klingt nach". */
    private static final Pattern CLAIM = Pattern.compile("(?iu)" + B + "(?:"
            + "until proven otherwise|(?:is|it'?s|that'?s) (?:just )?nothing|"
            + "(?:is|'s) (?:a|an) [\\p{L}-]+, not (?:a|an) |"
            + "= ?classic|classic (?!session|talk|day|week|film|song|moment|example|teaching|lecture)[\\p{L}-]+"
            + "(?: [\\p{L}-]+)? (?:in|for|after)|\\d+ times out of 10|for sure|secondo me (?:è|e|ha|tuo|tua)|"
            + "(?:è|e) (?:una|un) (?:distorsione|colica|infarto|cistite|influenza)|(?:è|e) solo|c'est juste une?|"
            + "eso es|es ansiedad|clairement une?|é só|isso é|heeft gewoon|is low on|not depressed|"
            + "sounds (?:to me )?like|looks (?:to me )?like|that'?s (?:a |an )?(?:classic|typical|textbook|definitely|"
            + "probably|just|almost certainly|100%)|that'?s (?:a |an )?[\\p{L}-]+(?: [\\p{L}-]+)? until proven "
            + "otherwise|(?:is|it'?s|that'?s) (?:probably|likely|definitely|clearly|almost certainly|most likely)"
            + "(?: just)?|is (?:just|only) (?:a |an )?|it'?s (?:just|only) (?:a |an )?|"
            + "(?:is|are|'s) (?:normal|nothing to worry about|fine|not an emergency)|isn'?t an emergency|"
            + "nothing to worry about|it'?ll (?:fade|settle|go|clear)(?: on its own| by itself)?|"
            + "i'?d say (?:it'?s|your)|100 ?%(?=[.,!]|$)|textbook case of|that'?s [\\p{L}-]+, (?:textbook|classic|"
            + "100%|for sure|definitely)|needs looking at|"
            // es
            + "eso es|es (?:un|una) [\\p{L}]+ (?:clar\\w+|segur\\w+|típic\\w+)|tiene toda la pinta de|suena a|"
            + "parece (?:un|una)|clarísimo|seguro que es|es normal|no es nada|son [\\p{L} ]{3,30} seguro|"
            // de
            + "ist das kein|das ist kein|das ist (?:ein|eine) \\p{L}{6,}|"
            + "klingt (?:für mich )?(?:\\p{L}+ )?(?:\\p{L}+ )?nach|sieht (?:für mich )?(?:aus wie|nach)|das ist "
            + "(?:bestimmt|sicher|wahrscheinlich|eindeutig|typisch|klar)|kommt (?:fast )?(?:sicher|bestimmt|wohl) "
            + "(?:davon|daher)|ist (?:das )?(?:\\p{L}+ )?(?:\\p{L}+ )?nur (?:ein|eine)?|"
            // fr
            + "c'est (?:typiquement|sûrement|probablement|sans doute|clairement|juste) |ça ressemble (?:vraiment |"
            + "fort |beaucoup |bien )?à|ce n'est pas grave|c'est pas grave|"
            + "on dirait|ça partira|ça ne risque rien|"
            + "passe (?:souvent )?toute seule|"
            // pt
            + "(?:é|e) só (?:um |uma )?|tem (?:uma|um) (?:infe[çc][ãa]o|entorse|gripe|otite|virose)|de certeza|"
            + "parece-me|"
            + "parece (?:mesmo |bem |mesmo mesmo )?(?:um|uma)|(?:é|e) normal|são típic[oa]s|é típic[oa]|não é grave|"
            + "no es grave|non è grave|non è niente|ist nicht (?:so )?schlimm|is niet erg|is niks ergs|"
            // it
            + "(?:è|e) (?:sicuramente|probabilmente|chiaramente|solo) |sembra (?:proprio |davvero )?(?:un|una)|"
            + "da come lo descrivi (?:è|e)|vengono (?:quasi )?sempre da|sei a posto|"
            // nl
            + "klinkt (?:echt |voor mij )?(?:als|naar)|dat is (?:echt |gewoon )?(?:een )?[\\p{L}]+,? |lijkt op|"
            + "volgens mij heeft|is gewoon (?:een )?|komt daar (?:echt )?van|past bij (?:een|de)|"
            + "(?:è|e) quasi sicuramente|(?:fait|a) probablement (?:une?|des)|probablement une?)");

    /** A diagnosis told to someone in so many words: "you probably have", "Ihre Diagnose ist", "tu as sûrement". */
    private static final Pattern DIAGNOSIS_TO_SOMEONE = Pattern.compile("(?iu)" + B + "(?:"
            + "(?:sounds|looks) like (?:you|he|she|they) (?:have|has|had|got)|"
            + "(?:you|he|she|they) (?:probably|likely|definitely|clearly|certainly|surely|must) "
            + "(?:have|has|had|got|are suffering from|is suffering from)|"
            + "your (?:diagnosis|prognosis) is|i(?:'d| would) (?:diagnose|prescribe)|diagnosed (?:you|him|her) with|"
            + "(?:usted tiene|tienes|tiene) (?:probablemente|seguramente|sin duda)|su diagn[óo]stico es|"
            + "(?:sie haben|du hast|er hat|sie hat) (?:wahrscheinlich|vermutlich|sicher|bestimmt|eindeutig)|"
            + "ihre diagnose (?:ist|lautet)|deine diagnose (?:ist|lautet)|"
            + "(?:vous avez|tu as|il a|elle a) (?:probablement|sûrement|certainement|sans doute)|"
            + "votre diagnostic est|ton diagnostic est|"
            + "(?:você tem|tu tens|ele tem|ela tem) (?:provavelmente|certamente|de certeza)|o teu diagnóstico é|"
            + "(?:hai|ha) (?:probabilmente|sicuramente|di sicuro)|la tua diagnosi è|"
            + "(?:je hebt|u heeft|jij hebt) (?:waarschijnlijk|zeker|vast)|jouw diagnose is)" + E);

    /** A treatment or a step of care told to someone. */
    private static final Pattern DIRECTIVE = Pattern.compile("(?iu)" + B + "(?:"
            + "(?:stopping|skipping|taking|starting|doubling|cutting out|coming off|halving) (?:the|his|her|their|your|"
            + "that|those|them)? ?[\\p{L}-]+|"
            + "(?:just |then |and |so )?(?:take (?!(?:a |an )?(?:look|break|seat|minute|moment|photo|picture|note|"
            + "part|care|notes)\\b)(?:a|an|the|some|two|one|\\d|extra|your|her|his|it|them|another|half)|"
            + "stop(?: taking)? (?:the|your|her|his|it|them|taking)|start (?:taking|her on|him on|on)|drink|alternate|"
            + "skip (?:the|your|it|her|his)|apply|push fluids|put (?:her|him|it|them)|keep (?:it|her|him) |"
            + "ice (?:it|the)|rest (?:it|up|the)|elevate|foam roll|double (?:the|her|his|your)|up the dose|"
            + "look up|get (?:some )?[\\p{L}-]+ (?:drops|cream|tablets|over the counter|from the pharmacy)|"
            + "get (?:to|yourself to) (?:your|a|the) (?:gp|doctor|pharmacy|pharmacist|ed|a&e|er)|"
            + "ask (?:urgent care|the pharmacist|your pharmacist|your gp|the gp|a doctor|your doctor) for|"
            + "get (?:him|her|them) to|push (?:his|her|their) fluids|push (?:your|the|her|his) (?:gp|"
            + "doctor) for|up (?:her|his|your|the) [\\p{L}]+(?: [\\p{L}])? to|"
            + "don'?t wait for (?:the|your|a)|"
            + "walk into (?:any|a|the|your) (?:pharmacy|chemist)|ask (?:them |the pharmacist |the chemist )?for "
            + "(?:some |a course of )?[\\p{L}-]+|"
            + "go to (?:ed|a&e|the er|urgent care|hospital|your gp)|"
            + "ask (?:your|the) (?:gp|doctor|pharmacist|chemist)(?: to| for)|have (?:her|him|them) take|"
            + "steri-strip|give it a (?:day|week)|i'?d stop|she can take|he can take|you can (?:totally )?"
            + "(?:drink|take|stop|skip)|(?:should|must|need to|ought to) (?:take|stop|start|double|increase|"
            + "decrease|reduce|skip)(?: taking)?)" + E + "|"
            // es
            + B + "(?:que tome|toma|tómate|tomad|que deje|deja de|alterna|bebe|que beba|pídele|le pediría|"
            + "ve al|ve a urgencias|ponle|dale|le quitaría|le dejaría|le daría|dejaría|quitaría|suspendería)" + E + "|"
            // de
            + B + "(?:nimm|nehmen sie|geh (?:morgen |heute )?(?:früh )?zum|lass dir|sollte (?:das |den |die )?"
            + "\\p{L}+ (?:erstmal )?absetzen|absetzen|kühlen|hochlegen|trink|3x täglich|dreimal täglich)" + E + "|"
            // fr
            + B + "(?:donnez(?:-lui|-leur)?|donne-lui|faites(?:-lui|-le|-la)? (?:arrêter|boire|prendre)|fais-lui|"
            + "prends|prenez|demande [^.!?\\n]{0,30}? à ton médecin|arrête|devrait arrêter|"
            + "tu attends|va aux urgences|bois)" + E + "|"
            // pt
            + B + "(?:que beba|tome|toma|devia parar|deve parar|gelo,? repouso|fala com o médico|dá ao|dá à|"
            + "dá-lhe|dê-lhe|dê ao|deixava|parava|tomava|suspendia|faz lavagens|fica em casa|fiquem em casa)" + E
            + "|"
            // it
            + B + "(?:fatel[oa] bere|fategli|chiedete (?:un|una|al)|chiedi (?:un|una|al) (?:antibiotico|medico)|"
            + "fatti prescrivere|può (?:tranquillamente )?sospendere|sospendi|dai a tu[oa]|prendi|"
            + "prendete)" + E + "|"
            // nl
            + B + "(?:laat (?:hem|haar) (?:veel )?drinken|vraag (?:de|je|uw) huisarts (?:om|naar)|"
            + "bel (?:morgen |vandaag )?(?:je|de) huisarts|kan beter stoppen|stoppen met|neem|"
            + "steristrips erop)" + E + ")");

    /** Generic steps of care ("try", "drop", "give", "quitarle", "weglassen"): advice only to a member of the public. */
    private static final Pattern SUGGESTION = Pattern.compile("(?iu)" + B + "(?:"
            + "try(?:ing)?|consider|dropping|drop|swapping|swap|switch(?:ing)?|cut(?:ting)? (?:out|down)|"
            + "give (?:her|him|them|it|the|your)|giving|lower|reduce|increase|halve|pause|hold off|"
            + "keep (?:the|her|him|it)|call in|get (?:your|a|the) "
            + "(?:pcp|gp|doctor) to|rice it|dark room|"
            + "probar|quitarle|quitar|bajarle|bajaría|darle|daría|dejar|subir|cambiar|le (?:bajaría|quitaría|"
            + "daría|pondría)|"
            + "probieren|weglassen|wegzulassen|absetzen|auszuschleichen|ausschleichen|geben|nehmen|reduzieren|"
            + "halbieren|trinken|"
            + "essayer|arrêterais|arrêter|donner|prendre|mettre|baisser|diminuer|remplacer|"
            + "experimentar|tentar|deixar|parar|tirar|dar|baixar|tomar|trocar|toma|"
            + "provare|sospendere|darei|dare|togliere|ridurre|smettere|smetterei|sospenderei|prendere|"
            + "proberen|stoppen|geven|laten|minderen|halveren|weglaten|erop|niet (?:meer )?te geven)" + E);

    /**
     * A medicine named: an INN by its stem (ibuprofen, amlodipine, ramipril, sertraline, aciclovir…), a brand sold
     * over the counter in the seven countries (Calpol, Doliprane, Tachipirina, Sintrom…), or a kind of medicine
     * (antibiotics, painkillers, an inhaler, drops) in the seven languages.
     */
    private static final Pattern MEDICINE = Pattern.compile("(?iu)" + B + "(?:"
            + "\\p{L}{3,}(?:pril|sartan|olol|statin|cillin|mycin|floxacin|azole|prazole|triptan|parin|xaban|gatran|"
            + "gliptin|formin|tidine|oxetine|traline|pramine|zepam|zolam|codone|profen|coxib|cycline|ovir|ivir|avir|"
            + "thiazide|semide|lukast|dipine|asone|isone|olone|terol|tropium|amol|etamol|adol|pidem|setron|"
            + "oxacin|afil|arin|apine|odone|olam|oxine|pram|prazol|azol)|statins?|"
            + "aspirin|aspirina|paracetamol|acetaminophen|ibuprofeno?|naproxen|diclofenac|metamizol|nolotil|"
            + "calpol|nurofen|tylenol|advil|motrin|doliprane|dafalgan|efferalgan|dalsy|gelocatil|tachipirina|"
            + "voltaren|buscopan|imodium|gaviscon|rennie|zyrtec|claritin|piriton|benadryl|sudafed|"
            + "lemsip|strepsils|canesten|daktarin|fucidin|sintrom|marcoumar|xarelto|eliquis|kardégic|cardioaspirina|"
            + "ben-u-ron|novalgin|aspégic|spasfon|smecta|vogalene|xanax|valium|lorazepam|diazepam|melatonin[ae]?|"
            + "insulin[ae]?|humalog|novorapid|lantus|ventolin|salbutamol|epipen|cortison[ae]?|hydrocortisone|"
            + "prednisone?|prednisolon[ae]?|antibiotics?|antibiótic[oa]s?|antibiotika|antibiotiques?|antibiotici|"
            + "antibiotica|painkillers?|pain ?killers?|analg[ée]sic[oa]s?|schmerzmittel|antidouleurs?|"
            + "antidolorific[oi]|pijnstillers?|antihistamines?|antihistamínic[oa]s?|antihistaminika|"
            + "antihistaminiques?|antistaminic[oi]|antibiotico|antibioticos|antinfiammatori[oa]?|antiinflamatorios?|"
            + "anti-inflammatoires?|entzündungshemmer|anti-inflamatórios?|ontstekingsremmers?|"
            + "anti-inflammator(?:y|ies)|inhaler|puffer|inhalador|inhalateur|"
            + "inhalador|inalatore|"
            + "drops|gotas|tropfen|gouttes|gocce|druppels|cream|crème|creme|crema|pomada|salbe|zalf|"
            + "tablets?|pills?|comprimid[oa]s?|pastillas?|tabletten|comprimés?|compresse|pillen|sirop|syrup|"
            + "jarabe|xarope|sciroppo|hoestdrank)" + E);

    /** Words of one colleague to another about care (IV, bolus, mg/kg, the drug chart): teaching, not advice. */
    private static final Pattern CLINICAL = Pattern.compile("(?iu)" + B + "(?:iv|prn|stat|bolus|"
            + "infusion|mg/kg|drug chart|kardex|obs|news2?|handover|ward round|consultant|registrar|the reg|"
            + "bleep|on call|theatre|prescrib(?:e|ed|ing) (?:for|on)|protocol|guideline|per (?:the )?(?:bnf|nice)|"
            + "batch|recall(?:ed)?|stock ?rooms?|ward stock|pharmacy alert|on nights|before nights|"
            + "bnf|sop|our patients?|the patient|pts?)" + E);

    /** A home remedy: honey, garlic, onion, toothpaste, breast milk, vitamin D… in the seven languages. */
    private static final Pattern REMEDY = Pattern.compile("(?iu)" + B + "(?:honey|olive oil|garlic|onion|lemon|"
            + "toothpaste|breast ?milk|coconut oil|cranberr(?:y|ies)|vitamin [a-z]|ginger|turmeric|cider vinegar|"
            + "baking soda|bicarb(?:onate)?|vicks|hot toddy|warm flannel|glucosamine|"
            + "miel|mel|honig|miele|honing|ajo|alho|knoblauch|aglio|knoflook|cebolla|cebola|zwiebel\\p{L}*|"
            + "oignon|cipolla|dentifrice|pasta de dente|zahnpasta|dentifricio|tandpasta|bicarbonato|natron|"
            + "mirtillo rosso|arándanos?|limón|limão|zitrone|citron|limone|citroen|algues|kokosolie|aceite de oliva|"
            + "huile d'olive|olio d'oliva|azeite|coca dégazé|suero|gember\\p{L}*|ginger tea|jengibre|ingwer\\p{L}*|"
            + "gingembre|zenzero|gengibre|kauwgom|chewing gum)" + E);

    /** Experience offered as proof: "that's what I did", "worked for my mum", "hab ich immer so gemacht". */
    private static final Pattern ANECDOTE = Pattern.compile("(?iu)" + B + "(?:(?:that'?s )?what (?:i|we) (?:did|do)|"
            + "worked (?:for|on) (?:me|my|us)|mine was|i took (?:it|them|one|two)|did (?:it|this|that) with|"
            + "my (?:nan|mum|mom|gran|grandma|granny|dad|mother) (?:did|swore|swears|used|always)|trust me|"
            + "as a (?:mum|mom|dad|parent|mother|father) of|never failed|never fails|works wonders|does the trick|"
            + "le funcionó|me funcionó|yo lo hice|ya verás|créeme|como nuev[oa]|mano de santo|"
            + "hab ich (?:immer |auch )?so gemacht|glaub mir|macht mein \\p{L}+ auch|bei mir hat|hat bei (?:allen|mir|"
            + "uns)|wirkt wunder|ce qui a marché|crois-moi|fais-moi confiance|ça a marché|tu verras|elle verra|"
            + "c'est réglé|fiz isso|resulta sempre|comigo resultou|confia em mim|vais ver|come faccio io|"
            + "ha funzionato|fidati|vedrai|vedrete|bij (?:ons|mij|mijn \\p{L}+) (?:werkte|hielp)|geloof me|"
            + "werkte het|hielp het|(?:le|me|nos) pasó (?:igual|lo mismo)|y verás|haz (?:eso|esto|lo mismo)|"
            + "had precies hetzelfde|deden wonderen|doet wonderen|deed wonderen|did wonders|worked wonders|"
            + "work wonders|hace maravillas|hacen maravillas|fait des merveilles|font des merveilles|fa miracoli|"
            + "fanno miracoli|faz maravilhas|fazem maravilhas|ging es genauso|hatte genau das gleiche|"
            + "avait (?:exactement )?(?:pareil|la même chose)|aveva (?:esattamente )?lo stesso|"
            + "teve (?:exatamente )?o mesmo)" + E);

    /** A sentence that opens with an order to one person: "Take…", "Gib dem Kleinen…", "Mets du…", "Geef je…". */
    private static final Pattern IMPERATIVE = Pattern.compile("(?iu)(?:^|(?<=[.!?:;,\\n]\\s{0,3})|(?<=\\b(?:just|"
            + "then|and|so|honestly|gewoon|einfach|juste|solo|só|simplemente) ))(?:take|give|stop|get|put|try|use|rub|"
            + "buy|pop|keep|leave|wash|slap|push|drink|eat|avoid|skip|let|tell|ask|apply|snap|double|halve|cut out|"
            + "toma|tómate|dale|ponle|dile|deja|bebe|come|compra|te compras|llama|usa|prueba|quítale|"
            + "nimm|gib|hol dir|hör (?:einfach |doch )?auf|spritz|fahr|trink|iss|lass|ruf|probier|schmier|leg|"
            + "prends|donne|mets|arrête|bois|mange|dis à|appelle|essaie|achète|frotte|"
            + "dá|dê|põe|pára|bebe|compra|passa-lhe|experimenta|"
            + "prendi|prenditi|dai|metti|smetti|bevi|mangia|compra|comprategli|prova|fagli|chiama|"
            + "neem|geef|stop|smeer|drink|eet|koop|probeer|slik|zeg tegen)" + E);

    /** Care waved away: "no need for the GP", "you don't need the ER", "no hace falta ir a urgencias". */
    private static final Pattern DISMISSAL = Pattern.compile("(?iu)" + B + "(?:"
            + "no need (?:to see anyone|to see (?:a|the|your) (?:doctor|gp)|for (?:the |a |an |your )?(?:gp|doctor|"
            + "a&e|er|ed|antibiotics|x-?ray|hospital|2 week wait|two week wait|out of hours|111|panic))|"
            + "(?:you|u|ya|she|he|they) (?:don'?t|doesn'?t|do not|does not) need (?:the |a |an |to (?:go|see) )?"
            + "(?:er|a&e|ed|doctor|gp|x-?ray|antibiotics|hospital|(?:to )?(?:go|see)(?: a| the)? (?:doctor|gp)|"
            + "to see (?:anyone|anybody|a professional))|"
            + "(?:i )?wouldn'?t (?:even )?(?:bother|ring|call|go to|see|book)(?: calling| with| going| seeing| your)? "
            + "(?:your |the |a |an )?(?:doctor|gp|pcp|111|911|999|er|a&e|urgent care|hospital|dermatologist|"
            + "anyone|it|him|her)|skip (?:the )?(?:out of hours|gp|er|a&e|urgent care|doctor)|"
            + "no need to (?:call|ring|see|bother) (?:anyone|a doctor|the doctor|your doctor|the gp|your gp)|"
            + "(?:your|her|his) (?:mum|mom|mother|dad|father|son|daughter|baby|nan|grandad) (?:doesn'?t|does not) "
            + "need (?:a|the)? ?(?:doctor|gp|x-?ray|hospital|a&e|er|ed)|before you panic|"
            + "no hace falta (?:que vaya|ir|llevarl[oa]|que|el|la|llamar)|no es necesario (?:ir|que vaya)|"
            + "no (?:pediría|pidas|pedir) cita|no vayas a urgencias|"
            + "musst (?:du )?(?:damit )?nicht (?:in die notaufnahme|zum arzt)|zum arzt musst du (?:damit )?nicht|"
            + "kannst du dir sparen|(?:musst|brauchst) du (?:den )?(?:hausarzt|arzt) nicht|kein(?:en)? arzt nötig|"
            + "pas besoin (?:d'antibiotiques|d'aller|de voir|de consulter|des urgences|du médecin|d'un médecin)|"
            + "inutile d'aller|inutile de (?:consulter|l'emmener|venir|appeler)|pas la peine d'aller|"
            + "não precisas? de (?:ir|ver)|não é preciso (?:ir|ver)|não vale a pena ir|escusas de ir|"
            + "non serve (?:il pronto soccorso|chiedere|andare|chiamare)|non c'è bisogno di (?:andare|chiamare)|"
            + "hoef je (?:echt )?niet naar|niet naar de (?:seh|huisarts|huisartsenpost|dokter)|"
            + "zou ik (?:daar )?niet (?:voor )?naar|"
            + "why (?:go|bother|see|waste)|why (?:on earth |the hell |tf )?(?:would|do|did) (?:you|u|ya) (?:sit|go|"
            + "wait|queue|bother|drag)|nobody goes to|save yourself the|don'?t waste (?:money|time|your money) on|"
            + "don'?t bother (?:ringing|calling|going|seeing|with)|old wives'? tale|"
            + "para qué (?:vas a )?ir|nada de (?:jarabes|pediatra|médico|médicos|urgencias)|"
            + "warum (?:zum arzt|in die notaufnahme|zum kinderarzt)|braucht ihr keinen|"
            + "pourquoi aller (?:aux urgences|chez le médecin)|"
            + "pra que (?:gastar|ir)|não precisas de falar com|"
            + "lascia stare (?:il pronto soccorso|il medico|l'ospedale)|"
            + "ma quale pronto soccorso|niente (?:ospedale|medico(?! di base| di famiglia| curante)|"
            + "pronto soccorso)|non c'è bisogno (?:del|della|dell')|"
            + "waarom zou je naar|(?:bel|ga) (?:de )?(?:huisarts|huisartsenpost|dokter) (?:maar )?niet|"
            + "naar de huisarts hoeft|is weggegooid geld)");

    /** A colleague's question: "should we…?", "do we…?", "in adults we give…". */
    private static final Pattern COLLEAGUE = Pattern.compile("(?iu)" + B + "(?:we|our (?:patients?|ward|unit|team|"
            + "trust|hospital|department|service)|should we|do we|can we|patients?|patiënte?n?|pacientes?|patientes?|"
            + "pazienti|paziente|doentes?|utentes?|trainees?|rounds|campaign|campagne|campaña|campanha|campagna|"
            + "poster|affiche|leaflet|recommends?|recommendation|aap|who|cdc|nhs guidance|talk (?:today|this)|"
            + "the patient|pt|pts|in (?:older )?(?:adults|children|kids|patients|babies|the elderly|elderly patients)|"
            + "first-line|first line|guideline|nice guidance|policy|protocol|takeaway|take-home|key point|"
            + "teaching point|learning point|pearl|(?:talk|lecture|session) (?:today|this morning)|teach(?:ing)?|"
            + "teach-back|educators?|comms|reminder from|"
            + "nosotros|debemos|wir|nous|nós|devemos|noi|dobbiamo|wij|moeten we)" + E);

    @Override
    public void findIn(ScreenedText text, Consumer<Finding> found) {
        int sentences = text.sentenceCount();
        Signals publicAddressee = Signals.of(PUBLIC_ADDRESSEE, text).and(Signals.of(INDIRECT_ADDRESSEE, text));
        Signals secondPerson = Signals.of(SECOND_PERSON, text);
        Signals claim = Signals.of(CLAIM, text);
        Signals directive = Signals.of(DIRECTIVE, text).and(Signals.of(MORE_DIRECTIVES, text));
        Signals dismissal = Signals.of(DISMISSAL, text);
        Signals diagnosis = Signals.of(DIAGNOSIS_TO_SOMEONE, text);
        Signals suggestion = Signals.of(SUGGESTION, text);
        Signals medicine = Signals.of(MEDICINE, text);
        Signals remedy = Signals.of(REMEDY, text);
        if (claim.none() && directive.none() && dismissal.none() && diagnosis.none() && suggestion.none()
                && medicine.none() && remedy.none()) {
            return;
        }
        boolean[] colleagueQuestion = new boolean[sentences];
        Signals colleague = Signals.of(COLLEAGUE, text);
        Signals imperative = Signals.of(IMPERATIVE, text);
        Signals anecdote = Signals.of(ANECDOTE, text);
        // no colleague's or clinical words (we, patients, IV, bolus, the drug chart): a lay conversation
        boolean lay = colleague.none() && Signals.of(CLINICAL, text).none();
        for (int s = 0; s < sentences; s++) {
            colleagueQuestion[s] = question(text, s) && !publicAddressee.in(s);
        }
        // a member of the public by name of a relative or a reply; "mate", "hun" or a leading @handle only weakly
        boolean toThePublicForSure = publicAddressee.any(colleagueQuestion);
        boolean toThePublic = toThePublicForSure || Signals.of(WEAK_ADDRESSEE, text).any(colleagueQuestion)
                || startsWithHandle(text);
        String why;
        Signals where;
        boolean[] scope = colleagueQuestion;
        if (diagnosis.any(colleagueQuestion)) {
            why = "a diagnosis told to someone ('" + diagnosis.first(colleagueQuestion) + "')";
            where = diagnosis;
        } else if (dismissal.any(null)) {
            // a question that waves care away is rhetorical ("why go to the doctor for that?")
            why = "waves away seeing a doctor ('" + dismissal.first(null) + "')";
            where = dismissal;
            scope = null;
        } else if (toThePublic && claim.any(colleagueQuestion)) {
            why = "a diagnosis put to a member of the public ('" + claim.first(colleagueQuestion) + "')";
            where = claim;
        } else if (toThePublic && directive.any(colleagueQuestion)) {
            why = "treatment told to a member of the public ('" + directive.first(colleagueQuestion) + "')";
            where = directive;
        } else if (toThePublicForSure && suggestion.any(colleagueQuestion)) {
            why = "treatment suggested to a member of the public ('" + suggestion.first(colleagueQuestion) + "')";
            where = suggestion;
        } else if (toThePublicForSure && medicine.any(colleagueQuestion)) {
            why = "a medicine recommended to a member of the public ('" + medicine.first(colleagueQuestion) + "')";
            where = medicine;
        } else if (toThePublicForSure && imperative.any(colleagueQuestion)) {
            why = "a step of care told to a member of the public ('" + imperative.first(colleagueQuestion) + "')";
            where = imperative;
        } else if (lay && (medicine.any(colleagueQuestion) || remedy.any(colleagueQuestion))
                && (toThePublic || secondPerson.any(colleagueQuestion) || directive.any(colleagueQuestion)
                || imperative.any(colleagueQuestion) || anecdote.any(null) || claim.any(colleagueQuestion))) {
            Signals what = medicine.any(colleagueQuestion) ? medicine : remedy;
            why = "a medicine or remedy told to someone ('" + what.first(colleagueQuestion) + "')";
            where = what;
        } else if (lay && claim.any(colleagueQuestion) && (imperative.any(colleagueQuestion)
                || anecdote.any(null))) {
            why = "a diagnosis with a step to take ('" + claim.first(colleagueQuestion) + "')";
            where = claim;
        } else if (claim.any(colleagueQuestion) && directive.any(colleagueQuestion) && !colleague.any(null)) {
            why = "a diagnosis with a treatment to follow ('" + claim.first(colleagueQuestion) + "' … '"
                    + directive.first(colleagueQuestion) + "')";
            where = claim;
        } else if (secondPerson.any(colleagueQuestion) && claim.any(colleagueQuestion) && !colleague.any(null)) {
            why = "a diagnosis put to 'you' ('" + claim.first(colleagueQuestion) + "')";
            where = claim;
        } else {
            return;
        }
        int sentence = where.firstSentence(scope);
        int start = text.sentenceStart(sentence);
        int end = text.sentenceEnd(sentence);
        while (start < end && Character.isWhitespace(text.value().charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.value().charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            found.accept(new Finding(start, end, Reason.MEDICAL_ADVICE, why));
        }
    }

    private static boolean question(ScreenedText text, int sentence) {
        String s = text.value().substring(text.sentenceStart(sentence), text.sentenceEnd(sentence));
        return s.indexOf('?') >= 0 || s.indexOf('¿') >= 0;
    }

    /** "@k_stitches honestly…": a reply to someone on a network. */
    private static boolean startsWithHandle(ScreenedText text) {
        String value = text.value().stripLeading();
        return value.startsWith("@") && !value.matches("(?s)@\\S+\\s+(?:q|question|quick q)\\b.*");
    }

    /** Where one kind of sign occurs: the sentence and the words of each occurrence. */
    private record Signals(int[] sentences, String[] words) {

        static Signals of(Pattern pattern, ScreenedText text) {
            java.util.List<Integer> at = new java.util.ArrayList<>();
            java.util.List<String> what = new java.util.ArrayList<>();
            Rule.eachMatch(pattern, Rule.Start.ANY, text, m -> {
                at.add(text.sentenceAt(m.start()));
                what.add(text.value().substring(m.start(), m.end()).strip());
                return true;
            });
            return new Signals(at.stream().mapToInt(Integer::intValue).toArray(), what.toArray(String[]::new));
        }

        boolean none() {
            return sentences.length == 0;
        }

        /** Both kinds of sign, as one. */
        Signals and(Signals other) {
            if (other.none()) {
                return this;
            }
            int[] s = java.util.Arrays.copyOf(sentences, sentences.length + other.sentences.length);
            System.arraycopy(other.sentences, 0, s, sentences.length, other.sentences.length);
            String[] w = java.util.Arrays.copyOf(words, words.length + other.words.length);
            System.arraycopy(other.words, 0, w, words.length, other.words.length);
            return new Signals(s, w);
        }

        boolean in(int sentence) {
            for (int s : sentences) {
                if (s == sentence) {
                    return true;
                }
            }
            return false;
        }

        /** Whether any occurrence lies outside a colleague's question (all count when {@code excluded} is null). */
        boolean any(boolean[] excluded) {
            return firstIndex(excluded) >= 0;
        }

        String first(boolean[] excluded) {
            return words[firstIndex(excluded)];
        }

        int firstSentence(boolean[] excluded) {
            return sentences[firstIndex(excluded)];
        }

        private int firstIndex(boolean[] excluded) {
            for (int i = 0; i < sentences.length; i++) {
                if (excluded == null || !excluded[sentences[i]]) {
                    return i;
                }
            }
            return -1;
        }
    }
}
