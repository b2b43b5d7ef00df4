package app.rounds.screening.entity;

/**
 * Why a text was held: one of the HIPAA Safe Harbor identifiers that free text can carry, what reads like a diagnosis
 * or treatment advice given to a member of the public, or profanity.
 */
public enum Reason {
    PERSON_NAME("person's name"),
    ADDRESS("address, postcode or town"),
    DATE_OF_PERSON("date of birth, admission, surgery, discharge or death"),
    AGE_OVER_89("age over 89"),
    PHONE_OR_FAX("phone or fax number"),
    EMAIL("email address"),
    SSN("social security or national ID number"),
    RECORD_NUMBER("record, insurance, account or licence number"),
    VEHICLE_PLATE("vehicle registration plate or VIN"),
    DEVICE_SERIAL("device serial number"),
    URL("web address"),
    IP_ADDRESS("IP address"),
    FACE_OR_BIOMETRIC("photo of a face, or a biometric"),
    IDENTIFYING_NUMBER("number or code that may identify someone"),
    MEDICAL_ADVICE("reads like a diagnosis or treatment advice to a member of the public"),
    NOT_SCREENED("could not be screened: a moderator must read it"),
    PROFANITY("profanity or slur");

    private final String label;

    Reason(String label) {
        this.label = label;
    }

    /** A short human label for moderators, e.g. "phone or fax number". */
    public String label() {
        return label;
    }

    /** Patient data, as opposed to advice, profanity or a text screening could not finish. */
    public boolean patientData() {
        return this != MEDICAL_ADVICE && this != PROFANITY && this != NOT_SCREENED;
    }
}
