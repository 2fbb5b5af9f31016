package dev.kurashi.telemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.sentry.Sentry;
import io.sentry.SentryEvent;
import io.sentry.SentryLevel;
import io.sentry.protocol.Message;
import io.sentry.protocol.SentryId;
import io.sentry.protocol.User;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jboss.logging.MDC;
import org.jboss.logmanager.ExtLogRecord;

/** A JUL handler on the root logger: each record at ERROR (SEVERE) or above becomes one Sentry event. */
final class SentryLogHandler extends Handler {

    private static final ThreadLocal<Boolean> CAPTURING = ThreadLocal.withInitial(() -> false);

    private final String application;

    SentryLogHandler(String application) {
        this.application = application;
        setLevel(Level.SEVERE);
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() < Level.SEVERE.intValue()
                || String.valueOf(record.getLoggerName()).startsWith("io.sentry")
                || CAPTURING.get()) {
            return;
        }
        CAPTURING.set(true);
        try {
            Sentry.captureEvent(event(record));
        } finally {
            CAPTURING.set(false);
        }
    }

    SentryEvent event(LogRecord record) {
        SentryEvent event = record.getThrown() == null ? new SentryEvent() : new SentryEvent(record.getThrown());
        event.setLevel(record.getLevel().intValue() > Level.SEVERE.intValue() ? SentryLevel.FATAL : SentryLevel.ERROR);
        event.setLogger(record.getLoggerName());
        Message message = new Message();
        message.setFormatted(
                record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : String.valueOf(record.getMessage()));
        event.setMessage(message);
        event.setTag("app", application);
        String traceId = traceId();
        if (traceId != null) {
            event.setTag("trace_id", traceId);
            event.getContexts()
                    .setTrace(new io.sentry.SpanContext(
                            new SentryId(traceId), new io.sentry.SpanId(), "log", null, null));
        }
        Object customer = MDC.get(ErrorReporting.CUSTOMER_MDC_KEY);
        if (customer != null) {
            User user = new User();
            user.setId(customer.toString());
            event.setUser(user);
        }
        return event;
    }

    /** The current span's trace id, or the one the MDC holds (worker threads put it there themselves). */
    private static String traceId() {
        SpanContext span = Span.current().getSpanContext();
        if (span.isValid()) {
            return span.getTraceId();
        }
        Object fromMdc = MDC.get("traceId");
        return fromMdc == null || fromMdc.toString().isBlank() ? null : fromMdc.toString();
    }

    @Override
    public void flush() {
        Sentry.flush(2000);
    }

    @Override
    public void close() {}
}
