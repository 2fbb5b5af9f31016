package dev.kurashi.notification;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * {@code kurashi_notification_sends_total{channel=mail|apns|fcm, result}} (result: the {@link
 * NotificationService.Outcome} in lower case, or {@code failed}) and {@code kurashi_device_tokens_removed_total
 * {channel}} for tokens the provider reported unregistered.
 */
@ApplicationScoped
class NotificationMetrics {

    private final MeterRegistry registry;

    NotificationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void outcome(String channel, NotificationService.Outcome outcome) {
        send(channel, outcome.name().toLowerCase(Locale.ROOT));
        if (outcome == NotificationService.Outcome.UNREGISTERED) {
            registry.counter("kurashi.device.tokens.removed", "channel", channel)
                    .increment();
        }
    }

    void failed(String channel) {
        send(channel, "failed");
    }

    private void send(String channel, String result) {
        registry.counter("kurashi.notification.sends", "channel", channel, "result", result)
                .increment();
    }
}
