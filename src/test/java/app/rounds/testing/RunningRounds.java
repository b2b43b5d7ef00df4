package app.rounds.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.net.URL;
import java.util.List;

/**
 * One running Rounds for all the integration tests of a run: the built WAR on Payara Micro against the integration
 * tests' database, started when the first test class asks for it and killed when the run ends (JUnit closes what
 * the root store holds). A Payara Micro start costs 15–40 s; one per run instead of one per class is most of what
 * makes the suite fast. Tests stay independent by making their own sessions, users and participants; only a test
 * that must own a process (a kill and a restart) starts its own {@link PayaraProcess}.
 *
 * <pre>
 * &#64;ExtendWith(RunningRounds.class)
 * class SomeIT {
 *     &#64;RunningRounds.Base
 *     URL base;
 * }
 * </pre>
 */
public final class RunningRounds implements TestInstancePostProcessor {

    /** Marks the field of type {@link URL} that receives the running Rounds' base URL (ending in a slash). */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Base {
    }

    /**
     * What the tests configure: short intervals so that schedules are met within a test, small upload limits, local
     * stand-in instances allowed, and few password iterations (each staff user a test makes is hashed; the production
     * default of 210,000 costs about 170 ms a hash and is checked once, by {@code DatabaseOutageIT}).
     */
    static final List<String> SETTINGS = List.of(
            "rounds.password.iterations=1024", // the least Jakarta Security accepts
            "rounds.trusted-proxies=127.0.0.1,0:0:0:0:0:0:0:1",
            // login limits refill over a day, so a test sees them stay used up (LoginGuessingIT)
            "rounds.auth.login.failure-window=PT24H",
            "rounds.board.max-replay=20",
            "rounds.board.heartbeat-seconds=2",
            "rounds.board.max-frames-in-flight=32",
            // ReportsIT waits for the board connections and the reads of a highlight to be counted
            "rounds.reports.viewer-sample-seconds=1",
            "rounds.reports.reach-flush-seconds=1",
            "rounds.limits.posts-per-address-per-minute=40",
            "rounds.http.body-deadline-seconds=5", // SlowClientsIT waits for it
            "rounds.ingest.allow-local-sources=true",
            "rounds.ingest.poll-seconds=1",
            "rounds.ingest.streaming-poll-seconds=30",
            "rounds.ingest.tick-millis=100",
            "rounds.ingest.request-timeout-seconds=3",
            "rounds.ingest.first-backoff-millis=300",
            "rounds.ingest.recheck-seconds=1",
            "rounds.ingest.recheck-max-seconds=2",
            "rounds.ingest.recheck-tick-millis=200",
            "rounds.media.dir=" + System.getProperty("rounds.it.media.dir", "target/it-media"),
            "rounds.media.max-photo-mb=1",
            "rounds.media.max-video-mb=3",
            // the sweep runs when MediaIT asks (POST /api/media/sweeps), never on its own during a run
            "rounds.media.sweep-grace-seconds=60",
            // an organisation of its own on the projector (BoardProjectorPagesIT): a name, an inline logo, a plum
            "rounds.organisation.name=St Elsewhere Teaching Hospital",
            "rounds.organisation.logo-url=data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCA2NCA2NCI+PHJlY3Qgd2lkdGg9IjY0IiBoZWlnaHQ9IjY0IiByeD0iMTQiIGZpbGw9IiM3YTFmNWMiLz48cGF0aCBkPSJNMjYgMTJoMTJ2MTRoMTR2MTJIMzh2MTRIMjZWMzhIMTJWMjZoMTR6IiBmaWxsPSIjZmZmIi8+PC9zdmc+",
            "rounds.organisation.colour=#7a1f5c");

    /**
     * The server's one media folder: integration test classes run side by side; those that upload share it (READ)
     * with each other, and MediaIT, which looks into the folder for what its uploads left, has it to itself.
     */
    public static final String MEDIA_FOLDER = "rounds-media-folder";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningRounds.class);

    @Override
    public void postProcessTestInstance(Object test, ExtensionContext context) throws IllegalAccessException {
        URL base = running(context).url();
        for (Class<?> type = test.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(Base.class)) {
                    field.setAccessible(true);
                    field.set(test, base);
                }
            }
        }
    }

    private static PayaraProcess running(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Started.class, key -> Started.start(), Started.class).process();
    }

    /** The process, or why it did not start: a failed start fails every class at once instead of retrying. */
    private record Started(PayaraProcess server, RuntimeException failure) implements AutoCloseable {

        static Started start() {
            PayaraProcess server = new PayaraProcess(PayaraProcess.itDatabaseUrl(),
                    SETTINGS.toArray(String[]::new));
            try {
                return new Started(server.start(), null);
            } catch (RuntimeException e) {
                return new Started(server, e);
            }
        }

        PayaraProcess process() {
            if (failure != null) {
                throw new IllegalStateException("the shared Rounds did not start", failure);
            }
            return server;
        }

        @Override
        public void close() throws InterruptedException {
            server.close();
        }
    }
}
