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
                Optional.of(new RunRounds.FirstAdmin("admin", "k7QmZ2pWx9RtB4nY6sVc"))));

        assertTrue(block.contains("| Rounds is ready: http://localhost:18080 "), block);
        assertTrue(block.contains("http://localhost:18080/login.html as admin with the password"), block);
        assertTrue(block.contains("k7QmZ2pWx9RtB4nY6sVc"), block);
        assertTrue(block.contains("change it under Your account"), block);
        List<String> frame = block.strip().lines().toList();
        assertTrue(frame.stream().allMatch(line -> line.length() == frame.getFirst().length()), block);
    }

    @Test
    void withoutANewAdminItSaysWhereStaffLogIn() {
        List<String> lines = RunRounds.readyBlock(8080, Optional.empty());

        assertTrue(lines.contains("Staff log in at http://localhost:8080/login.html"), lines.toString());
        assertTrue(lines.stream().noneMatch(line -> line.contains("password")), lines.toString());
    }
}
