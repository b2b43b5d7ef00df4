package app.rounds.platform.control;

import org.eclipse.persistence.sessions.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink retries a read outside a transaction that failed on its connection three times, five seconds apart:
 * while the database was away, each such request waited 10–15 s before failing anyway. Payara's pool validates a
 * connection before handing it out, so a retry gains nothing; a request now fails at once and is answered 503.
 * Registered in persistence.xml ({@code eclipselink.session.customizer}).
 */
public class NoQueryRetries implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
        }
    }
}
