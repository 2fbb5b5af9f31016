package dev.kurashi.batchworker;

import dev.kurashi.cart.CartReminderService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Writes one CartAbandoned event per abandoned cart change; the queue-worker mails it. */
@ApplicationScoped
public class CartReminderJob implements BatchJob {

    private final CartReminderService reminders;
    private final JobsConfig config;

    public CartReminderJob(CartReminderService reminders, JobsConfig config) {
        this.reminders = reminders;
        this.config = config;
    }

    @Override
    public String name() {
        return "cart-reminder";
    }

    @Override
    public String run(JobOptions options) {
        return "reminded=" + reminders.remindAbandoned(Instant.now(), config.cartIdle(), config.batchSize());
    }
}
