package dev.kurashi.secrets;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The PostgreSQL driver, plus one retry when the server rejects the password: the secret is read
 * again and the connection retried with what it holds now. Agroal gives no other hook on a failed
 * connection attempt (its pool interceptors only see connections that opened), so this is where
 * an Aurora rotation is noticed without waiting for the cache to expire. Selected with
 * {@code quarkus.datasource.jdbc.driver}; Agroal instantiates it by reflection.
 *
 * <p>With {@value #PLUGINS_KEY} set (in {@code %prod}: {@code failover2,efm2}), connections go through the AWS
 * Advanced JDBC Wrapper with those plugins: Aurora failover to the new writer and enhanced failure monitoring
 * (ADR 1102). The {@code jdbc:postgresql:} URL stays as Terraform writes it; this driver turns it into
 * {@code jdbc:aws-wrapper:postgresql:}. {@code none} means the wrapper without plugins (tests on plain
 * PostgreSQL, which has no Aurora topology); unset means plain pgJDBC.
 */
@RegisterForReflection
public final class RotationAwarePostgresDriver implements Driver {

    // SQLSTATE class 28: invalid_authorization_specification, invalid_password.
    private static final String INVALID_AUTHORIZATION = "28000";
    private static final String INVALID_PASSWORD = "28P01";

    /** The AWS Advanced JDBC Wrapper's plugins ({@code wrapperPlugins}); unset: no wrapper. */
    static final String PLUGINS_KEY = "kurashi.datasource.aws-wrapper-plugins";

    private static final String POSTGRES_PREFIX = "jdbc:postgresql:";
    private static final String WRAPPER_PREFIX = "jdbc:aws-wrapper:postgresql:";

    private final Driver delegate = new org.postgresql.Driver();
    private final Optional<String> wrapperPlugins = ConfigProvider.getConfig()
            .getOptionalValue(PLUGINS_KEY, String.class)
            .map(plugins -> plugins.equals("none") ? "" : plugins);
    private volatile Driver wrapper;

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!delegate.acceptsURL(url)) {
            return null;
        }
        try {
            return open(url, info);
        } catch (SQLException rejected) {
            if (!isAuthenticationFailure(rejected)) {
                throw rejected;
            }
            Optional<DatabaseCredentials> fresh = freshCredentials(info, rejected);
            if (fresh.isEmpty()) {
                throw rejected;
            }
            Properties retry = new Properties();
            retry.putAll(info);
            retry.setProperty("user", fresh.get().username());
            retry.setProperty("password", fresh.get().password());
            try {
                return open(url, retry);
            } catch (SQLException second) {
                second.addSuppressed(rejected);
                throw second;
            }
        }
    }

    private Connection open(String url, Properties info) throws SQLException {
        if (wrapperPlugins.isEmpty()) {
            return delegate.connect(url, info);
        }
        Properties wrapped = new Properties();
        wrapped.putAll(info);
        wrapped.putIfAbsent("wrapperPlugins", wrapperPlugins.get());
        return wrapper().connect(WRAPPER_PREFIX + url.substring(POSTGRES_PREFIX.length()), wrapped);
    }

    private Driver wrapper() {
        Driver current = wrapper;
        if (current == null) {
            current = new software.amazon.jdbc.Driver();
            wrapper = current;
        }
        return current;
    }

    private static Optional<DatabaseCredentials> freshCredentials(Properties info, SQLException rejected) {
        String username = info.getProperty("user");
        String password = info.getProperty("password");
        ArcContainer container = Arc.container();
        if (username == null || password == null || container == null) {
            return Optional.empty();
        }
        try {
            return container
                    .instance(SecretsManagerCredentialsProvider.class)
                    .get()
                    .refreshRejected(username, password);
        } catch (RuntimeException e) {
            rejected.addSuppressed(e);
            return Optional.empty();
        }
    }

    static boolean isAuthenticationFailure(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && (INVALID_PASSWORD.equals(sql.getSQLState())
                            || INVALID_AUTHORIZATION.equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return delegate.acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return delegate.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return delegate.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return delegate.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return delegate.jdbcCompliant();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }
}
