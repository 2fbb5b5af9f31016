package dev.kurashi.queueworker.relay;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** The outbox relay. */
@ConfigMapping(prefix = "kurashi.relay")
public interface RelayConfig {

    /** Off for one-off commands (redrive). */
    @WithDefault("true")
    boolean enabled();

    /** Outbox rows claimed per transaction. */
    @WithDefault("100")
    int batchSize();

    /**
     * The relay looks for unsent rows at least this often, even without a notification (a relay whose
     * LISTEN connection broke, or a row inserted while it reconnected).
     */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Event type to queue: a queue URL, or a queue name looked up once with GetQueueUrl. */
    Map<String, String> routes();
}
