package app.rounds.testing;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/**
 * The WAR the build produced, deployed at the root context as in production. Integration tests deploy it whole
 * rather than hand-picked classes, so they test what ships.
 */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive rounds() {
        File war = new File(System.getProperty("rounds.war", "target/rounds.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("No WAR at " + war + ": run the integration tests through Maven (verify)");
        }
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
    }

    public static String adminPassword() {
        return System.getProperty("rounds.it.admin.password", "it-admin-password-1");
    }
}
