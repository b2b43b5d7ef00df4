package app.rounds.platform.control;

import app.rounds.security.control.TrustedDevices;
import app.rounds.sessions.boundary.ParticipantsResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BeansMadeAtStartTest {

    @Test
    void roundsApplicationScopedBeansAreMadeAtStart() {
        assertTrue(BeansMadeAtStart.madeAtStart(ApplicationScoped.class, TrustedDevices.class));
    }

    @Test
    void resourcesOtherScopesAndOthersBeansAreLeftAlone() {
        assertFalse(BeansMadeAtStart.madeAtStart(ApplicationScoped.class, ParticipantsResource.class),
                "Jersey injects a resource's request context");
        assertFalse(BeansMadeAtStart.madeAtStart(RequestScoped.class, TrustedDevices.class));
        assertFalse(BeansMadeAtStart.madeAtStart(ApplicationScoped.class, Clock.class));
    }
}
