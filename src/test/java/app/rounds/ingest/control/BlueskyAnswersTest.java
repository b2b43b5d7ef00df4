package app.rounds.ingest.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading Bluesky's getPosts and searchPosts answers (docs.bsky.app): a post view, or an answer Rounds cannot read. */
class BlueskyAnswersTest {

    static final String KEPT = "at://did:plc:ana/app.bsky.feed.post/3kept";
    static final String DELETED = "at://did:plc:ana/app.bsky.feed.post/3deleted";

    static JsonObjectBuilder view(String atUri, String text) {
        return Json.createObjectBuilder().add("uri", atUri).add("cid", "bafy")
                .add("author", Json.createObjectBuilder().add("did", "did:plc:ana").add("handle", "ana.example"))
                .add("record", Json.createObjectBuilder().add("$type", "app.bsky.feed.post").add("text", text)
                        .add("createdAt", "2026-11-28T09:00:00.000Z"))
                .add("indexedAt", "2026-11-28T09:00:01.000Z");
    }

    static JsonObject posts(JsonObjectBuilder... views) {
        var array = Json.createArrayBuilder();
        for (JsonObjectBuilder view : views) {
            array.add(view);
        }
        return Json.createObjectBuilder().add("posts", array).build();
    }

    @Test
    void aPostLeftOutOfTheAnswerIsGoneAndTheOthersReadAsTheyAreNow() throws Unreadable {
        List<Ingestion.Original> originals = BlueskySearch.originals(List.of(KEPT, DELETED),
                posts(view(KEPT, " Which dressing? ")), "bsky.example");
        assertEquals("Which dressing?", originals.get(0).post().text());
        assertEquals("@ana.example", originals.get(0).post().authorHandle());
        assertEquals("https://bsky.app/profile/ana.example/post/3kept", originals.get(0).post().url());
        assertTrue(originals.get(1).isGone());
    }

    @Test
    void anAnswerWithoutItsPostsOrWithAViewThatCannotBeReadIsUnreadableNothingGone() {
        for (JsonObject body : List.of(Json.createObjectBuilder().build(),
                Json.createObjectBuilder().add("error", "InternalServerError").build(),
                Json.createObjectBuilder().add("posts", "none").build(),
                Json.createObjectBuilder().add("posts", Json.createArrayBuilder().add(17)).build(),
                posts(view(KEPT, "x").remove("uri")),
                posts(view(KEPT, "x").add("uri", 3)),
                posts(view(KEPT, "x").remove("author")),
                posts(view(KEPT, "x").remove("record")),
                posts(view(KEPT, "x").add("record", Json.createObjectBuilder().add("text", 5))))) {
            assertThrows(Unreadable.class, () -> BlueskySearch.originals(List.of(KEPT, DELETED), body,
                    "bsky.example"), body.toString());
        }
        assertThrows(Unreadable.class, () -> BlueskySearch.read("<html>502 Bad Gateway</html>",
                URI.create("https://bsky.example/xrpc/app.bsky.feed.getPosts")));
    }

    @Test
    void aSearchPageThatCannotBeReadIsUnreadableAndAViewWithoutTextIsSkipped() throws Unreadable {
        assertThrows(Unreadable.class, () -> BlueskySearch.page(Json.createObjectBuilder().add("cursor", "1").build(),
                "ward7", "bsky.example"));
        JsonObjectBuilder badFacets = view(KEPT, "Which dressing? #ward7");
        badFacets.add("record", Json.createObjectBuilder().add("text", "Which dressing? #ward7").add("facets", 7));
        assertThrows(Unreadable.class, () -> BlueskySearch.page(posts(badFacets), "ward7", "bsky.example"));

        BlueskySearch.SearchPage page = BlueskySearch.page(posts(view(KEPT, "x").add("record",
                Json.createObjectBuilder().add("$type", "app.bsky.feed.post"))), "ward7", "bsky.example");
        assertNull(page.hits().getFirst().post(), "no text: skipped, as a post without the tag is");
        assertNull(page.cursor());
    }
}
