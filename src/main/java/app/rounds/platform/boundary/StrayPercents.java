package app.rounds.platform.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.http.HttpBaseFilter;
import org.glassfish.grizzly.http.server.HttpServerFilter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts {@link StrayPercentFilter} into the filter chain of each of Payara's HTTP listeners as the application starts,
 * as soon as requests are parsed and before anything reads their path (Grizzly's WebSocket filter, its
 * {@link HttpServerFilter} that hands them to the web container), and takes it out as the application stops. Payara
 * offers no setting for a filter there: the chains are reached through its internal {@code GrizzlyService} by
 * reflection. When that fails (another Payara), a warning says so and malformed escapes are answered by Payara as
 * before; HttpAnswersIT checks that they are not.
 */
@ApplicationScoped
public class StrayPercents {

    private static final Logger LOG = Logger.getLogger(StrayPercents.class.getName());

    private final StrayPercentFilter filter = new StrayPercentFilter();
    private final List<FilterChain> placedIn = new ArrayList<>();

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            for (FilterChain chain : httpChains()) {
                int at = afterHttpParsing(chain);
                if (at > 0 && chain.indexOf(filter) < 0) {
                    chain.add(at, filter);
                    placedIn.add(chain);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "Addresses with a malformed escape (such as /%zz) are answered by Payara itself "
                    + "(200, empty): its HTTP listeners could not be reached", e);
            return;
        }
        if (placedIn.isEmpty()) {
            LOG.warning("Addresses with a malformed escape (such as /%zz) are answered by Payara itself (200, empty): "
                    + "no HTTP listener was found");
        }
    }

    @PreDestroy
    void stop() {
        placedIn.forEach(chain -> chain.remove(filter));
        placedIn.clear();
    }

    /**
     * Just after the last filter that makes HTTP requests of what arrives (HTTP/1.1's codec, then HTTP/2's): before
     * Grizzly's WebSocket filter, which decodes an upgrade request's path too (and logged a stack trace for each), and
     * before {@link HttpServerFilter}; 0 when the chain makes no HTTP requests.
     */
    static int afterHttpParsing(List<?> chain) {
        int last = -1;
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i) instanceof HttpBaseFilter) {
                last = i;
            }
        }
        return last + 1;
    }

    /** The root filter chains of Payara's network listeners: GrizzlyService.proxies → listener → transport. */
    private static List<FilterChain> httpChains() throws ReflectiveOperationException {
        ClassLoader loader = StrayPercents.class.getClassLoader();
        Object locator = Class.forName("org.glassfish.internal.api.Globals", true, loader)
                .getMethod("getDefaultBaseServiceLocator").invoke(null);
        Class<?> grizzlyService = Class.forName("com.sun.enterprise.v3.services.impl.GrizzlyService", true, loader);
        Object service = locator.getClass().getMethod("getService", Class.class, Annotation[].class)
                .invoke(locator, grizzlyService, new Annotation[0]);
        Field proxies = grizzlyService.getDeclaredField("proxies");
        proxies.setAccessible(true);
        List<FilterChain> chains = new ArrayList<>();
        for (Object proxy : (Collection<?>) proxies.get(service)) {
            Object listener = proxy.getClass().getMethod("getUnderlyingListener").invoke(proxy);
            Object transport = listener.getClass().getMethod("getTransport").invoke(listener);
            if (transport.getClass().getMethod("getProcessor").invoke(transport) instanceof FilterChain chain) {
                chains.add(chain);
            }
        }
        return chains;
    }
}
