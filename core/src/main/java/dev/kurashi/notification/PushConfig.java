package dev.kurashi.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Push providers: Gunfish in front of APNs for iOS, FCM HTTP v1 for Android. Nothing here is required. */
@ConfigMapping(prefix = "kurashi.push")
public interface PushConfig {

    /** Gunfish base URL; {@code /push/apns} is appended. */
    Optional<URI> gunfishUrl();

    /** FCM base URL; {@code /v1/projects/{project}/messages:send} is appended. */
    @WithDefault("https://fcm.googleapis.com")
    URI fcmUrl();

    /** The Firebase project id. */
    @WithDefault("kurashi-local")
    String fcmProject();

    /**
     * How FCM requests are authorised: {@code static} sends {@link #fcmStaticToken()} (the devstack accepts
     * anything), {@code service-account} signs a JWT grant with the Google service account key held in Secrets
     * Manager under {@link #fcmServiceAccountSecret()}.
     */
    @WithDefault("static")
    String fcmAuth();

    @WithDefault("local")
    String fcmStaticToken();

    /** Secrets Manager id of the service account key JSON (as Google issues it). */
    Optional<String> fcmServiceAccountSecret();

    /** One provider call gives up after this. */
    @WithDefault("10s")
    Duration timeout();
}
