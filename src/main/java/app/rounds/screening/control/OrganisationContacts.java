package app.rounds.screening.control;

import app.rounds.screening.entity.Finding;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The organisation's own public contacts, which staff post all the time and which identify no patient: its phone
 * lines (switchboard, wards), its domains (staff e-mail, the learning site with slides and recordings) and its postal
 * addresses. Configured by the deployment; none by default, so out of the box every phone number and address is held.
 *
 * <p>Phones match by their digits, ignoring leading zeros and a country code ("+44 161 496 0000" is "0161 496 0000");
 * an entry ending in {@code *} allows every extension behind it ("0511 970-*"). Domains allow their subdomains.
 * An address found in a text is allowed when all its words belong to one configured address.
 */
public final class OrganisationContacts {

    public static final OrganisationContacts NONE = new OrganisationContacts(List.of(), List.of(), List.of());

    private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final List<String> phones;
    private final List<String> domains;
    private final List<Set<String>> addresses;

    /**
     * @param phones    numbers as written ("0161 496 0000", "+44 161 496 0712", "0511 970-*")
     * @param domains   e-mail and web domains ("northfield.nhs.uk")
     * @param addresses postal addresses ("Moor Lane, Manchester M23 9LT")
     */
    public OrganisationContacts(List<String> phones, List<String> domains, List<String> addresses) {
        this.phones = phones.stream().map(String::strip).filter(p -> !p.isEmpty())
                .map(p -> (p.endsWith("*") ? significant(p) + "*" : significant(p))).toList();
        this.domains = domains.stream().map(d -> d.strip().toLowerCase(Locale.ROOT).replaceFirst("^@", ""))
                .filter(d -> !d.isEmpty()).toList();
        this.addresses = addresses.stream().map(String::strip).filter(a -> !a.isEmpty())
                .map(OrganisationContacts::words).toList();
    }

    /** From configuration values: phones and domains comma-separated, addresses separated by semicolons. */
    public static OrganisationContacts of(String phones, String domains, String addresses) {
        return new OrganisationContacts(split(phones, ","), split(domains, ","), split(addresses, ";"));
    }

    private static List<String> split(String value, String separator) {
        return value == null ? List.of() : Arrays.asList(value.split(Pattern.quote(separator)));
    }

    /** Whether the finding is one of the organisation's own public contacts. */
    boolean allows(Finding finding, String text) {
        String found = finding.excerpt(text);
        return switch (finding.reason()) {
            case EMAIL -> domainAllowed(found.substring(found.indexOf('@') + 1));
            case URL -> domainAllowed(host(found));
            case ADDRESS -> addressAllowed(found);
            // a phone line read as a long number is still the line; a national id or a record number never is
            case PHONE_OR_FAX, IDENTIFYING_NUMBER -> phoneAllowed(found);
            default -> false;
        };
    }

    private boolean domainAllowed(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return domains.stream().anyMatch(d -> h.equals(d) || h.endsWith("." + d));
    }

    private static String host(String url) {
        String rest = url.replaceFirst("(?i)^https?://", "").replaceFirst("(?i)^www\\.", "");
        int end = rest.length();
        for (char c : new char[] {'/', '?', '#', ':'}) {
            int i = rest.indexOf(c);
            if (i >= 0) {
                end = Math.min(end, i);
            }
        }
        return rest.substring(0, end);
    }

    private boolean phoneAllowed(String number) {
        String digits = significant(number);
        if (digits.length() < 6) {
            return false;
        }
        // a country code (+44, 0049) may stand before the national number: only then may the match start later
        boolean international = number.strip().startsWith("+") || number.strip().startsWith("00");
        for (String allowed : phones) {
            boolean prefix = allowed.endsWith("*");
            String a = prefix ? allowed.substring(0, allowed.length() - 1) : allowed;
            int at = digits.indexOf(a);
            boolean matches = prefix ? at == 0 || international && at > 0 && at <= 3
                    : digits.equals(a) || international && digits.endsWith(a) && digits.length() - a.length() <= 3
                    || a.endsWith(digits) && a.length() - digits.length() <= 3 && digits.length() >= 8;
            if (matches) {
                return true;
            }
        }
        return false;
    }

    /** The digits without the leading zeros of a trunk or international prefix. */
    private static String significant(String number) {
        return NationalIds.digits(number).replaceFirst("^0+", "");
    }

    /**
     * A street line or a postcode of a configured address: at least two words, one of them with a digit, all of them
     * in that address. A town or district alone ("lives in Manchester") is never the organisation's.
     */
    private static final java.util.regex.Pattern FLOOR = java.util.regex.Pattern.compile(
            "(?:,\\s*|\\s+)\\d{1,2}[º°ª].*$");

    private boolean addressAllowed(String address) {
        // the floor a street line may end with ("Via Carlo Pisacane 11, 2° piano") is in no configured address
        Set<String> found = words(FLOOR.matcher(address).replaceAll(""));
        boolean streetOrPostcode = found.size() >= 2 && found.stream().anyMatch(w -> w.chars().anyMatch(
                Character::isDigit));
        return streetOrPostcode && addresses.stream().anyMatch(allowed -> allowed.containsAll(found));
    }

    private static Set<String> words(String address) {
        return Arrays.stream(WORDS.split(address.toLowerCase(Locale.ROOT))).filter(w -> !w.isEmpty())
                .collect(Collectors.toSet());
    }

    @Override
    public String toString() {
        return phones.size() + " phones, " + domains + ", " + addresses.size() + " addresses";
    }
}
