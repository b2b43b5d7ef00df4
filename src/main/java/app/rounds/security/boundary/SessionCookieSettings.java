package app.rounds.security.boundary;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Marks the session cookie Secure unless {@code rounds.cookie.secure=false} (for plain HTTP on a host other than
 * localhost; browsers accept Secure cookies from http://localhost), and always HttpOnly. SameSite=Strict is set in payara-web.xml.
 */
@WebListener
public class SessionCookieSettings implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        boolean secure = ConfigProvider.getConfig()
                .getValue("rounds.cookie.secure", Boolean.class);
        var cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setSecure(secure);
        cookie.setHttpOnly(true);
    }
}
