package app.rounds.contributions.control;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.de.GermanMinimalStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.es.SpanishMinimalStemFilter;
import org.apache.lucene.analysis.fr.FrenchMinimalStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.tartarus.snowball.ext.DutchStemmer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds word-cloud entries so that the same word counts once however it is typed: case, accents, plurals and the
 * language's stop words ("The nurses", "nurse" and "Nurse!" are one word; "the" alone is none). Lucene's analysers do
 * the work: the Snowball project's stop lists, Lucene's minimal (plural-only) stemmers for English, German, French
 * and Spanish, and Snowball's Dutch stemmer (Lucene has no minimal one for Dutch).
 */
public final class WordCloudWords {

    public static final Set<String> LANGUAGES = Set.of("en", "de", "fr", "es", "nl");
    /** The longest folded form kept: longer entries are cut there (the column holds 100). */
    static final int MAX_FOLDED = 100;
    /** French and similar elisions: "l'hôpital" is "hôpital". */
    private static final CharArraySet ELIDED = new CharArraySet(List.of("l", "m", "t", "qu", "n", "s", "j", "d", "c",
            "jusqu", "quoiqu", "lorsqu", "puisqu"), true);

    private static final Map<String, Analyzer> ANALYZERS = Map.of(
            "en", analyzer("english_stop.txt", EnglishMinimalStemFilter::new),
            "de", analyzer("german_stop.txt", s -> new GermanMinimalStemFilter(new GermanNormalizationFilter(s))),
            "fr", analyzer("french_stop.txt", FrenchMinimalStemFilter::new),
            "es", analyzer("spanish_stop.txt", SpanishMinimalStemFilter::new),
            "nl", analyzer("dutch_stop.txt", s -> new SnowballFilter(s, new DutchStemmer())));

    private WordCloudWords() {
    }

    /**
     * The form under which {@code entry} is counted in a cloud of this language (one of {@link #LANGUAGES}), or null
     * when nothing but stop words and punctuation is left.
     */
    public static String folded(String entry, String language) {
        Analyzer analyzer = ANALYZERS.get(language);
        if (analyzer == null) {
            throw new IllegalArgumentException("no word cloud language " + language);
        }
        List<String> words = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream("entry", entry)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        if (words.isEmpty()) {
            return null;
        }
        String folded = String.join(" ", words);
        return folded.length() <= MAX_FOLDED ? folded : folded.substring(0, MAX_FOLDED).strip();
    }

    private interface Stemming {
        TokenStream after(TokenStream stream);
    }

    private static Analyzer analyzer(String stopList, Stemming stemming) {
        CharArraySet stopWords = snowballStopWords(stopList);
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new ElisionFilter(new LowerCaseFilter(source), ELIDED);
                // stop words before folding accents: the lists spell them with theirs ("für", "été")
                stream = new StopFilter(stream, stopWords);
                return new TokenStreamComponents(source, new ASCIIFoldingFilter(stemming.after(stream)));
            }
        };
    }

    private static CharArraySet snowballStopWords(String resource) {
        try (InputStream in = SnowballFilter.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Lucene's stop list " + resource + " is missing");
            }
            return CharArraySet.unmodifiableSet(WordlistLoader.getSnowballWordSet(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
