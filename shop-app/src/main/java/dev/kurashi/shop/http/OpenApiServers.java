package dev.kurashi.shop.http;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The document's servers from {@code kurashi.openapi.servers}, read when the app starts (the document itself is
 * built with the jar): locally the app's own address comes first, so Swagger UI's "Try it out" and generated
 * clients default to it, never to production; in production only the public host is listed.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class OpenApiServers implements OASFilter {

    static final String KEY = "kurashi.openapi.servers";

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        List<String> urls =
                ConfigProvider.getConfig().getOptionalValues(KEY, String.class).orElse(List.of());
        if (urls.isEmpty()) {
            return;
        }
        openApi.setServers(
                urls.stream().map(url -> OASFactory.createServer().url(url)).toList());
    }
}
