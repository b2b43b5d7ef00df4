package app.rounds.run;

import java.util.Optional;

/**
 * Notices that a process which is not our child is gone: Maven, killed with SIGKILL, runs none of its shutdown
 * hooks, so what it started must notice by itself. The JDK polls a process that is not a child of ours (every 0.3 s,
 * slowing to every 5 s) and tells a recycled process id from the one it watched by its start time.
 */
final class ParentWatch {

    private ParentWatch() {
    }

    /** Runs {@code then} on a thread of its own once {@code watched} has exited; at once when it is already gone. */
    static void whenGone(Optional<ProcessHandle> watched, Runnable then) {
        if (watched.isEmpty() || !watched.get().isAlive()) {
            Thread.ofPlatform().name("parent-gone").start(then);
            return;
        }
        // off the JDK's process-reaper thread: `then` may stop the JVM and wait for other processes to exit
        watched.get().onExit().thenRun(() -> Thread.ofPlatform().name("parent-gone").start(then));
    }
}
