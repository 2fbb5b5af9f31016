package dev.kurashi.queueworker;

import dev.kurashi.devstack.client.Devstack;
import dev.kurashi.devstack.client.DevstackResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The devstack, with a database of this module's own: created empty once per test JVM in the devstack's
 * PostgreSQL and migrated by the app. The relay sends every unsent outbox row of its database, so sharing the
 * other modules' database would relay (and mail) their test events, and would apply this branch's migrations to a
 * database other branches migrate too.
 */
public class QueueWorkerDevstack implements QuarkusTestResourceLifecycleManager {

    static final String DATABASE = "kurashi_queue_worker_test";
    private static final String CREATED = "kurashi.queue-worker.test-database";

    private final DevstackResource devstack = new DevstackResource();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(devstack.start());
        String url = freshDatabase(DATABASE, System.getProperty(CREATED) == null);
        System.setProperty(CREATED, url);
        config.put("quarkus.datasource.jdbc.url", url);
        return config;
    }

    @Override
    public void stop() {
        devstack.stop();
    }

    /** The JDBC URL of {@code name}, dropped and created anew owned by the app's role when {@code recreate}. */
    @SuppressWarnings("unchecked")
    public static String freshDatabase(String name, boolean recreate) {
        Map<String, Object> postgres =
                (Map<String, Object>) Devstack.endpoints().get("postgres");
        String server = "jdbc:postgresql://" + postgres.get("host") + ":" + postgres.get("port") + "/";
        if (recreate) {
            try (Connection admin = DriverManager.getConnection(
                            server + "postgres", (String) postgres.get("adminUsername"), (String)
                                    postgres.get("adminPassword"));
                    Statement sql = admin.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                sql.execute("CREATE DATABASE " + name + " OWNER " + postgres.get("username") + " ENCODING 'UTF8'");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the test database " + name, e);
            }
        }
        return server + name;
    }
}
