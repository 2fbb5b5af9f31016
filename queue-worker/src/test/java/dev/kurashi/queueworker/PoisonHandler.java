package dev.kurashi.queueworker;

import dev.kurashi.queueworker.messaging.Idempotency;
import dev.kurashi.queueworker.messaging.InboundMessage;
import dev.kurashi.queueworker.messaging.MessageHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Test handler of {@code TestPoison}: fails for the events marked failing, and counts receives and successes. */
@ApplicationScoped
public class PoisonHandler implements MessageHandler<TestPoison> {

    private final Set<UUID> failing = ConcurrentHashMap.newKeySet();
    private final Map<UUID, Integer> maxReceiveCount = new ConcurrentHashMap<>();
    private final Set<UUID> succeeded = ConcurrentHashMap.newKeySet();

    @Override
    public Class<TestPoison> eventClass() {
        return TestPoison.class;
    }

    @Override
    public Idempotency idempotency() {
        return Idempotency.none();
    }

    @Override
    public void handle(TestPoison event, InboundMessage message) {
        maxReceiveCount.merge(message.eventId(), message.receiveCount(), Math::max);
        if (failing.contains(message.eventId())) {
            throw new IllegalStateException("poison " + message.eventId());
        }
        succeeded.add(message.eventId());
    }

    public void fail(UUID eventId) {
        failing.add(eventId);
    }

    public void heal(UUID eventId) {
        failing.remove(eventId);
    }

    public int maxReceiveCount(UUID eventId) {
        return maxReceiveCount.getOrDefault(eventId, 0);
    }

    public boolean succeeded(UUID eventId) {
        return succeeded.contains(eventId);
    }
}
