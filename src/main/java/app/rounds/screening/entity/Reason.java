package app.rounds.screening.entity;

/**
 * Why a text was held: one of the HIPAA Safe Harbor identifiers that free text can carry, or profanity. Faces,
 * biometrics and vehicle plates are left out because typed questions hardly ever carry them.
 */
public enum Reason {
    PERSON_NAME("person's name"),
    ADDRESS("street address"),
    DATE_OF_PERSON("date of birth, admission, discharge or death"),
    AGE_OVER_89("age over 89"),
    PHONE_OR_FAX("phone or fax number"),
    EMAIL("email address"),
    SSN("social security or national ID number"),
    RECORD_NUMBER("record, insurance, account or licence number"),
    DEVICE_SERIAL("device serial number"),
    URL("web address"),
    IP_ADDRESS("IP address"),
    IDENTIFYING_NUMBER("long number that may identify someone"),
    MEDICAL_ADVICE("reads like a diagnosis or personal medical advice"),
    PROFANITY("profanity or slur");

    private final String label;

    Reason(String label) {
        this.label = label;
    }

    /** A short human label for moderators, e.g. "phone or fax number". */
    public String label() {
        return label;
    }
}
