package dev.kurashi.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * ElasticMQ speaking the SQS API; the queues of the contract are created through that API. Clients reach it through
 * a {@link TcpProxy} on the public port, so that {@link FaultControl} can cut SQS off without losing its messages.
 */
final class QueueService implements AutoCloseable {

    static final String REGION = "ap-northeast-1";
    static final String ACCOUNT = "000000000000";
    static final List<String> QUEUES = List.of("kurashi-search-index", "kurashi-notifications");
    static final int MAX_RECEIVE_COUNT = 5;

    private final int port;
    private final String bindHost;
    private final String advertisedHost;
    private SQSRestServer server;
    private TcpProxy proxy;

    QueueService(int port) {
        this(port, "localhost", "localhost");
    }

    /** Listens on {@code bindHost}; queue URLs name {@code advertisedHost} (a container's service name). */
    QueueService(int port, String bindHost, String advertisedHost) {
        this.port = port;
        this.bindHost = bindHost;
        this.advertisedHost = advertisedHost;
    }

    void start() throws IOException, InterruptedException {
        int backendPort = TcpProxy.freePort();
        server = SQSRestServerBuilder.withInterface("localhost")
                .withPort(backendPort)
                .withServerAddress(new NodeAddress("http", advertisedHost, port, ""))
                .withAWSRegion(REGION)
                .withAWSAccountId(ACCOUNT)
                .start();
        server.waitUntilStarted();
        proxy = new TcpProxy("sqs", bindHost, port, backendPort);
        proxy.start();
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (String queue : QUEUES) {
                createQueue(http, queue + "-dlq", Map.of());
                String redrivePolicy =
                        "{\"deadLetterTargetArn\":\"arn:aws:sqs:%s:%s:%s-dlq\",\"maxReceiveCount\":\"%d\"}"
                                .formatted(REGION, ACCOUNT, queue, MAX_RECEIVE_COUNT);
                createQueue(http, queue, Map.of("RedrivePolicy", redrivePolicy));
            }
        }
    }

    /** SQS query protocol: a form POST, which every SQS implementation understands. */
    private void createQueue(HttpClient http, String name, Map<String, String> attributes)
            throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Action", "CreateQueue");
        form.put("Version", "2012-11-05");
        form.put("QueueName", name);
        int i = 1;
        for (var attribute : attributes.entrySet()) {
            form.put("Attribute." + i + ".Name", attribute.getKey());
            form.put("Attribute." + i + ".Value", attribute.getValue());
            i++;
        }
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(endpoint() + "/"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("CreateQueue " + name + " failed: " + response.statusCode() + " " + response.body());
        }
    }

    String endpoint() {
        return "http://localhost:" + port;
    }

    /** Queue name to queue URL, dead-letter queues included. */
    Map<String, String> queueUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        for (String queue : QUEUES) {
            urls.put(queue, queueUrl(queue));
            urls.put(queue + "-dlq", queueUrl(queue + "-dlq"));
        }
        return urls;
    }

    String queueUrl(String name) {
        return endpoint() + "/" + ACCOUNT + "/" + name;
    }

    int port() {
        return port;
    }

    TcpProxy proxy() {
        return proxy;
    }

    @Override
    public void close() {
        if (proxy != null) {
            proxy.close();
        }
        if (server != null) {
            server.stopAndWait();
        }
    }
}
