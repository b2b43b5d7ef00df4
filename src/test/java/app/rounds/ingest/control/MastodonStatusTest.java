package app.rounds.ingest.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading Mastodon's Status entity (docs.joinmastodon.org/entities/Status) into a post, and its author's handle. */
class MastodonStatusTest {

    static JsonObjectBuilder account(String acct, String url) {
        JsonObjectBuilder account = Json.createObjectBuilder().add("id", "1").add("username", acct.split("@")[0])
                .add("acct", acct).add("noindex", false).add("discoverable", true);
        return url == null ? account : account.add("url", url);
    }

    static JsonObjectBuilder status(JsonObjectBuilder account) {
        return Json.createObjectBuilder().add("id", "113").add("uri", "https://social.example/users/ana/statuses/113")
                .add("url", "https://social.example/@ana/113").add("created_at", "2026-11-28T09:00:00.000Z")
                .addNull("edited_at").add("visibility", "public").addNull("reblog")
                .add("content", "<p>Which dressing? <a href=\"https://social.example/tags/ward7\">#<span>ward7</span></a></p>")
                .add("tags", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "ward7")))
                .add("account", account);
    }

    @Test
    void aLocalAccountsHandleCarriesTheInstancesDomainNeverTheAddressItWasReachedBy() {
        JsonObject local = account("ana", "https://social.example/@ana").build();
        assertEquals("@ana@example.org", MastodonTimeline.handle(local, "example.org"),
                "the instance's domain, even when its web pages are on another host");
        assertEquals("@ana@social.example", MastodonTimeline.handle(local, null),
                "without the instance's description: the host of the account's profile");
        assertEquals("@ana@localhost:3000",
                MastodonTimeline.handle(account("ana", "http://localhost:3000/@ana").build(), null));
        assertEquals("@ana", MastodonTimeline.handle(account("ana", null).build(), null));
        assertEquals("@cho@elsewhere.example",
                MastodonTimeline.handle(account("cho@elsewhere.example", "https://elsewhere.example/@cho").build(),
                        "example.org"), "a remote account's acct carries its own domain");
    }

    @Test
    void aTimelineStatusBecomesAPostWithTheHandleAndItsEditTime() throws Unreadable {
        SocialPost post = MastodonTimeline.post(status(account("ana", "https://social.example/@ana")).build(),
                "social.example", "#Ward7").orElseThrow();
        assertEquals("@ana@social.example", post.authorHandle());
        assertEquals("Which dressing? #ward7", post.text());
        assertEquals("113", post.localId());
        assertNull(post.editedAt());
        SocialPost edited = MastodonTimeline.asPost(status(account("ana", null))
                .add("edited_at", "2026-11-28T09:30:00.000Z").build(), null);
        assertEquals(Instant.parse("2026-11-28T09:30:00Z"), edited.editedAt());
    }

    @Test
    void aStatusThatMayNoLongerBeShownCountsAsGone() throws IOException {
        URI address = URI.create("https://social.example/api/v1/statuses/113");
        String uri = "https://social.example/users/ana/statuses/113";
        assertFalse(MastodonStatuses.original(uri, status(account("ana", null)).build().toString(), address).isGone());
        assertTrue(MastodonStatuses.original(uri, status(account("ana", null)).add("visibility", "private").build()
                .toString(), address).isGone(), "made private");
        assertTrue(MastodonStatuses.original(uri, status(account("ana", null).add("noindex", true)).build()
                .toString(), address).isGone(), "its author opted out of indexing since");
        Ingestion.Original untagged = MastodonStatuses.original(uri, status(account("ana", null))
                .add("content", "<p>Edited, no tag now</p>").add("tags", Json.createArrayBuilder()).build()
                .toString(), address);
        assertEquals("Edited, no tag now", untagged.post().text(), "an edit that drops the hashtag is still an edit");
    }

    @Test
    void anAnswerThatIsNotAReadableStatusIsUnreadableNeverGone() {
        URI address = URI.create("https://social.example/api/v1/statuses/113");
        String uri = "https://social.example/users/ana/statuses/113";
        for (String body : List.of("not json", "[]", "{}", "{\"error\":\"Record not found\"}",
                status(account("ana", null)).remove("uri").build().toString(),
                status(account("ana", null)).add("uri", 113).build().toString(),
                status(account("ana", null)).remove("visibility").build().toString(),
                status(account("ana", null)).remove("account").build().toString(),
                status(account("ana", null)).add("account", "ana").build().toString(),
                status(account("ana", null)).add("edited_at", 17).build().toString(),
                status(account("ana", null)).add("url", Json.createObjectBuilder()).build().toString())) {
            Unreadable unreadable = assertThrows(Unreadable.class, () -> MastodonStatuses.original(uri, body, address),
                    body);
            assertInstanceOf(IOException.class, unreadable, "the IOException a source's failure is");
        }
        assertEquals(Instant.parse("2026-11-28T09:00:00Z"), assertDoesNotThrow(() -> MastodonStatuses.original(uri,
                status(account("ana", null)).build().toString(), address)).post().createdAt());
        assertNull(assertDoesNotThrow(() -> MastodonStatuses.original(uri, status(account("ana", null))
                .add("created_at", "yesterday").build().toString(), address)).post().createdAt(),
                "a time that does not parse is none; the status is read");
    }

    @Test
    void aTimelineWithAStatusThatCannotBeReadIsUnreadable() {
        JsonObject noUri = status(account("ana", null)).remove("uri").build();
        assertThrows(Unreadable.class, () -> MastodonTimeline.post(noUri, null, "#ward7"));
        assertThrows(Unreadable.class, () -> MastodonTimeline.asPost(status(account("ana", null)).remove("account")
                .build(), null));
        assertTrue(assertDoesNotThrow(() -> MastodonTimeline.post(status(account("ana", null))
                .add("tags", "ward7").build(), null, "#ward7")).isPresent(),
                "tags of another type: the hashtag in its text still counts");
    }

    @Test
    void theInstancesDescriptionGivesItsDomainAndStreamingUrl() {
        var description = MastodonInstances.parse("{\"domain\":\"example.org\",\"title\":\"x\","
                + "\"configuration\":{\"urls\":{\"streaming\":\"wss://streaming.example.org/\"}}}");
        assertEquals("example.org", description.domain());
        assertEquals("wss://streaming.example.org", description.streamingUrl());
        assertNull(MastodonInstances.parse("{\"title\":\"old\"}").domain());
    }
}
