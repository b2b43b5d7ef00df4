package app.rounds.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Payara's web core logs every request whose address holds a malformed escape ({@code /%zz}) as SEVERE with a stack
 * trace of about 30 lines, before any application code runs (payara/Payara#8000): anyone could fill the log with one
 * short request after another. StrayPercentFilter escapes such addresses before Payara decodes them; should it not be
 * in place (a Payara whose listeners StrayPercents cannot reach), those records become one counted line a minute here.
 * The web core's other records pass.
 */
@ApplicationScoped
public class MalformedAddressLog {

    /** The logger of Payara's whole web core (org.apache.catalina.LogFacade), CoyoteAdapter's included. */
    private static final Logger WEB_CORE = Logger.getLogger("jakarta.enterprise.web.core");
    private static final Logger LOG = Logger.getLogger(MalformedAddressLog.class.getName());

    private final RepeatedLog malformed = new RepeatedLog(LOG);
    private Filter before;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the observer makes the bean, and so the filter, start with the application
    }

    @PostConstruct
    void install() {
        before = WEB_CORE.getFilter();
        WEB_CORE.setFilter(this::loggable);
    }

    @PreDestroy
    void remove() {
        WEB_CORE.setFilter(before);
    }

    boolean loggable(LogRecord record) {
        if (malformedAddress(record.getThrown())) {
            malformed.log(Level.INFO, "malformed-address", () -> "A request's address held a malformed escape "
                    + "(such as %zz); Payara answered it before Rounds could");
            return false;
        }
        return before == null || before.isLoggable(record);
    }

    /** Grizzly's URI decoder refusing an escape: "URLDecoder: Illegal hex characters in escape (%) pattern". */
    static boolean malformedAddress(Throwable thrown) {
        return thrown instanceof IllegalArgumentException && thrown.getMessage() != null
                && thrown.getMessage().startsWith("URLDecoder:");
    }
}
