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

/**
 * The PostgreSQL driver, plus one retry when the server rejects the password: the secret is read
 * again and the connection retried with what it holds now. Agroal gives no other hook on a failed
 * connection attempt (its pool interceptors only see connections that opened), so this is where
 * an Aurora rotation is noticed without waiting for the cache to expire. Selected with
 * {@code quarkus.datasource.jdbc.driver}; Agroal instantiates it by reflection.
 */
@RegisterForReflection
public final class RotationAwarePostgresDriver implements Driver {

    // SQLSTATE class 28: invalid_authorization_specification, invalid_password.
    private static final String INVALID_AUTHORIZATION = "28000";
    private static final String INVALID_PASSWORD = "28P01";

    private final Driver delegate = new org.postgresql.Driver();

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!delegate.acceptsURL(url)) {
            return null;
        }
        try {
            return delegate.connect(url, info);
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
                return delegate.connect(url, retry);
            } catch (SQLException second) {
                second.addSuppressed(rejected);
                throw second;
            }
        }
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
