package dev.kurashi.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Amazon SES v2. Every app includes core, so nothing here is required: only the queue-worker sends mail, and
 * {@link SesMailSender} builds its client on first use.
 */
@ConfigMapping(prefix = "kurashi.mail")
public interface MailConfig {

    /** SES endpoint override (the devstack's sink); absent in AWS, where the SDK resolves it from the region. */
    Optional<URI> endpoint();

    @WithDefault("ap-northeast-1")
    String region();

    /** The sender, a verified SES identity in AWS. */
    @WithDefault("Kurashi <no-reply@kurashi.example>")
    String from();

    /** SES configuration set (event publishing, suppression); none locally. */
    Optional<String> configurationSet();

    /** Static credentials for the devstack; in AWS the task role's credentials come from the default chain. */
    Optional<String> accessKeyId();

    Optional<String> secretAccessKey();

    /** One SendEmail call, retries included, gives up after this. */
    @WithDefault("10s")
    Duration timeout();
}
