package app.rounds.platform.boundary;

import app.rounds.platform.control.ClientAddresses;
import app.rounds.platform.control.ConcurrencyLimit;
import app.rounds.platform.control.ProblemException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.security.jacc.PolicyContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Reads a request's body before the application sees it, without holding a server thread while it arrives. The
 * application reads bodies with blocking reads, and Payara's HTTP threads are few (about 200): a few hundred clients
 * that declare a body and then send a byte every few seconds used to hold every one of them, and the server stopped
 * answering anyone. A body that is already all there (nearly every one) goes straight on; one still arriving is read
 * asynchronously into memory, then the request is dispatched with it. It is refused when it is not all there within
 * {@code rounds.http.body-deadline-seconds} (408), larger than {@code rounds.http.max-body-kib} (413), or when its
 * client address already has {@code rounds.http.slow-bodies-per-address} bodies arriving (429). Media uploads stream
 * to disk under their own limits and are left alone: only staff send them, and they are authenticated before the body
 * is read.
 */
@WebFilter(filterName = "BodyBufferingFilter", urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ASYNC})
public class BodyBufferingFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(BodyBufferingFilter.class.getName());
    private static final String ARRIVED = BodyBufferingFilter.class.getName() + ".arrived";
    /**
     * Payara runs an async dispatch at once, and one that starts while the request's first thread is still leaving
     * the container makes that thread end the request: the client gets no answer. That thread leaves within
     * microseconds of this filter; a dispatch waits this long after it.
     */
    private static final long DISPATCH_AFTER_LEAVING_MILLIS = 100;
    static final Pattern STREAMED_UPLOADS = Pattern.compile("/api/sessions/[^/]+/media(/[^/]+/consents/[^/]+/evidence)?");

    @Inject
    ClientAddresses clientAddresses;

    @Inject
    @ConfigProperty(name = "rounds.http.body-deadline-seconds")
    int deadlineSeconds;

    @Inject
    @ConfigProperty(name = "rounds.http.max-body-kib")
    int maxBodyKib;

    @Inject
    @ConfigProperty(name = "rounds.http.slow-bodies-per-address")
    int slowBodiesPerAddress;

    @Inject
    Instance<RequestContextController> requestContexts;

    @Resource
    ContextService contexts;

    private ConcurrencyLimit slowBodies;

    /**
     * The deadlines of bodies still arriving and the dispatches of those that arrived: a thread of their own, which
     * runs nothing else, so that they come on time. On the application's shared scheduler (one thread) they waited
     * behind whatever it was doing: a lease renewal waiting for a frozen cluster member's row lock held a trainee's
     * arrived question for more than 30 s (ClusterIT).
     */
    private ScheduledExecutorService timers;

    @Override
    public void init() {
        slowBodies = new ConcurrencyLimit(slowBodiesPerAddress);
        timers = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("rounds-body-timers")
                .factory());
    }

    @Override
    public void destroy() {
        timers.shutdownNow();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            serveArrived(request, response, chain);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long declared = request.getContentLengthLong();
        boolean hasBody = declared > 0 || request.getHeader("Transfer-Encoding") != null;
        // staff were authenticated before the body is read: only anonymous callers (trainees, webhooks, logins) can
        // send bodies by the hundred, and only their requests are served on another thread, as anonymous
        if (!hasBody || STREAMED_UPLOADS.matcher(path).matches() || request.getUserPrincipal() != null) {
            // read as it comes: its client may go away in the middle
            chain.doFilter(request, hasBody ? new ClientGoneResponse(request, response) : response);
            return;
        }
        long maxBytes = maxBodyKib * 1024L;
        if (declared > maxBytes) {
            refuseAtOnce(response, tooLarge(), path);
            return;
        }
        if (declared > 0 && request.getInputStream().available() >= declared) {
            chain.doFilter(request, response); // all there: nothing to wait for
            return;
        }
        String address = clientAddresses.of(request);
        if (!slowBodies.tryEnter(address)) {
            refuseAtOnce(response, ProblemException.tooManyRequests("Too many requests from your address are still "
                    + "sending their bodies; finish those first.", Duration.ofSeconds(deadlineSeconds)), path);
            return;
        }
        if (request.getHeader("Upgrade") != null) {
            // an h2c upgrade (Java's HttpClient asks for one on a new connection) cannot go async: Grizzly drops it.
            // Read on this thread, but counted with the address's other slow bodies, so that asking for the upgrade
            // does not let one address hold more threads than its share, and cut off at the same deadline (checked
            // as each part arrives: a body that stops altogether waits for Grizzly's read timeout)
            try {
                byte[] body = readOnThisThread(request, maxBytes, path, response);
                if (body != null) {
                    BufferedBodyRequest buffered = new BufferedBodyRequest(request);
                    buffered.body(body);
                    chain.doFilter(buffered, response);
                }
            } finally {
                slowBodies.leave(address);
            }
            return;
        }
        Arrival arrival = new Arrival(request, response, path, address, maxBytes);
        try {
            arrival.begin();
        } finally {
            arrival.leftContainerThread();
        }
    }

    /** A body that arrived is served as usual, but for the CDI request context Payara's async dispatch lacks. */
    private void serveArrived(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request.getAttribute(ARRIVED) instanceof Arrival arrival)) {
            chain.doFilter(request, response);
            return;
        }
        request.removeAttribute(ARRIVED);
        arrival.serve(() -> {
            RequestContextController requestContext = requestContexts.get();
            boolean activated = requestContext.activate();
            try {
                chain.doFilter(request, new ProblemOnSendError(response, arrival.path));
            } finally {
                if (activated) {
                    requestContext.deactivate();
                }
            }
            return null;
        });
    }


    /**
     * The body read with blocking reads, refused (408, 413) past the deadline or the size limit; null when refused or
     * when its client went away.
     */
    private byte[] readOnThisThread(HttpServletRequest request, long maxBytes, String path,
                                    HttpServletResponse response) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(deadlineSeconds);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            ServletInputStream in = request.getInputStream();
            for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
                body.write(chunk, 0, read);
                if (body.size() > maxBytes) {
                    refuseAtOnce(response, tooLarge(), path);
                    return null;
                }
                if (System.nanoTime() - deadline > 0) {
                    refuseAtOnce(response, tooSlow(), path);
                    return null;
                }
            }
        } catch (IOException gone) {
            LOG.log(Level.FINE, () -> "A client went away while sending a body to " + path + ": " + gone);
            return null;
        }
        return body.toByteArray();
    }

    private ProblemException tooSlow() {
        return new ProblemException(ProblemException.Kind.REQUEST_TIMEOUT, "body-too-slow", "Request took too long",
                "The request body did not arrive within " + deadlineSeconds + " s; send it again.", List.of(), null);
    }

    private ProblemException tooLarge() {
        return new ProblemException(ProblemException.Kind.PAYLOAD_TOO_LARGE, "body-too-large", "Request too large",
                "A request body may be at most " + maxBodyKib + " KiB.", List.of(), null);
    }

    /** A refused body is not read: the connection closes after the answer instead of waiting for the rest. */
    private static void refuseAtOnce(HttpServletResponse response, ProblemException refusal, String path)
            throws IOException {
        response.setHeader("Connection", "close");
        ServletProblems.write(response, refusal, path);
    }

    /** One body arriving: read as it comes, until it is all there, too large, too late, or its client is gone. */
    private final class Arrival implements ReadListener, AsyncListener {

        private final BufferedBodyRequest buffered;
        private final HttpServletResponse response;
        private final String path;
        private final String address;
        private final long maxBytes;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final byte[] chunk = new byte[8192];
        private final AtomicBoolean settled = new AtomicBoolean();
        private ServletInputStream in;
        private AsyncContext async;
        private ScheduledFuture<?> deadline;
        private boolean left;
        private long leftAtNanos;
        private boolean arrived;
        /** The application's work, run with what the request's own thread had: its (anonymous) caller, JACC. */
        private Callable<Void> inCallersContext;
        private volatile Callable<Void> work;
        private String policyContext;

        Arrival(HttpServletRequest request, HttpServletResponse response, String path, String address, long maxBytes) {
            this.buffered = new BufferedBodyRequest(request);
            this.response = response;
            this.path = path;
            this.address = address;
            this.maxBytes = maxBytes;
        }

        void begin() throws IOException {
            HttpServletRequest request = (HttpServletRequest) buffered.getRequest();
            in = request.getInputStream();
            async = request.startAsync(buffered, response);
            policyContext = PolicyContext.getContextID();
            inCallersContext = contexts.contextualCallable(() -> {
                String before = PolicyContext.getContextID();
                PolicyContext.setContextID(policyContext);
                try {
                    return work.call();
                } finally {
                    PolicyContext.setContextID(before);
                }
            });
            async.setTimeout(0); // our own deadline below covers reading; the application's work has no limit here
            async.addListener(this);
            deadline = timers.schedule(() -> refuse(tooSlow()), deadlineSeconds, TimeUnit.SECONDS);
            in.setReadListener(this);
        }

        @Override
        public void onDataAvailable() throws IOException {
            while (!settled.get() && in.isReady()) {
                int read = in.read(chunk);
                if (read < 0) {
                    return;
                }
                body.write(chunk, 0, read);
                if (body.size() > maxBytes) {
                    refuse(tooLarge());
                    return;
                }
            }
        }

        @Override
        public void onAllDataRead() {
            if (settle()) {
                buffered.body(body.toByteArray());
                buffered.setAttribute(ARRIVED, this);
                synchronized (this) {
                    arrived = true;
                    if (left) {
                        dispatchSoon();
                    }
                }
            }
        }

        @Override
        public void onError(Throwable failure) {
            if (settle()) {
                LOG.log(Level.FINE, () -> "A client went away while sending a body to " + path + ": " + failure);
                async.complete();
            }
        }

        private void refuse(ProblemException refusal) {
            if (settle()) {
                try {
                    refuseAtOnce(response, refusal, path);
                } catch (IOException | RuntimeException gone) {
                    LOG.log(Level.FINE, () -> "Could not refuse a body to " + path + ": " + gone);
                } finally {
                    async.complete();
                }
            }
        }

        void serve(Callable<Void> application) throws IOException, ServletException {
            work = application;
            try {
                inCallersContext.call();
            } catch (IOException | ServletException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new ServletException(e);
            }
        }

        synchronized void leftContainerThread() {
            left = true;
            leftAtNanos = System.nanoTime();
            if (arrived) {
                dispatchSoon();
            }
        }

        private void dispatchSoon() {
            long since = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - leftAtNanos);
            timers.schedule(() -> async.dispatch(), Math.max(0, DISPATCH_AFTER_LEAVING_MILLIS - since),
                    TimeUnit.MILLISECONDS);
        }

        /** True for the one caller that decides how this arrival ends; gives the address's place back. */
        private boolean settle() {
            if (!settled.compareAndSet(false, true)) {
                return false;
            }
            slowBodies.leave(address);
            if (deadline != null) {
                deadline.cancel(false);
            }
            return true;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            settle();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            onError(event.getThrowable());
        }

        @Override
        public void onError(AsyncEvent event) {
            onError(event.getThrowable());
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // a dispatched request that starts its own async cycle is the application's business
        }
    }
}
