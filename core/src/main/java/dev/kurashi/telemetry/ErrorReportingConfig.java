package dev.kurashi.telemetry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Error tracking with Sentry; see {@link ErrorReporting}. */
@ConfigMapping(prefix = "kurashi.errors")
public interface ErrorReportingConfig {

    /**
     * Sentry DSN: in AWS from Secrets Manager (the task definition's {@code SENTRY_DSN} secret), locally the
     * devstack's sink. Without one nothing is sent.
     */
    Optional<String> dsn();

    /** Sentry's environment tag: prod, stg, local. */
    @WithDefault("local")
    String environment();

    /** The git commit the image was built from (the Dockerfile's {@code GIT_COMMIT}, env {@code KURASHI_RELEASE}). */
    @WithDefault("unknown")
    String release();
}
