// A fault drill against the platform of `./kurashi up` (run through `./kurashi drill NAME`, docs/runbooks/drills.md).
// Plain JDK, run as a single source file: traffic flows while a dependency or a process fails, then a report.

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Drill {

    static final int FAULT_SECONDS = 15;
    static final String ORDER_BODY = "{\"shippingAddress\": {\"name\": \"訓練 太郎\", \"postalCode\": \"150-0001\","
            + " \"prefecture\": \"東京都\", \"city\": \"渋谷区\", \"line1\": \"神宮前1-2-3\", \"phone\": \"03-1234-5678\"},"
            + " \"payment\": {\"method\": \"card\", \"cardToken\": \"tok_visa\"}}";
    static final Pattern DEDUPE = Pattern.compile("\"Name\"\\s*:\\s*\"dedupe-id\"\\s*,\\s*\"Value\"\\s*:\\s*\"([^\"]+)\"");

    record Sample(String phase, String kind, long start, long end, int status, boolean stale, boolean degraded,
            boolean retryAfter, String error) {}

    final String name;
    final String shop;
    final String devstack;
    final String kurashi;
    final Path pids;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    final AtomicBoolean running = new AtomicBoolean(true);
    volatile String phase = "before";
    volatile long faultStart;
    volatile long faultEnd;
    final List<String> ordersPlaced = java.util.Collections.synchronizedList(new ArrayList<>());
    String customer;
    String slug;
    String sku;

    Drill(String name, Map<String, String> options) {
        this.name = name;
        this.shop = options.getOrDefault("--shop", "http://localhost:8080");
        this.devstack = options.getOrDefault("--devstack", "http://localhost:8025");
        this.kurashi = options.getOrDefault("--kurashi", "./kurashi");
        this.pids = Path.of(options.getOrDefault("--pids", ".kurashi/pids"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Drill drill = new Drill(args[0], options);
        System.exit(drill.run() ? 0 : 1);
    }

    boolean run() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        customer = text("GET", devstack + "/token?user=drill-" + run + "&staff=false", null, null);
        String staff = text("GET", devstack + "/token?user=drill-staff-" + run + "&staff=true", null, null);
        String products = text("GET", shop + "/api/v1/products?limit=20", null, null);
        slug = first(products, "\"slug\"\\s*:\\s*\"([^\"]+)\"");
        sku = first(text("GET", shop + "/api/v1/products/" + slug, null, null), "\"sku\"\\s*:\\s*\"([^\"]+)\"");
        send("PUT", shop + "/api/v1/admin/skus/" + sku + "/stock", staff, "{\"quantity\": 900000}");
        System.out.printf("drill %s: product %s, SKU %s, customer drill-%s%n", name, slug, sku, run);
        // Read everything the readers ask for once, so that it has been served before the fault.
        for (String[] read : reads()) {
            send("GET", shop + read[1], null, null, read[2]);
        }
        int mailsBefore = orderMails().size();

        List<Thread> traffic = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int offset = i;
            traffic.add(Thread.ofPlatform().start(() -> readLoop(offset)));
        }
        boolean orders = name.equals("queue-down") || name.equals("worker-kill");
        traffic.add(Thread.ofPlatform().start(orders ? this::orderLoop : this::writeLoop));
        if (name.equals("search-down")) {
            traffic.add(Thread.ofPlatform().start(this::searchLoop));
        }

        sleep(5_000);
        phase = "fault";
        faultStart = System.nanoTime();
        fault();
        faultEnd = System.nanoTime();
        phase = "after";
        sleep(10_000);
        running.set(false);
        for (Thread t : traffic) {
            t.join();
        }
        return report(orders, mailsBefore);
    }

    void fault() throws Exception {
        switch (name) {
            case "db-failover" -> timed("postgres");
            case "search-down" -> timed("opensearch");
            case "queue-down" -> timed("sqs");
            case "worker-kill" -> {
                sleep(3_000);
                long pid = pid("queue-worker-1");
                System.out.printf("  SIGKILL queue-worker-1 (pid %d) mid-batch%n", pid);
                ProcessHandle.of(pid).orElseThrow().destroyForcibly();
                waitExit(pid);
                exec(kurashi, "_start-app", "queue-worker-1");
            }
            case "shop-restart" -> {
                long pid = pid("shop-app");
                System.out.printf("  SIGTERM shop-app (pid %d) under load%n", pid);
                faultStart = System.nanoTime();
                ProcessHandle.of(pid).orElseThrow().destroy();
                waitExit(pid);
                exec(kurashi, "_start-app", "shop-app");
            }
            default -> throw new IllegalArgumentException("unknown drill " + name);
        }
    }

    void timed(String dependency) throws Exception {
        send("PUT", devstack + "/faults/" + dependency + "?seconds=" + FAULT_SECONDS, null, null);
        System.out.printf("  %s cut off for %d s%n", dependency, FAULT_SECONDS);
        sleep(FAULT_SECONDS * 1000L);
        while (text("GET", devstack + "/faults", null, null).contains("\"" + dependency + "\":\"")) {
            sleep(50);
        }
    }

    List<String[]> reads() {
        return List.of(
                new String[] {"api-read", "/api/v1/products/" + slug, "application/json"},
                new String[] {"api-read", "/api/v1/categories", "application/json"},
                new String[] {"api-read", "/api/v1/products?limit=20", "application/json"},
                new String[] {"page-read", "/products/" + slug, "text/html"},
                new String[] {"page-read", "/", "text/html"});
    }

    void readLoop(int offset) {
        List<String[]> reads = reads();
        for (int i = offset; running.get(); i++) {
            String[] read = reads.get(i % reads.size());
            record(read[0], "GET", shop + read[1], null, null, read[2]);
        }
    }

    void writeLoop() {
        while (running.get()) {
            record("write", "PUT", shop + "/api/v1/cart/items/" + sku, customer, "{\"quantity\": 1}", null);
            sleep(100);
        }
    }

    void searchLoop() {
        while (running.get()) {
            record("search", "GET", shop + "/api/v1/search?q=" + URLEncoder.encode("マグ", StandardCharsets.UTF_8),
                    null, null, null);
            sleep(100);
        }
    }

    void orderLoop() {
        while (running.get()) {
            record("write", "PUT", shop + "/api/v1/cart/items/" + sku, customer, "{\"quantity\": 1}", null);
            String key = UUID.randomUUID().toString();
            Sample s = record("order", "POST", shop + "/api/v1/orders", customer, ORDER_BODY, null, key);
            if (s.status() == 201) {
                ordersPlaced.add(key);
            }
            sleep(300);
        }
    }

    Sample record(String kind, String method, String url, String token, String body, String accept) {
        return record(kind, method, url, token, body, accept, null);
    }

    Sample record(String kind, String method, String url, String token, String body, String accept, String key) {
        String at = phase;
        long start = System.nanoTime();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        Sample sample;
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            sample = new Sample(at, kind, start, System.nanoTime(), response.statusCode(),
                    response.headers().firstValue("Warning").isPresent(),
                    response.body().contains("\"degraded\":true"),
                    response.headers().firstValue("Retry-After").isPresent(), null);
        } catch (IOException e) {
            sample = new Sample(at, kind, start, System.nanoTime(), 0, false, false, false,
                    e.getClass().getSimpleName());
            sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sample = new Sample(at, kind, start, System.nanoTime(), 0, false, false, false, "interrupted");
        }
        samples.add(sample);
        return sample;
    }

    boolean report(boolean orders, int mailsBefore) throws Exception {
        System.out.printf("%nrequests by status per phase (stale = served from the last good answer)%n");
        Map<String, Map<String, Integer>> table = new TreeMap<>();
        int fiveHundreds = 0;
        for (Sample s : samples) {
            String status = s.error() != null ? "no-answer" : s.status() + (s.stale() ? "-stale" : "")
                    + (s.degraded() ? "-degraded" : "") + (s.status() == 503 && s.retryAfter() ? "+Retry-After" : "");
            table.computeIfAbsent(s.phase() + " " + s.kind(), k -> new TreeMap<>()).merge(status, 1, Integer::sum);
            if (s.status() >= 500 && s.status() != 503) {
                fiveHundreds++;
            }
        }
        for (String phaseName : List.of("before", "fault", "after")) {
            table.forEach((row, counts) -> {
                if (row.startsWith(phaseName + " ")) {
                    System.out.printf("  %-20s %s%n", row, counts);
                }
            });
        }
        boolean ok = fiveHundreds == 0;
        System.out.printf("%n5xx other than 503: %d%n", fiveHundreds);

        switch (name) {
            case "db-failover" -> {
                long readsNot200 = samples.stream()
                        .filter(s -> s.phase().equals("fault") && s.kind().endsWith("read") && s.status() != 200)
                        .count();
                long writesWithout = samples.stream()
                        .filter(s -> s.phase().equals("fault") && s.kind().equals("write") && s.start() > faultStart
                                + 500_000_000L && s.end() < faultEnd && !(s.status() == 503 && s.retryAfter()))
                        .count();
                System.out.printf("reads seen before the cut that did not answer 200 during it: %d%n", readsNot200);
                System.out.printf("writes during the cut not answered 503 with Retry-After: %d%n", writesWithout);
                ok &= readsNot200 == 0 && writesWithout == 0;
                ok &= recovery("write", s -> s.status() == 200);
            }
            case "search-down" -> ok &= recovery("search", s -> s.status() == 200 && !s.degraded());
            case "shop-restart" -> {
                long inFlight = samples.stream().filter(s -> s.start() < faultStart && s.end() > faultStart).count();
                long failed = samples.stream()
                        .filter(s -> s.start() < faultStart && s.end() > faultStart)
                        .filter(s -> s.error() != null || s.status() >= 500)
                        .count();
                long refused = samples.stream().filter(s -> s.start() >= faultStart && s.error() != null).count();
                System.out.printf("in flight at SIGTERM: %d, of which failed: %d%n", inFlight, failed);
                System.out.printf("refused while no shop-app listened (one task, no load balancer): %d%n", refused);
                ok &= failed == 0;
                ok &= recovery("api-read", s -> s.status() == 200);
            }
            default -> {}
        }
        if (orders) {
            Set<String> before = new HashSet<>(orderMails().subList(0, Math.min(mailsBefore, orderMails().size())));
            long deadline = System.nanoTime() + 90_000_000_000L;
            List<String> dedupeIds;
            Set<String> distinct;
            do {
                sleep(1_000);
                dedupeIds = orderMails();
                dedupeIds = dedupeIds.subList(Math.min(mailsBefore, dedupeIds.size()), dedupeIds.size());
                distinct = new HashSet<>(dedupeIds);
                distinct.removeAll(before);
            } while (distinct.size() < ordersPlaced.size() && System.nanoTime() < deadline);
            long lost = Math.max(0, ordersPlaced.size() - distinct.size());
            long doubled = Math.max(0, distinct.size() - ordersPlaced.size());
            System.out.printf("orders placed: %d; order mails delivered: %d distinct (%d sends, repeats carry the same"
                    + " dedupe id); lost: %d; doubled: %d%n", ordersPlaced.size(), distinct.size(), dedupeIds.size(),
                    lost, doubled);
            // Orders placed while the fault lasted are the point of the drill: without them it proves nothing.
            long duringFault = samples.stream()
                    .filter(s -> s.kind().equals("order") && s.phase().equals("fault") && s.status() == 201)
                    .count();
            System.out.printf("orders placed during the fault: %d%n", duringFault);
            ok &= lost == 0 && doubled == 0 && duringFault >= 3;
        }
        System.out.printf("%ndrill %s: %s%n", name, ok ? "PASSED" : "FAILED");
        return ok;
    }

    boolean recovery(String kind, java.util.function.Predicate<Sample> good) {
        long first = samples.stream()
                .filter(s -> s.kind().equals(kind) && s.start() >= faultEnd && good.test(s))
                .mapToLong(Sample::end)
                .min()
                .orElse(-1);
        if (first < 0) {
            System.out.printf("%s never recovered%n", kind);
            return false;
        }
        double seconds = Math.max(0, first - faultEnd) / 1e9;
        System.out.printf("time to recover (%s answered from the dependency again after it was back): %.2f s%n", kind,
                seconds);
        return name.equals("shop-restart") || seconds <= 2.0;
    }

    /** The dedupe ids of every order-confirmation mail in the sink, oldest first. */
    List<String> orderMails() throws Exception {
        String mail = text("GET", devstack + "/sinks/mail", null, null);
        List<String> ids = new ArrayList<>();
        for (String record : mail.split("\\{\"time\"")) {
            if (record.contains("ご注文ありがとうございます")) {
                Matcher m = DEDUPE.matcher(record);
                if (m.find()) {
                    ids.add(m.group(1));
                }
            }
        }
        return ids;
    }

    long pid(String app) throws IOException {
        return Long.parseLong(Files.readString(pids.resolve(app + ".pid")).trim());
    }

    static void waitExit(long pid) {
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
    }

    static void exec(String... command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    String text(String method, String url, String token, String body) throws Exception {
        return send(method, url, token, body, null).body();
    }

    HttpResponse<String> send(String method, String url, String token, String body) throws Exception {
        return send(method, url, token, body, null);
    }

    HttpResponse<String> send(String method, String url, String token, String body, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("not found: " + regex + " in " + text);
        }
        return m.group(1);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
