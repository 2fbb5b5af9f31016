package dev.kurashi.cache;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Makes this process's read caches stale whenever the database announces a change on {@value #CHANNEL}
 * (ADR 1001). The notifications come from triggers (V1001__cache_invalidation.sql): an outbox row of a staff
 * change ({@code ProductChanged}, {@code ArticleChanged}, {@code StockReplenished}) and a stock row whose
 * availability flips. PostgreSQL delivers them at commit, to every task listening, within milliseconds.
 *
 * <p>The listener holds one connection of the writer (notifications are not replicated to Aurora readers) on a
 * daemon thread. While it cannot listen, notifications are lost: every (re)connection therefore makes all caches
 * stale once, and {@link CacheConfig#freshFor()} bounds staleness anyway. Start-up does not wait for it.
 */
@ApplicationScoped
class CacheInvalidationListener {

    public static final String CHANNEL = "kurashi_cache";

    private static final Logger LOG = Logger.getLogger(CacheInvalidationListener.class);
    private static final int WAIT_MILLIS = 500;

    private final ReadCaches caches;
    private final CacheConfig config;
    private final AgroalDataSource dataSource;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    public CacheInvalidationListener(ReadCaches caches, CacheConfig config, AgroalDataSource dataSource) {
        this.caches = caches;
        this.config = config;
        this.dataSource = dataSource;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        running = true;
        thread =
                Thread.ofPlatform().daemon().name("cache-invalidation-listener").start(this::run);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Whether the LISTEN connection is open (a readiness detail for people; tests wait for it). */
    public boolean listening() {
        return listening;
    }

    private void run() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                listening = true;
                // whatever changed while nobody listened
                caches.invalidateAll();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        caches.invalidateAll();
                        LOG.debugf("Caches invalidated by %s", notifications[0].getParameter());
                    }
                }
                try (Statement statement = connection.createStatement()) {
                    // the connection goes back to the pool: it must not keep collecting notifications there
                    statement.execute("UNLISTEN *");
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf(
                            "Cache invalidation LISTEN failed (%s); retrying in %s",
                            e.getMessage(), config.reconnectAfter());
                }
            } finally {
                listening = false;
            }
            sleep();
        }
    }

    private void sleep() {
        try {
            Thread.sleep(config.reconnectAfter().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
