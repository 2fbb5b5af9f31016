package dev.kurashi.batchworker;

import dev.kurashi.order.OrderCancellationService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Cancels unpaid konbini orders past their deadline; their stock returns and the customer is mailed. */
@ApplicationScoped
public class KonbiniExpiryJob implements BatchJob {

    private final OrderCancellationService cancellations;
    private final JobsConfig config;

    public KonbiniExpiryJob(OrderCancellationService cancellations, JobsConfig config) {
        this.cancellations = cancellations;
        this.config = config;
    }

    @Override
    public String name() {
        return "konbini-expiry";
    }

    @Override
    public String run(JobOptions options) {
        return "cancelled=" + cancellations.cancelExpiredKonbini(Instant.now(), config.batchSize());
    }
}
