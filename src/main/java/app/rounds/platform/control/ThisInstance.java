package app.rounds.platform.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * This running instance's name among those of a cluster, in the database: "pid@host" and a random part, so that a
 * restarted process (whose pid may come again) is another instance. At most 100 characters.
 */
public final class ThisInstance {

    public static final String NAME = name();

    private ThisInstance() {
    }

    private static String name() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        String name = ProcessHandle.current().pid() + "@" + host + " " + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 100 ? name.substring(0, 100) : name;
    }
}
