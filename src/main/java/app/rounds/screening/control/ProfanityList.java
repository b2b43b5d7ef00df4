package app.rounds.screening.control;

import app.rounds.screening.entity.Finding;
import app.rounds.screening.entity.Reason;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Swear words and slurs, one list per language, matched as whole words or whole phrases so that "assessment",
 * "Scunthorpe" or "cocktail" never match. The language of a text is not known, so every list applies to every text;
 * that is why the default lists leave out words that are harmless in another of the languages (French "con" is
 * Spanish "with", English "dick" is German "thick").
 *
 * <p>Matching ignores case and accents (but keeps ñ: "cono" is not "coño") and, for single words, cheap
 * obfuscations: digits and symbols for letters ("sh1t", "$hit"), masked letters ("f*ck") and stretched letters
 * ("shiiit"). Each such variant must still equal a listed word exactly. An entry ending in {@code *} matches every
 * word that starts with it, for languages that build compounds ("scheiß*": Scheißdienst).
 */
public final class ProfanityList {

    /** The languages with a default list in {@code screening/profanity/<lang>.txt} on the classpath. */
    public static final List<String> DEFAULT_LANGUAGES = List.of("en", "de", "fr", "es");

    private static final Pattern LANGUAGE_FILE = Pattern.compile("([a-z]{2,3})\\.txt");
    private static final Pattern RUN_OF_THREE = Pattern.compile("(\\p{L})\\1{2,}");
    private static final String LEET_FROM = "0134579@$";
    private static final String LEET_TO = "oieastgas";

    private final Map<String, List<String>> entriesByLanguage;
    private final Set<String> phrases = new HashSet<>();
    /** The first words of every phrase of two or more words ("hijo", "hijo de"), so most words stop at one. */
    private final Set<String> phraseStarts = new HashSet<>();
    private final Map<Integer, List<String>> wordsByLength = new HashMap<>();
    private final List<String> prefixes = new ArrayList<>();
    private final int longestPhrase;

    private ProfanityList(Map<String, List<String>> entriesByLanguage) {
        this.entriesByLanguage = Map.copyOf(entriesByLanguage);
        int longest = 1;
        for (List<String> entries : entriesByLanguage.values()) {
            for (String entry : entries) {
                if (entry.endsWith("*") && !entry.contains(" ")) {
                    prefixes.add(normalize(entry.substring(0, entry.length() - 1)));
                    continue;
                }
                List<String> words = normalizedWords(entry);
                if (words.isEmpty()) {
                    continue;
                }
                phrases.add(String.join(" ", words));
                for (int n = 1; n < words.size(); n++) {
                    phraseStarts.add(String.join(" ", words.subList(0, n)));
                }
                longest = Math.max(longest, words.size());
                if (words.size() == 1) {
                    wordsByLength.computeIfAbsent(words.get(0).length(), n -> new ArrayList<>()).add(words.get(0));
                }
            }
        }
        this.longestPhrase = longest;
    }

