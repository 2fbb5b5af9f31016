package dev.kurashi.devstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * One devstack service alone, listening on every interface: the stand-in images of
 * scripts/containers-check.sh run this where a Docker machine would pull the public OpenSearch or ElasticMQ
 * image. It speaks what compose.yaml expects of those images (OpenSearch on 9200 without security, ElasticMQ on
 * 9324 with the queues of compose/elasticmq.conf and queue URLs naming the compose service).
 *
 * <pre>java -cp 'classes:lib/*' dev.kurashi.devstack.ContainerService opensearch|elasticmq [state-dir]</pre>
 */
public final class ContainerService {

    private ContainerService() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ContainerService opensearch|elasticmq [state-dir]");
            System.exit(2);
        }
        Path stateDir = Path.of(args.length > 1 ? args[1] : "/var/lib/kurashi");
        AutoCloseable service =
                switch (args[0]) {
                    case "opensearch" -> {
                        OpenSearchService openSearch =
                                new OpenSearchService(stateDir, DevstackOptions.OPENSEARCH_PORT, "0.0.0.0");
                        openSearch.start();
                        yield openSearch;
                    }
                    case "elasticmq" -> {
                        QueueService queues = new QueueService(DevstackOptions.SQS_PORT, "0.0.0.0", "elasticmq");
                        queues.start();
                        yield queues;
                    }
                    default -> throw new IllegalArgumentException("unknown service " + args[0]);
                };
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                service.close();
                            } catch (Exception e) {
                                e.printStackTrace();
                            } finally {
                                stopped.countDown();
                            }
                        },
                        "container-service-shutdown"));
        System.out.println("READY " + args[0]);
        System.out.flush();
        stopped.await();
    }
}
