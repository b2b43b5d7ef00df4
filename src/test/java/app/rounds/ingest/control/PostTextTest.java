package app.rounds.ingest.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PostTextTest {

    @Test
    void mastodonHtmlBecomesTextWithLinksHashtagsAndMentionsKept() {
        String html = "<p>Question about <a href=\"https://mastodon.example/tags/Rounds\" class=\"mention hashtag\" "
                + "rel=\"tag\">#<span>Rounds</span></a>: when is the <a href=\"https://example.org/guide\" "
                + "rel=\"nofollow noopener\" target=\"_blank\"><span class=\"invisible\">https://</span>"
                + "<span class=\"\">example.org/guide</span><span class=\"invisible\"></span></a> updated? "
                + "<span class=\"h-card\"><a href=\"https://mastodon.example/@sam\" class=\"u-url mention\">"
                + "@<span>sam</span></a></span></p><p>Second line<br>third &amp; last</p>";
        assertEquals("Question about #Rounds: when is the https://example.org/guide updated? @sam\n\n"
                + "Second line\nthird & last", PostText.of(html));
    }

    @Test
    void emojiAndNonLatinScriptsSurviveIntact() {
        assertEquals("Danke 🙏 — 你好 — مرحبا — Привет 👩🏽‍⚕️?",
                PostText.of("<p>Danke 🙏 — 你好 — مرحبا — Привет 👩🏽‍⚕️?</p>"));
    }

    @Test
    void noMarkupSurvives() {
        assertEquals("hi there", PostText.of("<p>hi <script>alert(1)</script><img src=x onerror=alert(2)>there</p>"));
        assertEquals("<b>not bold</b>", PostText.of("&lt;b&gt;not bold&lt;/b&gt;"));
        assertEquals("", PostText.of(null));
    }
}
