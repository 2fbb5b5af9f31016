package dev.kurashi.infra.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurashi.infra.Repository;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Cognito web client allows exactly the redirect and logout URLs the shop-app sends (issue 12: Quarkus sent the
 * page asked for, Cognito allowed only /login, so sign-in would have failed in prod). The app's side is read from
 * shop-app's application.properties: the fixed redirect path of the code flow, the page logout returns to, and the
 * public base URL, which ecspresso fills with the stack's {@code storefront_url} ({@code https://<domain_name>}).
 */
class CognitoUrlsMatchAppTest {

    /** {@code "https://${var.domain_name}"} as the HCL parser gives an interpolation back. */
    private static final String ORIGIN = "https://var.domain_name";

    private static TerraformTree tree;
    private static Properties app;

    @BeforeAll
    static void read() throws IOException {
        tree = TerraformTree.load(Repository.terraform());
        app = new Properties();
        app.load(new StringReader(
                Repository.read(Repository.file("shop-app/src/main/resources/application.properties"))));
    }

    @Test
    void callbackUrlsAreExactlyTheRedirectPathTheAppSends() {
        String redirectPath = app.getProperty("quarkus.oidc.authentication.redirect-path");
        assertThat(redirectPath).as("the app sends one fixed redirect_uri path").isEqualTo("/login");
        assertThat(app.getProperty("quarkus.oidc.authentication.restore-path-after-redirect"))
                .isEqualTo("true");

        assertThat(webClientInput("web_callback_urls")).containsExactly(ORIGIN + redirectPath);
    }

    @Test
    void logoutUrlsAreExactlyThePageLogoutReturnsTo() {
        String returnPath = app.getProperty("kurashi.session.post-logout-path", "/");

        assertThat(webClientInput("web_logout_urls")).containsExactly(ORIGIN + returnPath);
        assertThat(app.getProperty("%prod.kurashi.session.return-parameter")).isEqualTo("logout_uri");
    }

    @Test
    void theAppsPublicOriginIsTheStorefrontUrlOfTheStack() {
        assertThat(app.getProperty("%prod.kurashi.public.base-url")).isEqualTo("${PUBLIC_BASE_URL}");
        assertThat(Repository.read(Repository.file("infra/ecspresso/shop-app/ecs-task-def.json")))
                .contains(
                        "\"name\": \"PUBLIC_BASE_URL\",\n          \"value\": \"{{ tfstate `output.storefront_url` }}\"");
        assertThat(Repository.read(Repository.file("infra/terraform/stacks/workload/outputs.tf")))
                .contains("value       = format(\"https://%s\", var.domain_name)");
    }

    private static List<String> webClientInput(String name) {
        TerraformTree.Block call = tree.moduleCalls("cognito")
                .filter(b -> b.dir().equals("stacks/workload"))
                .findFirst()
                .orElseThrow();
        return Hcl.list(tree.input(call, name).orElseThrow()).stream()
                .map(String::valueOf)
                .toList();
    }
}
