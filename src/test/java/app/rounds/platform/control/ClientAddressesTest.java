package app.rounds.platform.control;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientAddressesTest {

    @Test
    void forwardedForIsIgnoredWithoutTrustedProxies() {
        ClientAddresses addresses = new ClientAddresses(Optional.empty());
        assertEquals("203.0.113.9", addresses.of("203.0.113.9", "10.1.1.1"));
    }

    @Test
    void behindATrustedProxyTheClientIsTheLastUntrustedHop() {
        ClientAddresses addresses = new ClientAddresses(Optional.of("10.0.0.1, 10.0.0.2"));
        assertEquals("198.51.100.7", addresses.of("10.0.0.1", "1.2.3.4, 198.51.100.7, 10.0.0.2"));
        assertEquals("10.0.0.1", addresses.of("10.0.0.1", " "));
        assertEquals("203.0.113.9", addresses.of("203.0.113.9", "198.51.100.7"));
    }
}
