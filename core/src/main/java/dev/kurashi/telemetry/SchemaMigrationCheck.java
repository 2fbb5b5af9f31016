package dev.kurashi.telemetry;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Startup check: UP once the app has started and the schema has no pending Flyway migration.
 *
 * <p>Locally Flyway migrates at start, before {@link StartupEvent}. In AWS a one-off task migrates
 * before a deploy (expand, deploy, contract), so pending migrations here mean the deploy overtook
 * the migration; the check keeps looking until they are applied, then stops querying the database.
 */
@Startup
@ApplicationScoped
class SchemaMigrationCheck implements HealthCheck {

    static final String NAME = "Schema migrations";

    private final Flyway flyway;
    private volatile boolean started;
    private volatile String schemaVersion;

    SchemaMigrationCheck(Flyway flyway) {
        this.flyway = flyway;
    }

    void onStart(@Observes StartupEvent event) {
        started = true;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named(NAME);
        if (!started) {
            return response.down().withData("reason", "application not started").build();
        }
        if (schemaVersion != null) {
            return response.up().withData("schemaVersion", schemaVersion).build();
        }
        try {
            var info = flyway.info();
            int pending = info.pending().length;
            MigrationInfo current = info.current();
            String version = current == null ? "empty" : String.valueOf(current.getVersion());
            if (pending > 0) {
                return response.down()
                        .withData("schemaVersion", version)
                        .withData("pendingMigrations", pending)
                        .build();
            }
            schemaVersion = version;
            return response.up().withData("schemaVersion", version).build();
        } catch (RuntimeException e) {
            return response.down()
                    .withData("reason", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