    /** The lists shipped with Rounds, for {@link #DEFAULT_LANGUAGES}. */
    public static ProfanityList defaults() {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (String language : DEFAULT_LANGUAGES) {
            String resource = "/screening/profanity/" + language + ".txt";
            try (InputStream in = ProfanityList.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing word list " + resource);
                }
                lists.put(language, read(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read word list " + resource, e);
            }
        }
        return new ProfanityList(lists);
    }

    /**
     * The default lists, except that each {@code <lang>.txt} in the directory replaces the list of that language (or
     * adds a language). Files are UTF-8, one word or phrase a line, {@code #} starts a comment.
     */
    public static ProfanityList load(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("not a directory: " + directory);
        }
        Map<String, List<String>> lists = new LinkedHashMap<>(defaults().entriesByLanguage);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.txt")) {
            for (Path file : files) {
                var name = LANGUAGE_FILE.matcher(file.getFileName().toString());
                if (name.matches() && Files.isRegularFile(file)) {
                    lists.put(name.group(1), read(Files.newBufferedReader(file, StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read word lists in " + directory, e);
        }
        return new ProfanityList(lists);
    }

    /** Whether the word or phrase is listed, compared as {@link #findIn} compares (case and accents ignored). */
    public boolean contains(String wordOrPhrase) {
        return wordOrPhrase != null && phrases.contains(String.join(" ", normalizedWords(wordOrPhrase)));
    }

    public Set<String> languages() {
        return new TreeSet<>(entriesByLanguage.keySet());
    }

    /** The entries of one language as written in its list, or none. */
    public List<String> entries(String language) {
        return entriesByLanguage.getOrDefault(language, List.of());
    }

    /** Every listed word or phrase in the text, longest phrase first where they start at the same word. */
    public List<Finding> findIn(String text) {
        List<Finding> found = new ArrayList<>();
        List<int[]> tokens = tokens(text);
        List<String> words = new ArrayList<>(tokens.size());
        for (int[] token : tokens) {
            words.add(normalize(text.substring(token[0], token[1])));
        }
        int i = 0;
        while (i < tokens.size()) {
            int matched = wordsMatchedAt(words, i);
            if (matched > 0) {
                found.add(new Finding(tokens.get(i)[0], tokens.get(i + matched - 1)[1], Reason.PROFANITY,
                        "on the profanity word list"));
                i += matched;
            } else {
                i++;
            }
        }
        return found;
    }

    private int wordsMatchedAt(List<String> words, int from) {
        StringBuilder key = new StringBuilder();
        int longest = 0;
        for (int n = 1; n <= longestPhrase && from + n <= words.size(); n++) {
            if (n > 1) {
                key.append(' ');
            }
            key.append(words.get(from + n - 1));
            String phrase = key.toString();
            if (phrases.contains(phrase)) {
                longest = n;
            }
            if (!phraseStarts.contains(phrase)) {
                break;
            }
        }
        if (longest == 0 && (startsWithListedPrefix(words.get(from)) || isDisguised(words.get(from)))) {
            longest = 1;
        }
        return longest;
    }

    private boolean startsWithListedPrefix(String word) {
        for (String prefix : prefixes) {
            if (word.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private boolean isDisguised(String word) {
        boolean hasLetter = word.chars().anyMatch(Character::isLetter);
        if (!hasLetter) {
            return false;
        }
        if (word.chars().anyMatch(c -> LEET_FROM.indexOf(c) >= 0)) {
            StringBuilder plain = new StringBuilder(word.length());
            for (char c : word.toCharArray()) {
                int leet = LEET_FROM.indexOf(c);
                plain.append(leet >= 0 ? LEET_TO.charAt(leet) : c);
            }
            if (phrases.contains(plain.toString())) {
                return true;
            }
            word = plain.toString();
        }
        if (word.indexOf('*') > 0 && matchesMasked(word)) {
            return true;
        }
        if (RUN_OF_THREE.matcher(word).find()) {
            return phrases.contains(RUN_OF_THREE.matcher(word).replaceAll("$1"))
                    || phrases.contains(RUN_OF_THREE.matcher(word).replaceAll("$1$1"));
        }
        return false;
    }

    /** "f*ck" or "s**t": a listed word of the same length agreeing on the two or more letters shown. */
    private boolean matchesMasked(String word) {
        long shown = word.chars().filter(c -> c != '*').count();
        if (shown < 2) {
            return false;
        }
        for (String listed : wordsByLength.getOrDefault(word.length(), List.of())) {
            boolean agrees = true;
            for (int k = 0; k < word.length() && agrees; k++) {
                agrees = word.charAt(k) == '*' || word.charAt(k) == listed.charAt(k);
            }
            if (agrees) {
                return true;
            }
        }
        return false;
    }

    /** Word spans [start, end): letters, digits and the symbols that stand in for letters, trimmed of masks. */
    private static List<int[]> tokens(String text) {
        List<int[]> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && !isWordChar(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && isWordChar(text.charAt(i))) {
                i++;
            }
            int end = i;
            while (start < end && (text.charAt(start) == '*' || text.charAt(start) == '@')) {
                start++;
            }
            while (end > start && (text.charAt(end - 1) == '*' || text.charAt(end - 1) == '@')) {
                end--;
            }
            if (start < end) {
                tokens.add(new int[] {start, end});
            }
        }
        return tokens;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                || c == '@' || c == '$' || c == '*';
    }

    private static List<String> normalizedWords(String phrase) {
        List<String> words = new ArrayList<>();
        for (int[] token : tokens(phrase)) {
            words.add(normalize(phrase.substring(token[0], token[1])));
        }
        return words;
    }

    /** Lower case without accents, except ñ. */
    static String normalize(String word) {
        if (isAscii(word)) {
            return word.toLowerCase(Locale.ROOT);
        }
        String lower = Normalizer.normalize(word, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder plain = new StringBuilder(lower.length());
        for (int k = 0; k < lower.length(); k++) {
            char c = lower.charAt(k);
            if (c < 128 || c == 'ñ') {
                plain.append(c);
            } else {
                for (char d : Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).toCharArray()) {
                    if (Character.getType(d) != Character.NON_SPACING_MARK) {
                        plain.append(d);
                    }
                }
            }
        }
        return plain.toString();
    }

    private static boolean isAscii(String word) {
        for (int k = 0; k < word.length(); k++) {
            if (word.charAt(k) >= 128) {
                return false;
            }
        }
        return true;
    }

    private static List<String> read(Reader source) throws IOException {
        List<String> entries = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(source)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int comment = line.indexOf('#');
                String entry = (comment >= 0 ? line.substring(0, comment) : line).strip();
                if (!entry.isEmpty()) {
                    entries.add(entry);
                }
            }
        }
        return List.copyOf(entries);
    }
}
