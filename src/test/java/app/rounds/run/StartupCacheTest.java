package app.rounds.run;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** How a Payara Micro command is started through the launcher with the JDK's start-up cache. */
class StartupCacheTest {

    @TempDir
    Path dir;
    private Path jar;
    private Path root;
    private Path launcher;
    private Path cache;

    @BeforeEach
    void payaraMicroWithItsLauncher() throws IOException {
        assumeTrue(Runtime.version().feature() >= StartupCache.FIRST_JDK, "the cache needs JDK 25");
        jar = touched(dir.resolve("payara-micro.jar"), 1_000);
        root = dir.resolve("micro-root");
        Files.createDirectories(root);
        launcher = touched(root.resolve("launch-micro.jar"), 2_000);
        Files.createDirectories(root.resolve("config"));
        Files.writeString(root.resolve("config/domain.xml.first"), "<domain/>");
        cache = dir.resolve("rounds.aot");
    }

    private static Path touched(Path file, long epochSecond) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(epochSecond)));
        return file;
    }

    private List<String> command() {
        return List.of("java", "-Xmx512m", "-jar", jar.toString(), "--port", "8080", "--deploy", "rounds.war");
    }

    @Test
    void aStartWithoutACacheRecordsWhatItLoadsThroughTheLauncher() throws Exception {
        assertEquals(List.of("java", "-Xmx512m", "-XX:AOTMode=record", "-XX:AOTConfiguration=" + cache + ".config",
                "-jar", launcher.toString(), "--port", "8080", "--deploy", "rounds.war"),
                StartupCache.applied(command(), root, cache));
    }

    @Test
    void aStartWithACacheReadsIt() throws Exception {
        touched(cache, 3_000);
        assertEquals(List.of("java", "-Xmx512m", "-XX:AOTCache=" + cache, "-jar", launcher.toString(), "--port",
                "8080", "--deploy", "rounds.war"), StartupCache.applied(command(), root, cache));
    }

    @Test
    void aCacheAndARecordOlderThanTheLauncherAreRecordedAgain() throws Exception {
        touched(cache, 1_500); // made for the Payara Micro before the last one
        touched(dir.resolve("rounds.aot.config"), 1_500);
        assertEquals("-XX:AOTMode=record", StartupCache.applied(command(), root, cache).get(2));
    }

    @Test
    void aRecordTheJdkCannotMakeACacheFromIsRecordedAgain() throws Exception {
        touched(dir.resolve("rounds.aot.config"), 3_000); // not a record: the JDK refuses to make a cache of it
        assertEquals("-XX:AOTMode=record", StartupCache.applied(command(), root, cache).get(2));
    }

    @Test
    void eachStartDeploysOnlyWhatItsCommandSays() throws Exception {
        // what the last start deployed: Payara Micro would deploy it again beside --deploy
        Files.writeString(root.resolve("config/domain.xml"), "<domain><application name=\"rounds\"/></domain>");
        Files.createDirectories(root.resolve("applications/rounds/WEB-INF"));
        StartupCache.applied(command(), root, cache);
        assertEquals("<domain/>", Files.readString(root.resolve("config/domain.xml")));
        assertFalse(Files.exists(root.resolve("applications")));
        assertTrue(Files.exists(launcher));
    }

    @Test
    void aCommandWithoutAJarIsLeftAsItIs() throws Exception {
        List<String> command = List.of("java", "-version");
        assertEquals(command, StartupCache.applied(command, root, cache));
    }
}
