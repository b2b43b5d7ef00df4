package app.rounds.ingest.boundary;

import app.rounds.ingest.control.Sources;
import app.rounds.ingest.control.Sources.SourceView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import java.util.List;

/**
 * The ingest sources in {@code /health}: how many run, back off, fail or are stopped, and the largest lag. Always UP:
 * a failing Mastodon instance is not a reason to restart Rounds. Counts only: /health is public, details are for staff.
 */
@Liveness
@ApplicationScoped
public class IngestHealth implements HealthCheck {

    @Inject
    Sources sources;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("ingest-sources").up();
        try {
            List<SourceView> all = sources.all();
            for (var state : app.rounds.ingest.entity.SourceState.values()) {
                response.withData(state.name().toLowerCase(), all.stream().filter(s -> s.state() == state).count());
            }
            all.stream().filter(SourceView::enabled).map(SourceView::lagSeconds).filter(java.util.Objects::nonNull)
                    .max(Long::compare).ifPresent(lag -> response.withData("maxLagSeconds", lag));
        } catch (RuntimeException e) {
            response.withData("error", e.getClass().getSimpleName());
        }
        return response.build();
    }
}
