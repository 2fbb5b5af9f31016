package dev.kurashi.secrets;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How database credentials read from Secrets Manager are cached. Which secret a datasource uses is
 * its {@code quarkus.datasource.credentials-provider} value: the secret's name or ARN.
 */
@ConfigMapping(prefix = "kurashi.secrets")
public interface SecretsConfig {

    /** How long credentials are reused before the secret is read again. */
    @WithDefault("5m")
    Duration cacheTtl();

    /**
     * Shortest time between two reads of the same secret. Bounds the calls Secrets Manager sees when
     * the database keeps rejecting a password the secret still holds (rotation half-way, or a wrong
     * secret), and when Secrets Manager itself fails.
     */
    @WithDefault("1s")
    Duration minRefreshInterval();
}
