package app.rounds;

import app.rounds.ingest.control.WebhookSignatures;
import app.rounds.testing.ApiClient;
import app.rounds.testing.PayaraProcess;
import app.rounds.testing.Reply;
import app.rounds.testing.RunningRounds;
import app.rounds.testing.Staff;
import app.rounds.testing.TestPhotos;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static app.rounds.testing.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Highlights end to end over HTTP against the deployed app: curated from a session's approved questions, feedback and
 * consented photos, screened, reviewed by someone else, published to a page, the index, Atom and JSON Feed, oEmbed;
 * taken down by a consent withdrawal; every decision in a hash chain that a row changed behind the app's back breaks.
 */
@ExtendWith(RunningRounds.class)
@ResourceLock(value = RunningRounds.MEDIA_FOLDER, mode = ResourceAccessMode.READ)
class HighlightsIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @RunningRounds.Base
    URL base;

    Staff staff;
    /** Curates (and, to show that authors cannot approve their own work, also holds the reviewer role). */
    Staff.Member author;
    ApiClient curator;
    ApiClient reviewer;
    ApiClient anonymous;
    ApiClient trainee;
    String sessionId;
    String questionId;
    String photoId;
    String consentId;

    @BeforeEach
    void sessionWithMaterial() throws Exception {
        anonymous = ApiClient.anonymous(base).from(Staff.uniqueAddress());
        staff = new Staff(anonymous);
        author = staff.create("communicator", "presenter", "reviewer");
        curator = author.client();
        reviewer = staff.create("reviewer").client();
        JsonObject session = curator.post("api/sessions", json("{'title':'Central line care " + Staff.uniqueSuffix()
                + "','hashtag':'#CLC" + Staff.uniqueSuffix() + "'}")).json();
        sessionId = session.getString("id");

        Reply joined = anonymous.post("api/participants", Json.createObjectBuilder()
                .add("code", session.getString("joinCode")).add("displayName", "Dana")
                .add("quoteByName", true).build().toString());
        assertEquals(201, joined.status(), joined.body());
        trainee = anonymous.withHeader("Rounds-Participant", joined.json().getString("token"));
        questionId = trainee.post("api/participants/me/questions",
                json("{'text':'How often should the dressing be changed?'}")).json().getString("id");
        assertEquals(200, curator.put("api/sessions/" + sessionId + "/questions/" + questionId + "/status",
                json("{'status':'APPROVED'}")).status());
        Reply feedback = trainee.post("api/participants/me/feedback",
                json("{'rating':5,'comment':'The hands-on practice made the steps stick.'}"));
        assertTrue(feedback.status() < 300, feedback.body());

        JsonObject photo = upload(TestPhotos.withExif(320, 240));
        photoId = photo.getString("id");
        assertEquals(200, curator.put(media(photoId), json("{'caption':'Practising on the manikin',"
                + "'altText':'Two nurses in gowns practise a dressing change on a training manikin'}")).status());
        Reply consent = curator.post(media(photoId) + "/consents", json("{'person':'R. Osei','relation':'STAFF',"
                + "'scope':'PUBLIC','status':'GRANTED','evidenceNote':'form 2026-118'}"));
        assertEquals(201, consent.status(), consent.body());
        consentId = consent.json().getJsonArray("consents").getJsonObject(0).getString("id");
        assertTrue(consent.json().getBoolean("publishable"), consent.body());
    }

    @Test
    void aHighlightGoesFromCurationThroughReviewToAPublicPageFeedsAndEmbeds() throws Exception {
        JsonObject suggestions = curator.get("api/sessions/" + sessionId + "/highlights/suggestions").json();
        assertEquals(questionId, suggestions.getJsonArray("questions").getJsonObject(0).getString("id"));
        String feedbackId = suggestions.getJsonArray("comments").getJsonObject(0).getString("id");
        assertEquals(photoId, suggestions.getJsonArray("media").getJsonObject(0).getString("id"));

        String id = create("Dressing changes, done right");
        JsonObject draft = edit(id, "Dressing changes, done right", "Twelve nurses practised central line care.",
                "<p>Hands-on <strong>practice</strong><script>alert(1)</script><img src=x onerror=alert(2)></p>",
                true, Json.createArrayBuilder()
                        .add(part("QUESTION", questionId)).add(part("FEEDBACK", feedbackId)).add(part("MEDIA", photoId)));
        assertEquals("<p>Hands-on <strong>practice</strong></p>", draft.getString("bodyHtml"), "sanitised");
        JsonObject rendition = draft.getJsonObject("rendition");
        assertEquals(List.of(), rendition.getJsonArray("blockers").getValuesAs(JsonValue::toString));
        assertTrue(rendition.getString("html").contains("Dana, trainee"), "named: she chose a name and agreed");

        Reply submitted = curator.post("api/highlights/" + id + "/submission", "{}");
        assertEquals(200, submitted.status(), submitted.body());
        assertEquals("IN_REVIEW", submitted.json().getString("status"));

        JsonObject waiting = reviewer.get("api/reviews").array().stream().map(JsonValue::asJsonObject)
                .filter(w -> w.getString("id").equals(id)).findFirst().orElseThrow();
        assertEquals(1, waiting.getInt("pictures"));
        assertEquals(2, waiting.getInt("quotes"));
        JsonObject packet = reviewer.get("api/reviews/" + id).json();
        String hash = packet.getJsonObject("rendition").getString("hash");
        JsonObject picture = packet.getJsonObject("rendition").getJsonArray("parts").getJsonObject(2);
        assertEquals("GRANTED", picture.getJsonArray("consents").getJsonObject(0).getString("status"),
                "the reviewer sees each picture's consent");

        Reply ownApproval = curator.post("api/reviews/" + id + "/decision", decision("APPROVE", null, hash));
        assertEquals(403, ownApproval.status(), "authors cannot approve their own work: " + ownApproval.body());
        Reply stale = reviewer.post("api/reviews/" + id + "/decision", decision("APPROVE", null, "0".repeat(64)));
        assertEquals(409, stale.status(), "an approval is bound to the rendition the reviewer saw");
        assertEquals(404, anonymous.get("highlights/" + id).status(), "nothing public before approval");

        Reply approved = reviewer.post("api/reviews/" + id + "/decision", decision("APPROVE", "Fine to go", hash));
        assertEquals(200, approved.status(), approved.body());
        assertEquals("PUBLISHED", approved.json().getString("status"), "published on approval, as the author asked");

        Reply page = anonymous.get("highlights/" + id);
        assertEquals(200, page.status(), page.body());
        assertTrue(page.contentType().startsWith("text/html"));
        Document html = Jsoup.parse(page.body(), base.toString());
        assertEquals("Dressing changes, done right", html.selectFirst("meta[property=og:title]").attr("content"));
        assertEquals("summary_large_image", html.selectFirst("meta[name=twitter:card]").attr("content"));
        String image = html.selectFirst("meta[property=og:image]").attr("content");
        assertEquals("Two nurses in gowns practise a dressing change on a training manikin",
                html.selectFirst("meta[property=og:image:alt]").attr("content"));
        assertEquals("How often should the dressing be changed?", html.selectFirst("blockquote.quote p").text());
        assertEquals(0, html.select("script:not([src])").size(), "no inline script");
        for (Element linked : html.select("[src], link[href]")) {
            String url = linked.hasAttr("src") ? linked.absUrl("src") : linked.absUrl("href");
            assertTrue(url.startsWith(base.toString().replaceAll("/$", "")), "no third-party request: " + url);
        }
        HttpResponse<byte[]> picturePublic = HTTP.send(HttpRequest.newBuilder(URI.create(image)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, picturePublic.statusCode());
        assertEquals("image/jpeg", picturePublic.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(404, anonymous.get("api/public/highlights/" + id + "/media/" + UUID.randomUUID()).status(),
                "only the pictures a publication shows are public");
        String etag = page.header("ETag");
        assertEquals(304, send(HttpRequest.newBuilder(URI.create(base + "highlights/" + id))
                .header("If-None-Match", etag)).statusCode(), "cacheable: an unchanged page is a 304");

        assertTrue(anonymous.get("highlights/").body().contains("/highlights/" + id), "listed in the index");

        SyndFeed atom = new SyndFeedInput().build(new StringReader(anonymous.get("highlights/feed.atom").body()));
        assertEquals("atom_1.0", atom.getFeedType());
        SyndEntry entry = atom.getEntries().stream().filter(e -> e.getUri().equals("urn:uuid:" + id)).findFirst()
                .orElseThrow();
        assertEquals("Dressing changes, done right", entry.getTitle());
        assertEquals(base + "highlights/" + id, entry.getLink());
        assertTrue(entry.getContents().getFirst().getValue().contains(base + "api/public/highlights/" + id),
                "absolute picture URLs in the feed");
        Reply jsonFeed = anonymous.get("highlights/feed.json");
        assertTrue(jsonFeed.contentType().startsWith("application/feed+json"));
        JsonObject feed = jsonFeed.json();
        assertEquals("https://jsonfeed.org/version/1.1", feed.getString("version"));
        JsonObject item = feed.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(i -> i.getString("id").equals("urn:uuid:" + id)).findFirst().orElseThrow();
        assertEquals(entry.getLink(), item.getString("url"));
        assertTrue(item.getString("content_html").contains("Dana, trainee"));

        Reply oembed = anonymous.get("api/public/oembed?format=json&url="
                + URLEncoder.encode(base + "highlights/" + id, StandardCharsets.UTF_8));
        assertEquals(200, oembed.status(), oembed.body());
        assertEquals("rich", oembed.json().getString("type"));
        assertTrue(oembed.json().getString("html").contains("src=\"" + base + "highlights/" + id + "/embed\""));
        assertEquals(501, anonymous.get("api/public/oembed?format=xml&url=" + base + "highlights/" + id).status());
        Reply embed = anonymous.get("highlights/" + id + "/embed");
        assertEquals(200, embed.status());
        assertTrue(embed.header("Content-Security-Policy").contains("frame-ancestors *"), "embeddable");
        assertTrue(anonymous.get("highlights/" + id).header("Content-Security-Policy")
                .contains("frame-ancestors 'none'"), "the page itself is not");

        JsonObject stats = reviewer.get("api/reviews/stats").json();
        assertTrue(stats.getJsonObject("overall").getInt("decisions") >= 1, stats.toString());
        assertEquals(List.of("highlight.created", "highlight.submitted", "highlight.approved", "highlight.published"),
                audit("highlight", id), "every decision on record, in order");
    }

    @Test
    void reviewersSeeWhatWasSubmittedNotADraftThatNeverWas() {
        String id = create("Draft with notes");
        edit(id, "Draft with notes", "Not ready.", "<p>Notes for myself</p>", false,
                Json.createArrayBuilder().add(part("MEDIA", photoId)));
        assertEquals(404, reviewer.get("api/reviews/" + id).status(), "a draft never submitted is the curators'");
        int picture = reviewer.get("api/public/highlights/" + id + "/media/" + photoId).status();
        assertTrue(picture == 403 || picture == 404, "nor its pictures: " + picture);

        assertEquals(200, curator.post("api/highlights/" + id + "/submission", "{}").status());
        assertEquals(200, reviewer.get("api/reviews/" + id).status(), "submitted: now it is the reviewers' too");
        assertEquals(200, reviewer.get("api/public/highlights/" + id + "/media/" + photoId).status());
    }

    @Test
    void anEditAfterApprovalReturnsTheHighlightToReviewAndAnUnpublishedPageIsGone() {
        String id = create("Flushing the line");
        edit(id, "Flushing the line", null, null, false, Json.createArrayBuilder().add(part("MEDIA", photoId)));
        curator.post("api/highlights/" + id + "/submission", "{}");
        String hash = reviewer.get("api/reviews/" + id).json().getJsonObject("rendition").getString("hash");
        assertEquals("APPROVED", reviewer.post("api/reviews/" + id + "/decision", decision("APPROVE", null, hash))
                .json().getString("status"), "approved, waiting for its author to publish");

        Staff.Member editor = staff.create("admin", "reviewer");
        Reply edit = editor.client().put("api/highlights/" + id, Json.createObjectBuilder()
                .add("title", "Flushing the line, step by step").add("publishOnApproval", false)
                .add("parts", Json.createArrayBuilder().add(part("MEDIA", photoId))).build().toString());
        assertEquals(200, edit.status(), edit.body());
        JsonObject edited = edit.json();
        assertEquals("IN_REVIEW", edited.getString("status"), "an edit after approval returns it to review");
        assertNotEquals(hash, edited.getJsonObject("rendition").getString("hash"));
        String editedHash = edited.getJsonObject("rendition").getString("hash");
        assertEquals(403, editor.client().post("api/reviews/" + id + "/decision",
                decision("APPROVE", null, editedHash)).status(), "nobody approves their own edit");
        Reply refused = curator.post("api/highlights/" + id + "/publication", "");
        assertEquals(409, refused.status(), refused.body());
        assertEquals(404, anonymous.get("highlights/" + id).status());

        String newHash = reviewer.get("api/reviews/" + id).json().getJsonObject("rendition").getString("hash");
        reviewer.post("api/reviews/" + id + "/decision", decision("APPROVE", null, newHash));
        Reply published = curator.post("api/highlights/" + id + "/publication", "");
        assertEquals(200, published.status(), published.body());
        assertTrue(anonymous.get("highlights/" + id).body().contains("Flushing the line, step by step"));

        Reply unpublished = curator.delete("api/highlights/" + id + "/publication?reason=Out+of+date");
        assertEquals(200, unpublished.status(), unpublished.body());
        assertEquals(410, anonymous.get("highlights/" + id).status(), "an unpublished page is gone");
        assertFalse(anonymous.get("highlights/feed.json").body().contains(id));
    }

    @Test
    void withdrawnConsentTakesAPublishedHighlightDownAtOnce() {
        String id = publishedWithPhoto("Aseptic technique");
        String image = Jsoup.parse(anonymous.get("highlights/" + id).body())
                .selectFirst("meta[property=og:image]").attr("content");
        assertEquals(200, anonymous.get(image.substring(base.toString().length())).status());

        Reply withdrawn = curator.put(media(photoId) + "/consents/" + consentId, json("{'status':'WITHDRAWN'}"));
        assertEquals(200, withdrawn.status(), withdrawn.body());

        assertEquals(410, anonymous.get("highlights/" + id).status());
        assertEquals(404, anonymous.get(image.substring(base.toString().length())).status(),
                "the picture's public URL stops working");
        assertFalse(anonymous.get("highlights/").body().contains(id), "gone from the index");
        assertFalse(anonymous.get("highlights/feed.atom").body().contains(id), "gone from the Atom feed");
        assertFalse(anonymous.get("highlights/feed.json").body().contains(id), "gone from the JSON Feed");
        JsonObject highlight = curator.get("api/highlights/" + id).json();
        assertEquals("DRAFT", highlight.getString("status"), "back to its author");
        assertEquals(0, highlight.getJsonArray("parts").size(), "the picture left the highlight");
        assertTrue(audit("highlight", id).contains("highlight.taken-down"));
        assertTrue(audit("consent", consentId).contains("consent.withdrawn"));
    }

    @Test
    void aQuoteHiddenByAModeratorTakesThePublicationQuotingItDown() {
        String id = create("Dressing questions");
        edit(id, "Dressing questions", null, null, true, Json.createArrayBuilder().add(part("QUESTION", questionId)));
        assertEquals(200, curator.post("api/highlights/" + id + "/submission", "{}").status());
        String hash = reviewer.get("api/reviews/" + id).json().getJsonObject("rendition").getString("hash");
        reviewer.post("api/reviews/" + id + "/decision", decision("APPROVE", null, hash));
        assertEquals(200, anonymous.get("highlights/" + id).status());

        assertEquals(200, curator.put("api/sessions/" + sessionId + "/questions/" + questionId + "/status",
                json("{'status':'HIDDEN'}")).status());
        assertEquals(410, anonymous.get("highlights/" + id).status(), "a hidden question is not quoted in public");
        JsonObject highlight = curator.get("api/highlights/" + id).json();
        assertEquals("DRAFT", highlight.getString("status"));
        assertTrue(highlight.getJsonObject("rendition").getJsonArray("blockers").getString(0).contains("not approved"));
        assertTrue(audit("highlight", id).contains("highlight.taken-down"));
    }

    @Test
    void aTraineeWhoTakesBackTheirNameTakesDownWhatQuotedThem() {
        String id = create("In their words");
        edit(id, "In their words", null, null, true, Json.createArrayBuilder().add(part("QUESTION", questionId)));
        curator.post("api/highlights/" + id + "/submission", "{}");
        String hash = reviewer.get("api/reviews/" + id).json().getJsonObject("rendition").getString("hash");
        reviewer.post("api/reviews/" + id + "/decision", decision("APPROVE", null, hash));
        assertTrue(anonymous.get("highlights/" + id).body().contains("Dana, trainee"));

        Reply changed = trainee.put("api/participants/me/quoting", json("{'quoteByName':false}"));
        assertEquals(200, changed.status(), changed.body());
        assertFalse(changed.json().getBoolean("quoteByName"));
        assertFalse(trainee.get("api/participants/me").json().getBoolean("quoteByName"),
                "every later request knows it too (Participants remembers trainees and forgets them on a change)");
        assertEquals(410, anonymous.get("highlights/" + id).status(), "no longer named anywhere public");
        String html = curator.get("api/highlights/" + id).json().getJsonObject("rendition").getString("html");
        assertTrue(html.contains("A trainee") && !html.contains("Dana"), "the draft no longer names her: " + html);
    }

    @Test
    void screeningFindingsBlockSubmissionUntilFixedOrJustified() {
        String id = create("Line care audit");
        edit(id, "Line care audit", "Questions? Call the vascular team on 555-867-5309.", null, true,
                Json.createArrayBuilder());
        JsonArray findings = curator.post("api/highlights/" + id + "/screening", "").array();
        assertEquals(1, findings.size(), findings.toString());
        JsonObject finding = findings.getJsonObject(0);
        assertEquals("summary", finding.getString("field"));
        assertEquals("PHONE_OR_FAX", finding.getString("reason"));

        Reply blocked = curator.post("api/highlights/" + id + "/submission", "{}");
        assertEquals(422, blocked.status(), blocked.body());
        assertEquals("screening-findings", blocked.problemType());
        assertEquals(List.of("summary"), blocked.problemFields());
        assertEquals("DRAFT", curator.get("api/highlights/" + id).json().getString("status"), "nothing changed");

        Reply justified = curator.post("api/highlights/" + id + "/submission", Json.createObjectBuilder()
                .add("justifications", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("field", "summary").add("excerpt", finding.getString("excerpt"))
                        .add("reason", "PHONE_OR_FAX")
                        .add("justification", "The hospital's public switchboard number, not a person's"))).build()
                .toString());
        assertEquals(200, justified.status(), justified.body());
        JsonObject seen = reviewer.get("api/reviews/" + id).json().getJsonArray("findings").getJsonObject(0);
        assertEquals("The hospital's public switchboard number, not a person's", seen.getString("justification"),
                "the reviewer sees the author's reason beside the finding");
        Reply rejectedWithoutReason = reviewer.post("api/reviews/" + id + "/decision",
                decision("REJECT", null, reviewer.get("api/reviews/" + id).json().getJsonObject("rendition")
                        .getString("hash")));
        assertEquals(400, rejectedWithoutReason.status(), "a rejection says what has to change");

        String advice = create("Ask the nurse");
        edit(advice, "Ask the nurse", "From our Q&A: your mum should stop her amlodipine if her ankles swell, "
                + "no need for the GP.", null, true, Json.createArrayBuilder());
        JsonObject adviceFinding = curator.post("api/highlights/" + advice + "/screening", "").array()
                .getJsonObject(0);
        assertEquals("MEDICAL_ADVICE", adviceFinding.getString("reason"), "advice to the public, in a highlight too");
        assertTrue(adviceFinding.getString("why").contains("doctor"), adviceFinding.toString());
    }

    @Test
    void aPostFromANetworkIsQuotedVerbatimOnlyWithItsAuthorsPermission() throws Exception {
        String postId = relayedQuestion("Does chlorhexidine need to dry fully before the dressing goes on?");
        String id = create("From the feed");
        JsonObject verbatim = edit(id, "From the feed", null, null, true, Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("kind", "QUESTION").add("refId", postId)
                        .add("quoteMode", "VERBATIM").add("permission", "PENDING")));
        String blocker = verbatim.getJsonObject("rendition").getJsonArray("blockers").getString(0);
        assertTrue(blocker.contains("needs their permission"), blocker);
        assertEquals(422, curator.post("api/highlights/" + id + "/submission", "{}").status());

        JsonObject copied = edit(id, "From the feed", null, null, true, Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("kind", "QUESTION").add("refId", postId)
                        .add("quoteMode", "PARAPHRASE")
                        .add("paraphrase", "Does chlorhexidine need to dry fully before the dressing goes on?")));
        assertTrue(copied.getJsonObject("rendition").getJsonArray("blockers").getString(0).contains("reword"),
                "a paraphrase that copies the post is no paraphrase");

        JsonObject paraphrased = edit(id, "From the feed", null, null, true, Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("kind", "QUESTION").add("refId", postId)
                        .add("quoteMode", "PARAPHRASE")
                        .add("paraphrase", "Someone asked how long the skin antiseptic should dry.")));
        String html = paraphrased.getJsonObject("rendition").getString("html");
        assertEquals(0, paraphrased.getJsonObject("rendition").getJsonArray("blockers").size());
        assertFalse(html.contains("nurse.kim"), "a paraphrase is never attributed: " + html);

        JsonObject permitted = edit(id, "From the feed", null, null, true, Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("kind", "QUESTION").add("refId", postId)
                        .add("quoteMode", "VERBATIM").add("permission", "GRANTED")
                        .add("permissionEvidence", "https://relay.example/reply/42")));
        assertEquals(0, permitted.getJsonObject("rendition").getJsonArray("blockers").size());
        assertTrue(permitted.getJsonObject("rendition").getString("html").contains("@nurse.kim"));
    }

    @Test
    void everyDecisionIsChainedAndARowChangedBehindTheAppsBackBreaksTheChainThere() throws Exception {
        ApiClient admin = staff.admin();
        Staff.Member changed = staff.create("presenter");
        assertEquals(200, admin.put("api/users/" + changed.username(), json("{'displayName':'Changed',"
                + "'roles':['presenter','communicator'],'enabled':true}")).status());
        assertTrue(audit("staff-user", changed.username()).contains("staff-user.roles-changed"));
        assertTrue(audit("question", questionId).contains("question.moderated"));

        JsonObject intact = admin.get("api/audit/verification").json();
        assertTrue(intact.getBoolean("intact"), intact.toString());
        Reply export = admin.get("api/audit/export");
        assertEquals(200, export.status());
        long exported = export.body().lines().count();
        assertTrue(exported >= intact.getJsonNumber("entriesChecked").longValue(), "the whole log exports");

        long seq = admin.get("api/audit?limit=5").array().getJsonObject(2).getJsonNumber("seq").longValue();
        try (Connection db = PayaraProcess.itDatabaseConnection()) {
            String actor;
            try (PreparedStatement read = db.prepareStatement("SELECT actor FROM audit_entry WHERE seq = ?")) {
                read.setLong(1, seq);
                try (ResultSet row = read.executeQuery()) {
                    assertTrue(row.next());
                    actor = row.getString(1);
                }
            }
            try {
                update(db, "UPDATE audit_entry SET actor = 'someone-else' WHERE seq = " + seq);
                JsonObject broken = admin.get("api/audit/verification").json();
                assertFalse(broken.getBoolean("intact"));
                assertEquals(seq, broken.getJsonNumber("firstBrokenSeq").longValue(), broken.toString());
                assertTrue(broken.getString("problem").contains("does not match its hash"), broken.toString());
            } finally {
                try (PreparedStatement restore = db.prepareStatement("UPDATE audit_entry SET actor = ? WHERE seq = ?")) {
                    restore.setString(1, actor);
                    restore.setLong(2, seq);
                    restore.executeUpdate();
                }
            }
        }
        assertTrue(admin.get("api/audit/verification").json().getBoolean("intact"), "restored, intact again");
        assertEquals(403, staff.create("presenter").client().get("api/audit/verification").status(),
                "the audit trail is for admins and reviewers");
    }

    // --- helpers

    String publishedWithPhoto(String title) {
        String id = create(title);
        edit(id, title, null, null, true, Json.createArrayBuilder().add(part("MEDIA", photoId)));
        Reply submitted = curator.post("api/highlights/" + id + "/submission", "{}");
        assertEquals(200, submitted.status(), submitted.body());
        String hash = reviewer.get("api/reviews/" + id).json().getJsonObject("rendition").getString("hash");
        assertEquals("PUBLISHED", reviewer.post("api/reviews/" + id + "/decision", decision("APPROVE", null, hash))
                .json().getString("status"));
        return id;
    }

    String create(String title) {
        Reply created = curator.post("api/sessions/" + sessionId + "/highlights",
                Json.createObjectBuilder().add("title", title).build().toString());
        assertEquals(201, created.status(), created.body());
        return created.json().getString("id");
    }

    JsonObject edit(String id, String title, String summary, String body, boolean publishOnApproval,
                    JsonArrayBuilder parts) {
        var draft = Json.createObjectBuilder().add("title", title).add("publishOnApproval", publishOnApproval)
                .add("parts", parts);
        if (summary != null) {
            draft.add("summary", summary);
        }
        if (body != null) {
            draft.add("bodyHtml", body);
        }
        Reply edited = curator.put("api/highlights/" + id, draft.build().toString());
        assertEquals(200, edited.status(), edited.body());
        return edited.json();
    }

    static JsonObject part(String kind, String refId) {
        return Json.createObjectBuilder().add("kind", kind).add("refId", refId).build();
    }

    static String decision(String decision, String comment, String hash) {
        var body = Json.createObjectBuilder().add("decision", decision).add("renditionHash", hash);
        if (comment != null) {
            body.add("comment", comment);
        }
        return body.build().toString();
    }

    List<String> audit(String type, String id) {
        return staff.admin().get("api/audit?subjectType=" + type + "&subjectId=" + id).array().stream()
                .map(e -> e.asJsonObject().getString("action")).toList();
    }

    String media(String itemId) {
        return "api/sessions/" + sessionId + "/media/" + itemId;
    }

    JsonObject upload(byte[] photo) throws Exception {
        HttpResponse<String> uploaded = send(HttpRequest.newBuilder(URI.create(base + "api/sessions/" + sessionId
                        + "/media?name=line.jpg"))
                .header("Authorization", curator.header("Authorization"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(photo)));
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        try (var reader = Json.createReader(new StringReader(uploaded.body()))) {
            return reader.readObject();
        }
    }

    /** A question relayed from a network by a signed webhook, approved by the session's moderator. */
    String relayedQuestion(String text) throws Exception {
        Reply added = curator.post("api/sessions/" + sessionId + "/sources",
                json("{'kind':'WEBHOOK','label':'relay','account':''}"));
        assertEquals(201, added.status(), added.body());
        String secret = added.json().getString("webhookSecret");
        String path = added.json().getJsonObject("source").getString("webhookUrl");
        String uri = "relay:ward-7/" + UUID.randomUUID();
        String body = Json.createObjectBuilder().add("type", "post.created").add("data", Json.createObjectBuilder()
                .add("uri", uri).add("url", "https://relay.example/" + uri).add("author", "@nurse.kim")
                .add("text", text)).build().toString();
        long now = Instant.now().getEpochSecond();
        String messageId = "msg_" + UUID.randomUUID();
        HttpResponse<String> delivered = send(HttpRequest.newBuilder(URI.create(base.toString())
                        .resolve(path.substring(1)))
                .header("Content-Type", "application/json").header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(now))
                .header("webhook-signature", WebhookSignatures.sign(secret, messageId, now,
                        body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(200, delivered.statusCode(), delivered.body());
        JsonObject question = curator.get("api/sessions/" + sessionId + "/questions").array().stream()
                .map(JsonValue::asJsonObject).filter(q -> q.getString("text").equals(text)).findFirst().orElseThrow();
        assertEquals(200, curator.put("api/sessions/" + sessionId + "/questions/" + question.getString("id")
                + "/status", json("{'status':'APPROVED'}")).status());
        return question.getString("id");
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void update(Connection db, String sql) throws Exception {
        try (Statement statement = db.createStatement()) {
            assertEquals(1, statement.executeUpdate(sql));
        }
    }

}
