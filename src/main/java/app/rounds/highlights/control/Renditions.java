package app.rounds.highlights.control;

import app.rounds.contributions.control.QuotableContributions.Quotable;
import app.rounds.contributions.control.QuotableContributions;
import app.rounds.contributions.entity.Origin;
import app.rounds.contributions.control.PollViews.PollView;
import app.rounds.contributions.control.PollViews.PollWithResults;
import app.rounds.contributions.control.PollViews.Results;
import app.rounds.contributions.control.Polls;
import app.rounds.contributions.control.PollsExport;
import app.rounds.contributions.entity.PollKind;
import app.rounds.contributions.entity.PollState;
import app.rounds.highlights.entity.Highlight;
import app.rounds.highlights.entity.HighlightPart;
import app.rounds.highlights.entity.PartKind;
import app.rounds.highlights.entity.QuoteMode;
import app.rounds.highlights.entity.QuotePermission;
import app.rounds.media.control.MediaLibrary.MediaView;
import app.rounds.media.control.MediaLibrary;
import app.rounds.media.entity.MediaKind;
import app.rounds.platform.control.Sha256;
import app.rounds.sessions.control.Participants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a highlight as the public will see it, from its working copy and the live state of what it quotes and
 * shows: a quote's words and who may be named come from the contribution and its author's choices, a picture's alt
 * text and consent from the media library. HTML is built as a jsoup tree, so every text is encoded by jsoup.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Renditions {

    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);
    /** A word cloud's most entered words in a published table: enough to tell, short enough to read. */
    private static final int MAX_POLL_ROWS = 20;

    @Inject
    QuotableContributions contributions;

    @Inject
    Participants participants;

    @Inject
    MediaLibrary media;

    @Inject
    Polls polls;

    /** Where the public (and, for a preview, staff) fetch a picture of a highlight: relative to the site root. */
    public static String mediaPath(String highlightId, String mediaId, String variant) {
        return "/api/public/highlights/" + highlightId + "/media/" + mediaId + (variant == null ? "" : "?variant=" + variant);
    }

    public Rendition of(Highlight highlight) {
        Document document = Document.createShell("");
        document.outputSettings(COMPACT);
        Element article = document.body().appendElement("article").addClass("highlight");
        article.appendElement("h1").text(highlight.title());
        List<Rendition.ScreenedField> texts = new ArrayList<>();
        texts.add(new Rendition.ScreenedField("title", highlight.title()));
        if (highlight.summary() != null) {
            article.appendElement("p").addClass("summary").text(highlight.summary());
            texts.add(new Rendition.ScreenedField("summary", highlight.summary()));
        }
        if (highlight.bodyHtml() != null) {
            article.appendElement("div").addClass("body").append(highlight.bodyHtml());
            texts.add(new Rendition.ScreenedField("body", BodyHtml.text(highlight.bodyHtml())));
        }
        List<Rendition.Part> parts = new ArrayList<>();
        List<String> blockers = new ArrayList<>();
        String imageMediaId = null;
        String imageAlt = null;
        List<HighlightPart> stored = highlight.parts();
        for (int i = 0; i < stored.size(); i++) {
            HighlightPart part = stored.get(i);
            Rendition.Part shown = switch (part.kind()) {
                case MEDIA -> picture(highlight, i, part, article, texts);
                case POLL -> poll(highlight, i, part, article, texts);
                case QUESTION, FEEDBACK -> quote(highlight, i, part, article, texts);
            };
            parts.add(shown);
            shown.problems().forEach(problem -> blockers.add("Part " + (shown.position() + 1) + ": " + problem));
            if (imageMediaId == null && "PHOTO".equals(shown.mediaKind()) && shown.problems().isEmpty()) {
                imageMediaId = shown.refId();
                imageAlt = shown.altText();
            }
        }
        String html = article.outerHtml();
        return new Rendition(highlight.title(), highlight.summary(), html, Sha256.hex(html), List.copyOf(parts),
                List.copyOf(texts), List.copyOf(blockers), imageMediaId, imageAlt);
    }

    private Rendition.Part picture(Highlight highlight, int position, HighlightPart part, Element article,
                                   List<Rendition.ScreenedField> texts) {
        MediaView item = media.find(highlight.sessionId(), part.refId()).orElse(null);
        if (item == null) {
            return new Rendition.Part(position, PartKind.MEDIA, part.refId(), null, null, null, null, null, null,
                    null, null, null, null, null, false, List.of(), null,
                    List.of("the photo or video is no longer in the session's library"));
        }
        List<String> problems = item.publishable() ? List.of()
                : item.unpublishableReasons().stream().map(r -> "it cannot be published: " + r).toList();
        Element figure = article.appendElement("figure").addClass(item.kind() == MediaKind.VIDEO ? "video" : "photo");
        if (item.kind() == MediaKind.VIDEO) {
            Element video = figure.appendElement("video").attr("controls", true).attr("preload", "metadata")
                    .attr("src", mediaPath(highlight.id(), item.id(), null));
            if (item.altText() != null) {
                video.attr("aria-label", item.altText());
            }
        } else {
            Element img = figure.appendElement("img").attr("src", mediaPath(highlight.id(), item.id(), "large"))
                    .attr("alt", item.altText() == null ? "" : item.altText()).attr("loading", "lazy")
                    .attr("decoding", "async");
            if (item.width() != null && item.height() != null) {
                img.attr("width", item.width().toString()).attr("height", item.height().toString());
            }
        }
        if (item.caption() != null) {
            figure.appendElement("figcaption").text(item.caption());
            texts.add(new Rendition.ScreenedField("parts[" + position + "].caption", item.caption()));
        }
        if (item.altText() != null) {
            texts.add(new Rendition.ScreenedField("parts[" + position + "].alt", item.altText()));
        }
        return new Rendition.Part(position, PartKind.MEDIA, item.id(), null, null, null, null, null, null, null,
                null, item.kind().name(), item.altText(), item.caption(), item.publishable(), item.consents(),
                mediaPath(highlight.id(), item.id(), "small"), problems);
    }

    /**
     * A closed poll's results as a table (its own caption, the count and share of each option, rating or word): what
     * the public may see of a poll, and no more. Open text is trainees' own words and is not published whole.
     */
    private Rendition.Part poll(Highlight highlight, int position, HighlightPart part, Element article,
                                List<Rendition.ScreenedField> texts) {
        PollWithResults found = polls.forHighlight(highlight.sessionId(), part.refId()).orElse(null);
        if (found == null) {
            return new Rendition.Part(position, PartKind.POLL, part.refId(), null, null, null, null, null, null,
                    null, null, null, null, null, false, List.of(), null, List.of("the poll is no longer in the session"));
        }
        PollView poll = found.poll();
        Results results = found.results();
        List<String> problems = new ArrayList<>();
        if (poll.state() != PollState.CLOSED) {
            problems.add("the poll is " + (poll.state() == PollState.OPEN ? "still open" : "not run yet")
                    + ": only a closed poll's results can be published");
        }
        if (poll.kind() == PollKind.OPEN_TEXT) {
            problems.add("an open question's answers are the trainees' own words: they are not published as a whole");
        }
        List<String[]> rows = PollsExport.rows(found).stream().filter(row -> row.count() != null)
                .limit(MAX_POLL_ROWS)
                .map(row -> new String[]{row.answer() + (Boolean.TRUE.equals(row.correct()) ? " (correct)" : ""),
                        String.valueOf(row.count()), row.percent() == null ? "" : percent(row.percent())})
                .toList();
        Element table = article.appendElement("figure").addClass("poll").appendElement("table");
        String caption = poll.title() + " (" + results.answered() + (results.answered() == 1 ? " answer" : " answers")
                + (results.rating() == null ? "" : ", average " + results.rating().mean() + " out of "
                + results.rating().distribution().length) + ")";
        table.appendElement("caption").text(caption);
        Element head = table.appendElement("thead").appendElement("tr");
        for (String column : List.of("Answer", "Count", "Share")) {
            head.appendElement("th").attr("scope", "col").text(column);
        }
        Element body = table.appendElement("tbody");
        for (String[] row : rows) {
            Element tr = body.appendElement("tr");
            tr.appendElement("th").attr("scope", "row").text(row[0]);
            tr.appendElement("td").text(row[1]);
            tr.appendElement("td").text(row[2]);
        }
        texts.add(new Rendition.ScreenedField("parts[" + position + "].poll", caption + "\n"
                + String.join("\n", rows.stream().map(row -> row[0]).toList())));
        return new Rendition.Part(position, PartKind.POLL, poll.id(), poll.title(), null, null, null, null, null,
                null, null, null, null, caption, problems.isEmpty(), List.of(), null, List.copyOf(problems));
    }

    private static String percent(double share) {
        return (share == Math.rint(share) ? String.valueOf((long) share) : String.valueOf(share)) + " %";
    }

    private Rendition.Part quote(Highlight highlight, int position, HighlightPart part, Element article,
                                 List<Rendition.ScreenedField> texts) {
        String noun = part.kind() == PartKind.QUESTION ? "question" : "feedback";
        Quotable source = (part.kind() == PartKind.QUESTION
                ? contributions.question(highlight.sessionId(), part.refId())
                : contributions.feedback(highlight.sessionId(), part.refId())).orElse(null);
        if (source == null) {
            return new Rendition.Part(position, part.kind(), part.refId(), null, null, null, null, part.quoteMode(),
                    part.permission(), part.permissionEvidence(), null, null, null, null, null, List.of(), null,
                    List.of("the " + noun + " is gone"));
        }
        List<String> problems = new ArrayList<>();
        if (!source.showable()) {
            problems.add(part.kind() == PartKind.QUESTION
                    ? "the question is not approved by the session's moderators"
                    : "the feedback has no comment that screening found clean");
        }
        boolean fromWeb = source.origin() == Origin.WEB;
        String shown;
        String attribution;
        if (part.quoteMode() == QuoteMode.PARAPHRASE) {
            shown = part.paraphrase();
            attribution = "Paraphrased from " + (fromWeb ? "a trainee's " + noun : "a post on " + network(source.origin()));
            if (shown == null) {
                problems.add("write the paraphrase");
            } else if (normalized(shown).equals(normalized(source.text()))) {
                problems.add("a paraphrase must reword the original, or quote it with permission");
            }
        } else {
            shown = source.text();
            if (fromWeb) {
                attribution = participants.quotableName(source.participantId()).map(name -> name + ", trainee")
                        .orElse("A trainee");
            } else {
                attribution = (source.authorHandle() == null ? "A post" : source.authorHandle()) + " on "
                        + network(source.origin());
                if (part.permission() != QuotePermission.GRANTED) {
                    problems.add("quoting " + (source.authorHandle() == null ? "this post" : source.authorHandle())
                            + " verbatim needs their permission on record (granted, with evidence); "
                            + "or paraphrase it without attribution");
                }
            }
        }
        Element quote = article.appendElement(part.quoteMode() == QuoteMode.PARAPHRASE ? "aside" : "blockquote")
                .addClass(part.quoteMode() == QuoteMode.PARAPHRASE ? "quote paraphrase" : "quote");
        quote.appendElement("p").text(shown == null ? "" : shown);
        Element footer = quote.appendElement("footer");
        if (!fromWeb && part.quoteMode() == QuoteMode.VERBATIM && webAddress(source.originalUrl())
                && part.permission() == QuotePermission.GRANTED) {
            footer.appendText("— ").appendElement("a").attr("href", source.originalUrl())
                    .attr("rel", "nofollow noopener noreferrer").text(attribution);
        } else {
            footer.text((part.quoteMode() == QuoteMode.PARAPHRASE ? "" : "— ") + attribution);
        }
        if (source.rating() != null) {
            footer.appendText(" · rated the session " + source.rating() + " out of 5");
        }
        if (shown != null) {
            texts.add(new Rendition.ScreenedField("parts[" + position + "].text", shown));
        }
        return new Rendition.Part(position, part.kind(), part.refId(), shown, source.text(), attribution,
                source.origin(), part.quoteMode(), part.permission(), part.permissionEvidence(),
                source.originalUrl(), null, null, null, null, List.of(), null, List.copyOf(problems));
    }

    /** Only http(s) links are made: a post's URL comes from another server. */
    private static boolean webAddress(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://"));
    }

    private static String network(Origin origin) {
        return switch (origin) {
            case MASTODON -> "Mastodon";
            case BLUESKY -> "Bluesky";
            case WEBHOOK -> "a relayed network";
            case FEED -> "a feed";
            case WEB -> "the session page";
        };
    }

    private static String normalized(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

}
