/**
 * Screening of trainees' free text (questions, comments, display names, later social-media posts) before anything
 * reaches a public screen: patient data, by the HIPAA Safe Harbor identifiers that text can carry, and profanity. A
 * flagged text is held for moderators, who see each finding's reason and span.
 *
 * <p>Decisions: regular expressions only, precompiled, no model and no dictionary of names, so that screening is fast
 * (well under 1 ms for 1000 chars), explainable to moderators and predictable. Numbers are believed to identify
 * someone only with a keyword (MRN, DOB, serial number, Versichertennummer…) or in a format nothing clinical shares
 * (phone numbers, e-mail, URLs, IP addresses, SSN); names only with an honorific, "patient …" or "… in bed 4". It
 * must not drown presenters in false alarms from doses, vitals, times, lab values, years or room numbers, and it
 * will miss a bare name: it is a first line, moderators decide. Word lists: {@code screening/profanity/<lang>.txt},
 * each replaceable through {@code rounds.screening.word-lists}. Precision and recall: docs/SCREENING.md.
 */
package app.rounds.screening;
