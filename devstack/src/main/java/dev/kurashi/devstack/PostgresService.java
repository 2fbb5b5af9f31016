package dev.kurashi.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Embedded PostgreSQL 16 (zonky). zonky runs initdb with trust authentication; this class then sets the
 * passwords and switches host connections to scram-sha-256, so that a wrong password fails as it does on Aurora.
 */
final class PostgresService implements AutoCloseable {

    static final String DATABASE = "kurashi";
    static final String USER = "kurashi";
    static final String PASSWORD = "kurashi";
    static final String ADMIN_USER = "postgres";
    static final String ADMIN_PASSWORD = "postgres";

    private static final String PG_HBA =
            """
            # Written by the Kurashi devstack: passwords are checked, as on Aurora.
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128      scram-sha-256
            """;

    private final int port;
    private final Path dataDir;
    private final Path logFile;
    private EmbeddedPostgres postgres;

    PostgresService(Path stateDir, int port) {
        this.port = port;
        this.dataDir = stateDir.resolve("postgres");
        this.logFile = stateDir.resolve("postgres.log");
    }

    void start() throws IOException, SQLException, InterruptedException {
        Files.createDirectories(dataDir);
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setLocaleConfig("locale", "C")
                // Tests and `./kurashi up` run several apps with pools at once.
                .setServerConfig("max_connections", "300")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                // After the first start pg_hba asks for a password, also when zonky checks readiness.
                .setConnectConfig("password", ADMIN_PASSWORD)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(Redirect.appendTo(logFile.toFile()))
                .start();
        provision();
    }

    /** Idempotent: the data directory survives restarts of the devstack. */
    private void provision() throws SQLException, IOException, InterruptedException {
        try (Connection c = connect("postgres", ADMIN_USER, ADMIN_PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("ALTER ROLE postgres PASSWORD '" + ADMIN_PASSWORD + "'");
            s.execute(
                    """
                    DO $$ BEGIN
                      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kurashi') THEN
                        CREATE ROLE kurashi LOGIN CREATEROLE;
                      END IF;
                    END $$""");
            s.execute("ALTER ROLE kurashi LOGIN CREATEROLE PASSWORD '" + PASSWORD + "'");
            try (var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'kurashi'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE kurashi OWNER kurashi ENCODING 'UTF8' TEMPLATE template0");
                }
            }
            Files.writeString(dataDir.resolve("pg_hba.conf"), PG_HBA);
            s.execute("SELECT pg_reload_conf()");
        }
        awaitPasswordsChecked();
    }

    /** The reload is asynchronous: wait until the postmaster really rejects a wrong password. */
    private void awaitPasswordsChecked() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection ignored = connect(DATABASE, USER, "not-the-password")) {
                Thread.sleep(50);
            } catch (SQLException expected) {
                return;
            }
        }
        throw new IllegalStateException("PostgreSQL still accepts wrong passwords after switching pg_hba.conf");
    }

    /** A devstack killed with SIGKILL leaves its postmaster running (pg_ctl daemonizes it): stop it first. */
    void stopOrphanedPostmaster() throws IOException, InterruptedException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> postmaster = ProcessHandle.of(
                        Long.parseLong(lines.get(0).trim()))
                .filter(p -> p.info().command().orElse("").endsWith("postgres"));
        if (postmaster.isEmpty()) {
            return;
        }
        Devstack.log("stopping orphaned postgres (pid " + postmaster.get().pid() + ") left in " + dataDir);
        // SIGINT is PostgreSQL's "fast" shutdown.
        new ProcessBuilder("kill", "-INT", Long.toString(postmaster.get().pid()))
                .inheritIO()
                .start()
                .waitFor();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (postmaster.get().isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    static Connection connect(int port, String database, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return DriverManager.getConnection(jdbcUrl(port, database), props);
    }

    private Connection connect(String database, String user, String password) throws SQLException {
        return connect(port, database, user, password);
    }

    static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    String jdbcUrl() {
        return jdbcUrl(port, DATABASE);
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
