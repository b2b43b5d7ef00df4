package app.rounds.sessions.control;

import app.rounds.platform.control.PublicAddress;
import app.rounds.sessions.entity.JoinCode;
import app.rounds.testing.QrCodes;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JoinLinksTest {

    @Test
    void joinUrlUsesTheConfiguredPublicUrlElseTheRequestsOwn() {
        JoinCode code = JoinCode.parse("K7MX3QPA").orElseThrow();
        JoinLinks links = new JoinLinks();
        links.publicAddress = new PublicAddress(Optional.empty());
        assertEquals("http://localhost:8080/?code=K7MX3QPA", links.joinUrl(code, URI.create("http://localhost:8080/api/")));
        links.publicAddress = new PublicAddress(Optional.of("https://rounds.example.org/"));
        assertEquals("https://rounds.example.org/?code=K7MX3QPA", links.joinUrl(code, URI.create("http://10.0.0.5:8080/api/")));
    }

    @Test
    void qrCodeSvgDecodesToTheJoinUrl() throws Exception {
        String url = "https://rounds.example.org/?code=K7MX3QPA";
        String svg = JoinLinks.qrSvg(url);
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
        assertEquals(url, QrCodes.decodeSvg(svg));
    }
}
