package app.rounds.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Starts Payara Micro through its launcher with the JDK's ahead-of-time cache (JEP 483, JDK 25+): about half the
 * start-up time on one core (25 s to 12 s, docs/BENCHMARKS.md "Start-up"). The launcher
 * ({@code --rootdir … --outputlauncher}) puts Payara's runtime jars on the class path, where the JDK can cache their
 * classes, loaded and linked. In three steps, one a start: a start without a cache records what it loads
 * ({@code -XX:AOTMode=record}, written as it stops); the next start first makes the cache from that record
 * ({@code -XX:AOTMode=create}, a few seconds, no server started) and reads it, as do the starts after it. (The JDK's
 * one-step {@code -XX:AOTCacheOutput} makes the cache in a process of its own after the server stopped, which
 * {@code -Prun}'s stopping killed.) The application's own classes are not in it (Payara loads them itself), so a
 * cache outlives rebuilds of the WAR; a new Payara Micro makes a new launcher and so a new record. A cache the JDK
 * cannot use is ignored with a warning, never fatal. Used by {@code ./mvnw -Prun} (one instance) and bench/run.
 */
public final class StartupCache {

    /** The first JDK with {@code -XX:AOTCacheOutput}. */
    static final int FIRST_JDK = 25;

    private StartupCache() {
    }

    /**
     * {@code command} ({@code java [options] -jar payara-micro.jar [arguments]}) starting Payara Micro through the
     * launcher in {@code rootDir} (made when missing or older than the jar) with the cache {@code cache}: read when
     * it is newer than the launcher; made first from the record {@code cache.config} when that is; else recorded by
     * this start. Unchanged before JDK 25 or without {@code -jar}.
     */
    public static List<String> applied(List<String> command, Path rootDir, Path cache)
            throws IOException, InterruptedException {
        int jar = command.indexOf("-jar") + 1;
        if (Runtime.version().feature() < FIRST_JDK || jar == 0 || jar >= command.size()) {
            return command;
        }
        Path payaraMicro = Path.of(command.get(jar));
        Path launcher = rootDir.resolve("launch-micro.jar");
        Path domain = rootDir.resolve("config").resolve("domain.xml");
        Path firstDomain = domain.resolveSibling("domain.xml.first");
        if (!Files.exists(launcher) || olderThan(launcher, payaraMicro) || !Files.exists(firstDomain)) {
            deleteTree(rootDir);
            if (!succeeded(List.of(command.getFirst(), "-jar", payaraMicro.toString(), "--rootdir",
                    rootDir.toString(), "--outputlauncher")) || !Files.exists(domain)) {
                return command; // started as before: slower, not broken
            }
            Files.copy(domain, firstDomain);
        }
        // Payara Micro keeps what a start deployed in the root directory (domain.xml and applications/) and deploys it
        // again at the next start, beside --deploy: the application started twice and /health/ready said 200 between
        // the two. Each start begins from the configuration the launcher was made with.
        Files.copy(firstDomain, domain, StandardCopyOption.REPLACE_EXISTING);
        deleteTree(rootDir.resolve("applications"));
        List<String> options = command.subList(0, jar - 1);
        Path record = cache.resolveSibling(cache.getFileName() + ".config");
        boolean cached = fresh(cache, launcher) || fresh(record, launcher) && succeeded(concat(options,
                List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + record, "-XX:AOTCache=" + cache, "-jar",
                        launcher.toString())));
        return concat(options, cached ? List.of("-XX:AOTCache=" + cache)
                        : List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + record),
                List.of("-jar", launcher.toString()), command.subList(jar + 1, command.size()));
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    private static boolean succeeded(List<String> command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor() == 0;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> tree = Files.walk(dir)) {
                for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static boolean fresh(Path file, Path launcher) throws IOException {
        return Files.exists(file) && !olderThan(file, launcher);
    }

    private static boolean olderThan(Path file, Path other) throws IOException {
        return Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(other)) < 0;
    }

    /**
     * For bench/run: prints, one a line, what replaces {@code -jar <payara-micro.jar>} in its command: the cache
     * options, {@code -jar} and the launcher. Arguments: the Payara Micro jar, the root directory, the cache file, and
     * the JVM options of the start (the record and the cache must be made with the same).
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        List<String> options = List.of(args).subList(3, args.length);
        List<String> command = concat(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()),
                options, List.of("-jar", args[0]));
        applied(command, Path.of(args[1]), Path.of(args[2])).stream().skip(1 + options.size())
                .forEach(System.out::println);
    }
}
