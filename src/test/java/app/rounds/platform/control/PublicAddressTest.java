package app.rounds.platform.control;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PublicAddressTest {

    private final PublicAddress unset = new PublicAddress(Optional.empty());

    @Test
    void theConfiguredUrlIsTheBaseWhateverTheRequestNamed() {
        PublicAddress configured = new PublicAddress(Optional.of("https://rounds.example.org/"));
        assertEquals("https://rounds.example.org", configured.base(URI.create("http://evil.example/highlights/")));
    }

    @Test
    void withoutItThisMachinesOwnNamesAreTheBase() throws Exception {
        assertEquals("http://localhost:8080", unset.base(URI.create("http://localhost:8080/highlights/")));
        assertEquals("http://127.0.0.1:8080", unset.base(URI.create("http://127.0.0.1:8080/api/")));
        assertEquals("http://[::1]:8080", unset.base(URI.create("http://[::1]:8080/api/")));
        String hostName = InetAddress.getLocalHost().getHostName();
        assertEquals("http://" + hostName + ":8080", unset.base(URI.create("http://" + hostName + ":8080/")));
    }

    @Test
    void aForeignHostIsRefusedNotMadeALink() {
        for (String url : java.util.List.of("http://evil.example/highlights/feed.atom", "https://evil.example:8443/",
                "http://localhost.evil.example/", "http://8.8.8.8/", "http://[2001:db8::1]/")) {
            ProblemException refused = assertThrows(ProblemException.class, () -> unset.base(URI.create(url)), url);
            assertEquals(ProblemException.Kind.INVALID, refused.kind());
            assertEquals("host-not-accepted", refused.type());
        }
    }
}
