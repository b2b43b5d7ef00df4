package app.rounds.highlights.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class BodyHtmlTest {

    @Test
    void keepsSimpleFormattingAndDropsEverythingActive() {
        assertEquals("<p>Hands-on <strong>practice</strong></p>",
                BodyHtml.sanitised("<p onclick=\"x()\">Hands-on <strong>practice</strong><script>alert(1)</script></p>"));
        assertEquals("<p>see <a href=\"https://example.org/a\" rel=\"nofollow noopener noreferrer\">this</a></p>",
                BodyHtml.sanitised("<p>see <a href=\"https://example.org/a\" target=\"_top\">this</a></p>"));
        assertEquals("<p><a rel=\"nofollow noopener noreferrer\">x</a></p>",
                BodyHtml.sanitised("<p><a href=\"javascript:alert(1)\">x</a></p>"), "no script URLs");
        assertEquals("<ul><li>gown</li><li>gloves</li></ul>", BodyHtml.sanitised(
                "<ul><li>gown</li><li>gloves</li></ul><img src=x onerror=alert(1)><iframe src=//evil></iframe>"));
    }

    @Test
    void markupWithoutTextIsNoBody() {
        assertNull(BodyHtml.sanitised("<p> </p><img src=x>"));
        assertNull(BodyHtml.sanitised("   "));
        assertNull(BodyHtml.sanitised(null));
        assertEquals("Twelve nurses", BodyHtml.text("<p>Twelve <em>nurses</em></p>"));
    }
}
