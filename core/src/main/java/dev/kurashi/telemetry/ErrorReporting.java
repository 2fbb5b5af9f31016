package dev.kurashi.telemetry;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sentry.Sentry;
import io.sentry.SentryEvent;
import io.sentry.SentryOptions;
import io.sentry.protocol.SentryException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends every ERROR log record (which includes every unhandled exception: the apps' exception mappers and
 * Quarkus log them at ERROR) and every uncaught thread death to Sentry, with environment, release, the trace id
 * and a hashed customer id. {@link #scrub} runs on every event before it leaves: no request, no cookies, no
 * breadcrumbs, no host name, and personal data redacted from messages ({@link PersonalData}).
 */
@ApplicationScoped
public class ErrorReporting {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ErrorReporting.class);

    /** MDC key under which an app puts {@link PersonalData#hashCustomer} of the signed-in customer. */
    public static final String CUSTOMER_MDC_KEY = "customerHash";

    private final ErrorReportingConfig config;
    private final String application;
    private SentryLogHandler handler;

    ErrorReporting(ErrorReportingConfig config, @ConfigProperty(name = "quarkus.application.name") String application) {
        this.config = config;
        this.application = application;
    }

    void start(@Observes @Priority(1) StartupEvent event) {
        if (config.dsn().filter(dsn -> !dsn.isBlank()).isEmpty()) {
            LOG.info("Error tracking is off (no kurashi.errors.dsn)");
            return;
        }
        Sentry.init(options -> configure(options, config));
        handler = new SentryLogHandler(application);
        Logger.getLogger("").addHandler(handler);
        LOG.infof("Error tracking is on (environment %s, release %s)", config.environment(), config.release());
    }

    void stop(@Observes ShutdownEvent event) {
        if (handler != null) {
            Logger.getLogger("").removeHandler(handler);
            Sentry.close();
        }
    }

    static void configure(SentryOptions options, ErrorReportingConfig config) {
        options.setDsn(config.dsn().orElseThrow());
        options.setEnvironment(config.environment());
        options.setRelease(config.release());
        options.setSendDefaultPii(false);
        options.setAttachServerName(false);
        options.setMaxBreadcrumbs(0);
        options.setBeforeSend((event, hint) -> scrub(event));
    }

    /** Removes or redacts everything that could hold personal data; keeps what locates the error. */
    static SentryEvent scrub(SentryEvent event) {
        event.setRequest(null);
        event.setBreadcrumbs(null);
        event.setExtras(null);
        event.setServerName(null);
        if (event.getUser() != null) {
            String id = event.getUser().getId();
            event.setUser(null);
            if (id != null) {
                io.sentry.protocol.User user = new io.sentry.protocol.User();
                user.setId(id);
                event.setUser(user);
            }
        }
        if (event.getMessage() != null) {
            event.getMessage()
                    .setFormatted(PersonalData.redact(event.getMessage().getFormatted()));
            event.getMessage().setMessage(PersonalData.redact(event.getMessage().getMessage()));
            event.getMessage().setParams(null);
        }
        if (event.getExceptions() != null) {
            for (SentryException exception : event.getExceptions()) {
                exception.setValue(PersonalData.redact(exception.getValue()));
            }
        }
        return event;
    }
}
