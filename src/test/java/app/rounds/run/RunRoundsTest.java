package app.rounds.run;

import app.rounds.security.control.FirstAdmin;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunRoundsTest {

    @Test
    void findsTheGeneratedPasswordInTheLineFirstAdminLogs() {
        String logged = "[2026-12-05T16:50:00.123+0000] [] [WARNING] [] [app.rounds.security.control.FirstAdmin] "
                + FirstAdmin.generatedPasswordNotice("admin", "k7QmZ2pWx9RtB4nY6sVc");

        assertEquals(Optional.of(new RunRounds.FirstAdmin("admin", "k7QmZ2pWx9RtB4nY6sVc")),
                RunRounds.firstAdminIn(logged));
        assertEquals(Optional.empty(), RunRounds.firstAdminIn("Created the first admin 'admin' with the password "
                + "from ROUNDS_ADMIN_PASSWORD."));
    }

    @Test
    void saysWhereToGoAndTheFirstAdminsPasswordInOneFrame() {
        String block = RunRounds.rendered(RunRounds.readyBlock(18080,
                Optional.of(new RunRounds.FirstAdmin("admin", "k7QmZ2pWx9RtB4nY6sVc")), List.of(18080)));

        assertTrue(block.contains("| Rounds is ready: http://localhost:18080 "), block);
        assertTrue(block.contains("http://localhost:18080/login.html as admin with the password"), block);
        assertTrue(block.contains("k7QmZ2pWx9RtB4nY6sVc"), block);
        assertTrue(block.contains("change it under Your account"), block);
        List<String> frame = block.strip().lines().toList();
        assertTrue(frame.stream().allMatch(line -> line.length() == frame.getFirst().length()), block);
    }

    @Test
    void withoutANewAdminItSaysWhereStaffLogIn() {
        List<String> lines = RunRounds.readyBlock(8080, Optional.empty(), List.of(8080));

        assertTrue(lines.contains("Staff log in at http://localhost:8080/login.html"), lines.toString());
        assertTrue(lines.stream().noneMatch(line -> line.contains("password")), lines.toString());
    }

    @Test
    void aClusterMemberJoinsTheOthersOnTheLoopbackWithPortsOfItsOwn() {
        List<String> alone = List.of("java", "-jar", "payara-micro.jar", "--nocluster", "--prebootcommandfile",
                "preboot.asadmin", "--port", "8080", "--contextroot", "/", "--deploy", "rounds.war");

        assertEquals(List.of("java", "-jar", "payara-micro.jar", "--clustername", "rounds-dev", "--interfaces",
                        "127.0.0.1", "--startport", "5901", "--clustermode", "tcpip:127.0.0.1:5900,127.0.0.1:5901",
                        "--prebootcommandfile", "preboot.asadmin", "--port", "8082", "--contextroot", "/", "--deploy",
                        "rounds.war"),
                RunRounds.memberCommand(alone, 2, 2, 8080, 5900));
    }

    @Test
    void withSeveralInstancesItSaysTheyAreBehindTheLoadBalancer() {
        List<String> lines = RunRounds.readyBlock(8080, Optional.empty(), List.of(8081, 8082));

        assertEquals("Rounds is ready: http://localhost:8080", lines.getFirst());
        assertTrue(lines.contains("(HAProxy in front of 2 clustered instances, on ports 8081, 8082)"), lines.toString());
    }
}
