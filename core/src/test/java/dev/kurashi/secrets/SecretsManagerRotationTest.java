package dev.kurashi.secrets;

import static dev.kurashi.secrets.RotatingDataSourceProfile.MISSING_SECRET;
import static dev.kurashi.secrets.RotatingDataSourceProfile.ROTATING_SECRET;
import static dev.kurashi.secrets.RotatingDataSourceProfile.UNRESPONSIVE_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Aurora's managed rotation, replayed: the password changes in PostgreSQL and in the secret, and
 * new connections succeed without a restart while open ones keep working.
 */
@QuarkusTest
@TestProfile(RotatingDataSourceProfile.class)
class SecretsManagerRotationTest {

    private static final String ROLE = "kurashi_rotating";
    private static final int CONCURRENT_CONNECTIONS = 20;

    @Inject
    @DataSource("rotating")
    AgroalDataSource rotating;

    @Inject
    @DataSource("unreadable")
    AgroalDataSource unreadable;

    @Inject
    SecretsManagerCredentialsProvider provider;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.secretsmanager.endpoint-override")
    URI secretsManager;

    private WireMock wireMock;

    @BeforeEach
    void connectToStub() {
        wireMock = SecretsManagerWireMockResource.client(secretsManager);
    }

    @Test
    void newConnectionsUseTheRotatedPasswordWithoutARestart() throws Exception {
        String first = newPassword();
        asAdmin("DROP ROLE IF EXISTS " + ROLE, "CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + first + "'");
        SecretsManagerWireMockResource.stubSecret(wireMock, ROTATING_SECRET, ROLE, first);

        // Connections are held, never returned, so each getConnection() opens a physical connection.
        List<Connection> held = new ArrayList<>();
        try {
            held.add(rotating.getConnection());
            held.add(rotating.getConnection());
            assertEquals(ROLE, currentUser(held.get(0)));
            assertEquals(ROLE, currentUser(held.get(1)));
            assertEquals(1, reads(), "two physical connections, one read of the secret");
            String physical = ((io.agroal.pool.wrapper.ConnectionWrapper) held.get(0))
                    .getHandler()
                    .rawConnection()
                    .getClass()
                    .getName();
            assertTrue(
                    physical.startsWith("software.amazon.jdbc."),
                    "connections go through the AWS Advanced JDBC Wrapper, as in prod (ADR 1102): " + physical);

            rotate(newPassword());
            held.add(rotating.getConnection());
            assertEquals(ROLE, currentUser(held.get(2)));
            assertEquals(ROLE, currentUser(held.get(0)), "an open connection outlives the rotation");
            assertEquals(2, reads(), "the rejected password made the secret be read again, once");

            rotate(newPassword());
            held.addAll(openConcurrently(CONCURRENT_CONNECTIONS));
            for (Connection connection : held) {
                assertEquals(ROLE, currentUser(connection));
            }
            assertEquals(3, reads(), "20 connections hitting the rotation cost one read");
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    @Test
    void aMissingSecretFailsTheConnectionWithAClearError() {
        SecretsManagerWireMockResource.stubMissingSecret(wireMock, MISSING_SECRET);
        // Agroal passes the provider's exception through getConnection() unwrapped.
        SecretUnavailableException e = assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> assertThrows(SecretUnavailableException.class, () -> {
                    try (Connection ignored = unreadable.getConnection()) {
                        // not reached
                    }
                }));
        assertEquals(
                "Cannot read database credentials from Secrets Manager secret '" + MISSING_SECRET
                        + "': Secrets Manager can't find the specified secret.",
                e.getMessage().substring(0, e.getMessage().indexOf(" (Service: SecretsManager")));
    }

    @Test
    void anUnresponsiveSecretsManagerFailsWithinTheCallTimeout() {
        SecretsManagerWireMockResource.stubUnresponsiveSecret(wireMock, UNRESPONSIVE_SECRET, 10_000);
        SecretUnavailableException e = assertTimeoutPreemptively(
                Duration.ofSeconds(6),
                () -> assertThrows(
                        SecretUnavailableException.class, () -> provider.getCredentials(UNRESPONSIVE_SECRET)));
        assertTrue(e.getMessage().contains(UNRESPONSIVE_SECRET), e.getMessage());
    }

    private void rotate(String password) throws SQLException {
        asAdmin("ALTER ROLE " + ROLE + " PASSWORD '" + password + "'");
        SecretsManagerWireMockResource.stubSecret(wireMock, ROTATING_SECRET, ROLE, password);
    }

    private List<Connection> openConcurrently(int count) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Connection>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return rotating.getConnection();
                }));
            }
            start.countDown();
            List<Connection> connections = new ArrayList<>();
            for (Future<Connection> future : futures) {
                connections.add(future.get(30, TimeUnit.SECONDS));
            }
            return connections;
        } finally {
            threads.shutdownNow();
        }
    }

    private int reads() {
        return SecretsManagerWireMockResource.reads(wireMock, ROTATING_SECRET);
    }

    private void asAdmin(String... statements) throws SQLException {
        try (Connection admin = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement statement = admin.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String currentUser(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT current_user")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String newPassword() {
        return UUID.randomUUID().toString();
    }
}
