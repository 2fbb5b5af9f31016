package dev.kurashi.queueworker;

import dev.kurashi.queueworker.redrive.DeadLetterRedrive;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;

/**
 * Without arguments: the worker (relay and consumers) until SIGTERM. {@code redrive <queue-name>}: moves the
 * queue's dead-letter messages back to it and exits (0 on success), for a one-off ECS task or a shell; the relay,
 * the consumers stay off and HTTP takes a free port, so it runs beside a live worker.
 */
@QuarkusMain
public class QueueWorkerMain implements QuarkusApplication {

    @Inject
    DeadLetterRedrive redrive;

    public static void main(String... args) {
        if (args.length > 0) {
            System.setProperty("kurashi.relay.enabled", "false");
            System.setProperty("kurashi.consumers.enabled", "false");
            System.setProperty("quarkus.http.port", "0");
        }
        Quarkus.run(QueueWorkerMain.class, args);
    }

    @Override
    public int run(String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        if (args[0].equals("redrive") && args.length == 2) {
            int moved = redrive.redrive(args[1]);
            System.out.println("redrive " + args[1] + ": moved " + moved + " messages back from its dead-letter queue");
            return 0;
        }
        System.err.println("usage: queue-worker [redrive <queue-name>]");
        return 2;
    }
}
