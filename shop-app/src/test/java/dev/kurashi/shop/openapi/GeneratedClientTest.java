package dev.kurashi.shop.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kurashi.shop.order.ShopFixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: the document at /q/openapi generates a Java client that works. openapi-generator (the CLI from Maven
 * Central, copied to target/openapi-generator by the build) writes a client of the {@code native} library from the
 * live document; javac compiles it with {@code src/test/client-driver/PurchaseDriver.java}, which uses it to read a
 * product, fill the cart and place an order against this app; the order is then read back through the API.
 */
@QuarkusTest
class GeneratedClientTest {

    private static final Path WORK = Path.of("target", "generated-client");
    private static final Path GENERATOR = Path.of("target", "openapi-generator", "openapi-generator-cli.jar");

    @TestHTTPResource("/")
    URL base;

    @Inject
    ShopFixtures fixtures;

    @Test
    void aGeneratedClientCompilesAndPlacesAnOrder() throws Exception {
        assertTrue(Files.isRegularFile(GENERATOR), "the build copies the generator to " + GENERATOR);
        if (Files.exists(WORK)) {
            try (Stream<Path> old = Files.walk(WORK)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(WORK);
        Path spec = WORK.resolve("openapi.json");
        Files.writeString(
                spec,
                given().accept("application/json").get("/q/openapi?format=json").asString());

        Path sources = WORK.resolve("client");
        String log = run(List.of(
                javaExecutable(),
                "-jar",
                GENERATOR.toString(),
                "generate",
                "-i",
                spec.toString(),
                "-g",
                "java",
                "--library",
                "native",
                "-o",
                sources.toString(),
                "--invoker-package",
                "dev.kurashi.client",
                "--api-package",
                "dev.kurashi.client.api",
                "--model-package",
                "dev.kurashi.client.model",
                "--additional-properties",
                "openApiNullable=false,useJakartaEe=true,hideGenerationTimestamp=true",
                "--global-property",
                "apiTests=false,modelTests=false,apiDocs=false,modelDocs=false"));
        assertTrue(!log.contains("SROAP"), log);

        Path classes = WORK.resolve("classes");
        Files.createDirectories(classes);
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(sources.resolve("src/main/java"))) {
            walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> files.add(p.toString()));
        }
        files.add(Path.of("src", "test", "client-driver", "PurchaseDriver.java").toString());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        List<String> options = List.of(
                "-d", classes.toString(), "-classpath", System.getProperty("java.class.path"), "-proc:none", "-nowarn");
        boolean compiled;
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null)) {
            compiled = javac.getTask(
                            diagnostics,
                            fileManager,
                            null,
                            options,
                            null,
                            fileManager.getJavaFileObjectsFromStrings(files))
                    .call();
        }
        assertTrue(compiled, "the generated client does not compile:\n" + diagnostics);

        ShopFixtures.TestProduct product = fixtures.product("kitchen-tools", 10, 2200, 10);
        String user = "client-" + ShopFixtures.unique();
        String token = ShopFixtures.token(user);
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            @SuppressWarnings("unchecked")
            Function<Map<String, String>, String> driver =
                    (Function<Map<String, String>, String>) loader.loadClass("dev.kurashi.client.driver.PurchaseDriver")
                            .getDeclaredConstructor()
                            .newInstance();
            String[] order = driver.apply(Map.of(
                            "baseUrl", base.toString().replaceAll("/$", ""),
                            "token", token,
                            "product", product.slug()))
                    .split(" ");
            assertEquals(String.valueOf(2 * 2200 + 550), order[2], "two units and shipping, as the app priced them");
            given().auth()
                    .oauth2(token)
                    .get("/api/v1/orders/" + order[0])
                    .then()
                    .statusCode(200);
        }
        assertEquals(1, fixtures.ordersWith(product.sku()), "one order holds the product");
        assertEquals(8, fixtures.onHand(product.sku()), "two units left the stock");
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Path out = WORK.resolve("generator.log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "openapi-generator did not finish");
        String log = Files.readString(out);
        assertEquals(0, process.exitValue(), "openapi-generator failed:\n" + log);
        return log;
    }
}
