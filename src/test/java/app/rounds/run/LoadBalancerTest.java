package app.rounds.run;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class LoadBalancerTest {

    @Test
    void itsConfigurationNamesEveryInstanceAndHAProxyAcceptsIt() throws Exception {
        String config = LoadBalancer.config(8080, List.of(8081, 8082));
        assertTrue(config.contains("server app1 127.0.0.1:8081") && config.contains("server app2 127.0.0.1:8082"),
                config);
        assertTrue(config.contains("bind 127.0.0.1:8080"), config);

        assumeTrue(LoadBalancer.available(), "HAProxy is not installed");
        Path file = Files.createTempFile("haproxy", ".cfg");
        try {
            Files.writeString(file, config);
            Process check = new ProcessBuilder("haproxy", "-c", "-f", file.toString()).redirectErrorStream(true)
                    .start();
            String said = new String(check.getInputStream().readAllBytes());
            assertEquals(0, check.waitFor(), said);
        } finally {
            Files.delete(file);
        }
    }
}
