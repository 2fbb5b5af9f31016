package dev.kurashi.shop.http;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes the generated document with what annotations cannot say once for all operations: the
 * {@code Problem} schema, problem+json for every error answer, and the OIDC sign-in of the web storefront
 * next to the bearer scheme. Only {@code /api/v1} belongs to the contract.
 */
public class OpenApiContract implements OASFilter {

    static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        if (openApi.getPaths() != null && openApi.getPaths().getPathItems() != null) {
            openApi.getPaths().getPathItems().keySet().stream()
                    .filter(path -> !path.startsWith("/api/v1/"))
                    .toList()
                    .forEach(openApi.getPaths()::removePathItem);
        }
        if (openApi.getComponents() == null) {
            openApi.setComponents(OASFactory.createComponents());
        }
        openApi.getComponents().addSchema("Problem", problemSchema());
        openApi.getComponents()
                .addSecurityScheme(
                        "oidc",
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.OPENIDCONNECT)
                                .openIdConnectUrl("https://cognito-idp.{region}.amazonaws.com/{userPoolId}"
                                        + "/.well-known/openid-configuration")
                                .description("Authorization-code sign-in of the Cognito hosted UI (the web "
                                        + "storefront); the apps send the resulting access token as a bearer token."));
        if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openApi.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                    item.getOperations().entrySet()) {
                addProblems(entry.getValue());
            }
        }
    }

    private static void addProblems(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean secured =
                operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        for (Map.Entry<String, APIResponse> response : Map.copyOf(
                        responses.getAPIResponses() == null ? Map.of() : responses.getAPIResponses())
                .entrySet()) {
            if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                response.getValue().setContent(problemContent());
            }
        }
        if (operation.getRequestBody() != null || operation.getParameters() != null) {
            putIfAbsent(responses, "400", "Invalid input: malformed JSON, unknown field, wrong type or a rule broken");
        }
        if (secured) {
            putIfAbsent(responses, "401", "No valid access token");
        }
        putIfAbsent(responses, "default", "Any other error, as application/problem+json");
    }

    private static void putIfAbsent(APIResponses responses, String status, String description) {
        if (responses.getAPIResponse(status) == null) {
            responses.addAPIResponse(
                    status,
                    OASFactory.createAPIResponse().description(description).content(problemContent()));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        Problems.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string)
                .addProperty("message", string);
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; a problem may carry further members (e.g. unavailable).")
                .required(List.of("type", "title", "status"))
                .addProperty(
                        "type",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .format("uri")
                                .description("https://kurashi.dev/problems/<slug>"))
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string)
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .items(fieldError))
                .additionalPropertiesBoolean(true);
    }
}
