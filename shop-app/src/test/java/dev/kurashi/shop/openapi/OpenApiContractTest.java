package dev.kurashi.shop.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** /q/openapi describes exactly the implemented contract of docs/api.md. */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void everyEndpointOfTheContractIsDocumented() {
        Set<String> documented = ApiContract.documented();
        List<String> missing = new ArrayList<>(ApiContract.ENDPOINTS);
        missing.removeAll(documented);
        assertEquals(List.of(), missing, "docs/api.md endpoints missing from /q/openapi");
    }

    @Test
    void nothingUndocumentedInTheContract() {
        Set<String> extra = new TreeSet<>(ApiContract.documented());
        ApiContract.ENDPOINTS.forEach(extra::remove);
        ApiContract.ARTICLES.forEach(extra::remove);
        assertEquals(Set.of(), extra, "/q/openapi has endpoints that docs/api.md does not have");
    }

    @Test
    void describesTheApi() {
        given().accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("info.title", is("Kurashi public API"))
                .body("info.version", is("v1"))
                .body("info.description", containsString("problem+json"))
                .body("servers.url", org.hamcrest.Matchers.hasItem("https://shop.kurashi.dev"))
                .body("components.securitySchemes.bearer.type", is("http"))
                .body("components.securitySchemes.bearer.scheme", is("bearer"))
                .body("components.securitySchemes.oidc.type", is("openIdConnect"))
                .body("components.schemas", hasKey("Problem"));
    }

    @Test
    void securedOperationsNeedTheBearerSchemeAndAnswerProblems() {
        Map<String, Map<String, Map<String, Object>>> paths =
                given().accept("application/json").get("/q/openapi?format=json").path("paths");
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                String endpoint = operation.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> op = operation.getValue();
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) op.get("responses");
                assertTrue(responses.containsKey("default"), endpoint + " documents no error answer");
                assertTrue(
                        String.valueOf(responses.get("default")).contains("application/problem+json"),
                        endpoint + " errors are not problem+json");
                boolean customer = path.getKey().matches("/api/v1/(cart|orders|favorites|devices|admin)(/.*)?");
                if (customer) {
                    assertTrue(
                            String.valueOf(op.get("security")).contains("bearer"),
                            endpoint + " has no bearer security");
                    assertTrue(responses.containsKey("401"), endpoint + " does not document 401");
                }
                assertTrue(op.get("operationId") != null, endpoint + " has no operationId");
            }
        }
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(not(containsString("Exception")));
        given().get("/q/openapi").then().statusCode(200).body(notNullValue());
    }

    @Test
    void operationIdsAreUniqueAndServersListTheLocalAppFirst() {
        Map<String, Object> doc =
                given().accept("application/json").get("/q/openapi?format=json").as(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Map<String, Object>>> paths =
                (Map<String, Map<String, Map<String, Object>>>) doc.get("paths");
        List<String> ids = new ArrayList<>();
        paths.values().forEach(item -> item.values().forEach(op -> ids.add(String.valueOf(op.get("operationId")))));
        assertEquals(new TreeSet<>(ids).size(), ids.size(), "operationIds repeat: " + ids);
        assertTrue(
                ids.containsAll(List.of("placeOrder", "getOrder", "putCartItem", "createProduct", "search")),
                ids.toString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> servers = (List<Map<String, Object>>) doc.get("servers");
        assertEquals(
                "http://localhost:8080", servers.getFirst().get("url"), "outside production the local app comes first");
    }

    @Test
    void createdAnswersAre201WithLocationAndTheirBody() {
        for (String path : List.of("/api/v1/admin/products", "/api/v1/orders", "/api/v1/admin/search/synonyms")) {
            Map<String, Object> created = given().accept("application/json")
                    .get("/q/openapi?format=json")
                    .path("paths.'" + path + "'.post.responses.'201'");
            assertTrue(created != null, path + " documents no 201");
            assertTrue(String.valueOf(created.get("headers")).contains("Location"), path + ": " + created);
            assertTrue(
                    String.valueOf(created.get("content")).contains("$ref"), path + " 201 has no schema: " + created);
            Map<String, Object> ok = given().accept("application/json")
                    .get("/q/openapi?format=json")
                    .path("paths.'" + path + "'.post.responses.'200'");
            assertTrue(ok == null, path + " still documents 200");
        }
        for (String path : List.of("/api/v1/favorites/{productSlug}", "/api/v1/devices/{token}")) {
            for (String method : List.of("put", "delete")) {
                Map<String, Object> responses = given().accept("application/json")
                        .get("/q/openapi?format=json")
                        .path("paths.'" + path + "'." + method + ".responses");
                assertTrue(responses != null && responses.containsKey("204"), method + " " + path + ": " + responses);
            }
        }
    }
}
