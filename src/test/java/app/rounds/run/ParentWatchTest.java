package app.rounds.run;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParentWatchTest {

    @Test
    void noticesThatAProcessWhichIsNotItsChildIsGone() throws Exception {
        // like Maven for the launcher: a process this JVM did not start (the shell that did has already exited)
        Process shell = new ProcessBuilder("sh", "-c", "sleep 600 >/dev/null 2>&1 & echo $!").start();
        long pid;
        try (var out = new BufferedReader(new InputStreamReader(shell.getInputStream()))) {
            pid = Long.parseLong(out.readLine().trim());
        }
        shell.waitFor();
        ProcessHandle stranger = ProcessHandle.of(pid).orElseThrow();
        try {
            var gone = new CountDownLatch(1);
            ParentWatch.whenGone(Optional.of(stranger), gone::countDown);

            assertEquals(1, gone.getCount(), "ran while the watched process was alive");
            stranger.destroyForcibly(); // as SIGKILL would
            assertTrue(gone.await(15, TimeUnit.SECONDS), "did not notice that the watched process was killed");
        } finally {
            stranger.destroyForcibly();
        }
    }

    @Test
    void runsAtOnceWhenThereIsNoParentToWatch() throws Exception {
        var gone = new CountDownLatch(1);
        ParentWatch.whenGone(Optional.empty(), gone::countDown);
        assertTrue(gone.await(5, TimeUnit.SECONDS));
    }

    @Test
    void runsOnAThreadOfItsOwnSoThatItMayStopTheJvm() throws Exception {
        Process child = new ProcessBuilder("sleep", "600").start();
        var thread = new java.util.concurrent.atomic.AtomicReference<String>();
        var gone = new CountDownLatch(1);
        ParentWatch.whenGone(Optional.of(child.toHandle()), () -> {
            thread.set(Thread.currentThread().getName());
            gone.countDown();
        });
        child.destroyForcibly();
        assertTrue(gone.await(15, TimeUnit.SECONDS));
        assertEquals("parent-gone", thread.get());
    }
}
