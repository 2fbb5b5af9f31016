package dev.kurashi.batchworker;

import dev.kurashi.devstack.client.DevstackProcess;
import dev.kurashi.devstack.client.DevstackResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The devstack, with this module's own database ({@value #NAME}, recreated once per test JVM) and its own search
 * aliases. Batch tests run Quartz clusters, rebuild whole indices and prune tables: on the shared database and
 * aliases they would disturb the other modules' tests running at the same time.
 */
public class BatchDatabase extends DevstackResource {

    static final String NAME = "kurashi_batch_test";
    static final String PRODUCT_ALIAS = "batch-test-products";
    static final String ARTICLE_ALIAS = "batch-test-articles";
    private static final String CREATED = "kurashi.batch-test.database";

    @Override
    public Map<String, String> start() {
        Map<String, String> properties = new HashMap<>(super.start());
        properties.put("quarkus.datasource.jdbc.url", jdbcUrl(devstack()));
        properties.put("kurashi.search.product-alias", PRODUCT_ALIAS);
        properties.put("kurashi.search.article-alias", ARTICLE_ALIAS);
        return properties;
    }

    /** The JDBC URL of the batch test database, recreated empty the first time this JVM asks. */
    static synchronized String jdbcUrl(DevstackProcess devstack) {
        @SuppressWarnings("unchecked")
        Map<String, Object> pg = (Map<String, Object>) devstack.endpoints().get("postgres");
        String base = "jdbc:postgresql://" + pg.get("host") + ":" + pg.get("port") + "/";
        if (System.getProperty(CREATED) == null) {
            try (Connection admin = DriverManager.getConnection(
                            base + "postgres", (String) pg.get("adminUsername"), (String) pg.get("adminPassword"));
                    Statement sql = admin.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
                sql.execute("CREATE DATABASE " + NAME + " OWNER " + pg.get("username"));
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the batch test database", e);
            }
            System.setProperty(CREATED, "true");
        }
        return base + NAME;
    }

    static Map<String, Object> postgres() {
        @SuppressWarnings("unchecked")
        Map<String, Object> pg = (Map<String, Object>) devstack().endpoints().get("postgres");
        return pg;
    }
}
