package app.rounds.platform.control;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.interceptor.Interceptor;
import jakarta.ws.rs.Path;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes Rounds' application-scoped beans as the application starts, rather than at the first request that needs each,
 * so that none reads its configuration while serving. A key found in no configuration source (an optional one left
 * unset) is asked of Payara's cluster config source last, a map on the data grid; with another member of the cluster
 * frozen, that lookup waited for it: the first login beside a frozen member waited about a minute for the device
 * cookie key ({@code TrustedDevices}, ClusterIT). JAX-RS resources are left to Jersey, which injects their request
 * context. A bean that cannot be made yet (its database away) is made at its first use, as before.
 */
@ApplicationScoped
public class BeansMadeAtStart {

    private static final Logger LOG = Logger.getLogger(BeansMadeAtStart.class.getName());

    @Resource
    ManagedExecutorService executor;

    /**
     * After the application's other start-up observers, which make their own beans in their own order, and beside the
     * start rather than in it: the beans took 0.6 to 0.9 s to make (most of it the class loading that a first question
     * paid before), and a request that comes first makes what it needs as before.
     */
    void makeAll(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) @Initialized(ApplicationScoped.class)
                 Object started, BeanManager beans) {
        executor.execute(() -> makeAll(beans));
    }

    private static void makeAll(BeanManager beans) {
        long began = System.nanoTime();
        int made = 0;
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            if (madeAtStart(bean.getScope(), bean.getBeanClass())) {
                made += make(beans, bean) ? 1 : 0;
            }
        }
        long millis = (System.nanoTime() - began) / 1_000_000;
        int count = made;
        LOG.info(() -> "Made " + count + " application-scoped beans at start in " + millis + " ms");
    }

    static boolean madeAtStart(Class<?> scope, Class<?> beanClass) {
        return scope == ApplicationScoped.class && beanClass.getName().startsWith("app.rounds.")
                && !beanClass.isAnnotationPresent(Path.class);
    }

    private static <T> boolean make(BeanManager beans, Bean<T> bean) {
        try {
            beans.getContext(ApplicationScoped.class).get(bean, beans.createCreationalContext(bean));
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, e, () -> bean.getBeanClass().getSimpleName() + " is made at its first use instead: "
                    + e);
            return false;
        }
    }
}
