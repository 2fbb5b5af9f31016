package dev.kurashi.shop.resilience;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Tells an exception that says "a dependency is not there right now" (answered 503 with Retry-After, or from the
 * stale store) from one that says "the input was something PostgreSQL refuses" (a 400) and from a bug (a 500).
 * It walks the whole cause chain: Hibernate, Narayana and Arc wrap the driver's {@link SQLException}.
 */
public final class DependencyFailures {

    public enum Kind {
        /** The database refused or dropped the connection, or the pool had none to give in time. */
        DATABASE_UNAVAILABLE,
        /** PostgreSQL refused a value (SQLSTATE class 22, data exception, or 54, a limit such as index row size). */
        REFUSED_DATA,
        /** Anything else: a bug. */
        OTHER
    }

    private DependencyFailures() {}

    public static Kind classify(Throwable failure) {
        // Causes and suppressed exceptions both: Narayana reports a commit that failed on a dropped connection
        // as a RollbackException whose XAException (with the driver's SQLException) is only suppressed.
        java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        todo.add(failure);
        Kind found = Kind.OTHER;
        while (!todo.isEmpty() && seen.size() < 64) {
            Throwable t = todo.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            Kind kind = classifyOne(t);
            if (kind == Kind.DATABASE_UNAVAILABLE) {
                return kind;
            }
            if (kind == Kind.REFUSED_DATA) {
                found = kind;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            todo.addAll(java.util.List.of(t.getSuppressed()));
        }
        return found;
    }

    private static Kind classifyOne(Throwable t) {
        if (t instanceof SQLException sql) {
            return classify(sql);
        }
        if (t instanceof ConnectException || t instanceof SocketTimeoutException || t instanceof SocketException) {
            return Kind.DATABASE_UNAVAILABLE;
        }
        if (t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
            return Kind.DATABASE_UNAVAILABLE;
        }
        return Kind.OTHER;
    }

    static Kind classify(SQLException sql) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        String message = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(Locale.ROOT);
        if (state.startsWith("08") // connection exception
                || state.startsWith("57P") // admin shutdown, crash shutdown, cannot connect now
                || state.equals("53300") // too many connections
                || state.startsWith("28") // credentials rejected (a rotation in progress)
                || state.equals("25006") // read-only transaction: a failed-over writer that is now a reader
                || (state.equals("55000") && message.contains("not currently accepting connections"))
                || message.contains("acquisition timeout")
                || message.contains("this connection has been closed")) {
            return Kind.DATABASE_UNAVAILABLE;
        }
        if (state.startsWith("22") || state.startsWith("54")) {
            return Kind.REFUSED_DATA;
        }
        return Kind.OTHER;
    }
}
