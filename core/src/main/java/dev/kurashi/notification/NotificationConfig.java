package dev.kurashi.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Sending mail and push at most once per event and recipient; see {@link NotificationService}. */
@ConfigMapping(prefix = "kurashi.notification")
public interface NotificationConfig {

    /**
     * How long a sender holds a send it recorded as PENDING before another delivery of the message may take it
     * over (the first sender died mid-call). Longer than any provider call, so a live sender is never doubled.
     */
    @WithDefault("60s")
    Duration sendLease();

    /**
     * Where e-mail addresses missing from the customers table come from: {@code cognito} (the user pool, in
     * AWS) or {@code local} ({@code <sub>@example.invalid}, refused in the prod profile).
     */
    @WithDefault("local")
    String directory();

    /** The Cognito user pool of the {@code cognito} directory. */
    Optional<String> cognitoUserPoolId();

    @WithDefault("ap-northeast-1")
    String cognitoRegion();
}
