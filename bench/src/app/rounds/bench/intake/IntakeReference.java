package app.rounds.bench.intake;

import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * bench/run's intake ceiling of the stack itself: a bare JAX-RS endpoint on Payara Micro that takes a question as
 * Rounds' intake does (JSON in, 201 with JSON out) and does one JDBC INSERT for it, through the same pool class and
 * sizes as Rounds' (no screening, no board event, no idempotency, no transaction manager). Deployed alone as
 * target/intake-reference.war on a Payara Micro of its own, pinned to the app's core; the table is made by bench/run.
 */
@ApplicationPath("/")
@DataSourceDefinition(
        name = IntakeReference.DATASOURCE,
        className = "app.rounds.platform.control.LocalTransactionsDataSource",
        url = "${MPCONFIG=reference.db.url}",
        user = "root",
        password = "",
        minPoolSize = 2,
        maxPoolSize = 32)
public class IntakeReference extends Application {

    static final String DATASOURCE = "java:app/jdbc/reference";

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(Questions.class);
    }

    @Path("questions")
    @ApplicationScoped
    public static class Questions {

        @Resource(lookup = DATASOURCE)
        DataSource database;

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        public Response ask(JsonObject question) throws SQLException {
            String id = UUID.randomUUID().toString();
            try (Connection connection = database.getConnection();
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO reference_question (id, text, created_at) VALUES (?, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, question.getString("text"));
                insert.setTimestamp(3, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
            return Response.status(Response.Status.CREATED).entity(Json.createObjectBuilder().add("id", id).build())
                    .build();
        }
    }
}
