package app.rounds.security.boundary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StaffAuthenticationMechanismTest {

    @Test
    void basicCredentialsAreTakenOverTls() {
        assertTrue(StaffAuthenticationMechanism.basicAllowed(true, "203.0.113.9", false));
    }

    @Test
    void basicCredentialsOverPlainHttpAreTakenOnlyFromThisMachine() {
        assertTrue(StaffAuthenticationMechanism.basicAllowed(false, "127.0.0.1", false));
        assertTrue(StaffAuthenticationMechanism.basicAllowed(false, "0:0:0:0:0:0:0:1", false));
        assertFalse(StaffAuthenticationMechanism.basicAllowed(false, "10.20.30.40", false));
        assertFalse(StaffAuthenticationMechanism.basicAllowed(false, "not an address", false));
        assertFalse(StaffAuthenticationMechanism.basicAllowed(false, "localhost", false), "names are not looked up");
    }

    @Test
    void anOperatorMayAllowBasicCredentialsOverPlainHttp() {
        assertTrue(StaffAuthenticationMechanism.basicAllowed(false, "10.20.30.40", true));
    }
}
