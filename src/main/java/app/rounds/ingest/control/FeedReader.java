package app.rounds.ingest.control;

import app.rounds.ingest.entity.IngestSource;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * Polls an RSS or Atom feed (any flavour, parsed by ROME, doctypes refused) with conditional GET: the ETag and
 * Last-Modified of the last answer go back as If-None-Match and If-Modified-Since, so an unchanged feed costs a 304.
 * An entry counts when it carries the session's hashtag in its text or as a category; its id (Atom) or guid (RSS) is
 * its identity, so an entry seen again changes nothing and an edited one goes back to moderation.
 */
@ApplicationScoped
public class FeedReader {

    /** Feeds bigger than this are refused rather than held. */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    @Inject
    SourceHttp http;

    public SourcePage fetch(IngestSource source, String hashtag) throws IOException, InterruptedException {
        HttpRequest.Builder request = http.request(URI.create(source.baseUrl()))
                .header("Accept", "application/atom+xml, application/rss+xml, application/xml;q=0.9, */*;q=0.5");
        if (source.etag() != null) {
            request.header("If-None-Match", source.etag());
        }
        if (source.lastModified() != null) {
            request.header("If-Modified-Since", source.lastModified());
        }
        HttpResponse<byte[]> response = http.sendForBytes(request.GET().build());
        if (response.statusCode() == 304) {
            return new SourcePage(List.of(), List.of(), null, false, null);
        }
        if (response.statusCode() == 429) {
            throw new RateLimited("rate limited (429)", null);
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + URI.create(source.baseUrl()).getHost());
        }
        if (response.body().length > MAX_BYTES) {
            throw new IOException("the feed is larger than " + MAX_BYTES / 1024 / 1024 + " MB");
        }
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(new XmlReader(new ByteArrayInputStream(response.body())));
        } catch (FeedException | IllegalArgumentException e) {
            throw new IOException("not an RSS or Atom feed: " + e.getMessage(), e);
        }
        List<SocialPost> posts = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            post(entry, hashtag).ifPresent(posts::add);
        }
        return new SourcePage(posts, List.of(), null, false, null,
                response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null));
    }

    static java.util.Optional<SocialPost> post(SyndEntry entry, String hashtag) {
        String html = entry.getContents().stream().map(SyndContent::getValue).filter(v -> v != null && !v.isBlank())
                .findFirst().orElse(entry.getDescription() == null ? null : entry.getDescription().getValue());
        String title = entry.getTitle() == null ? "" : PostText.of(entry.getTitle());
        String body = PostText.of(html);
        String text = body.isEmpty() ? title : body;
        String tag = (hashtag.startsWith("#") ? hashtag.substring(1) : hashtag).toLowerCase(Locale.ROOT);
        boolean categorised = entry.getCategories().stream().map(SyndCategory::getName)
                .anyMatch(name -> name != null && name.strip().replaceFirst("^#", "").toLowerCase(Locale.ROOT).equals(tag));
        if (text.isEmpty() || !(categorised || PostClassifier.carries(text + " " + title, hashtag))) {
            return java.util.Optional.empty();
        }
        String identity = entry.getUri() != null && !entry.getUri().isBlank() ? entry.getUri() : entry.getLink();
        if (identity == null) {
            return java.util.Optional.empty();
        }
        String link = entry.getLink() != null && entry.getLink().matches("(?i)^https?://.*") ? entry.getLink() : null;
        Date when = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return java.util.Optional.of(new SocialPost(identity, link, entry.getAuthor() == null
                || entry.getAuthor().isBlank() ? null : entry.getAuthor().strip(), text,
                when == null ? null : Instant.ofEpochMilli(when.getTime())));
    }
}
