package dev.kurashi.shop.security;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A browser's cookies after a real sign-in: the authorization-code flow of the web client through the devstack
 * issuer's login form, ending with the session cookie. Tests keep a copy of the cookies to replay them later.
 */
public final class WebSession {

    private WebSession() {}

    /** Signs {@code username} in through {@code /login} and answers the cookies a browser would then hold. */
    public static Map<String, String> signIn(String username) throws IOException, InterruptedException {
        Response login = given().redirects().follow(false).get("/login");
        if (login.statusCode() != 302) {
            throw new IllegalStateException("/login answered " + login.statusCode());
        }
        String authorize = login.header("Location");
        Map<String, String> cookies = new HashMap<>(login.getCookies());
        HttpResponse<String> issuer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(authorize))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        URI back = URI.create(issuer.headers().firstValue("Location").orElseThrow());
        Response session =
                given().redirects().follow(false).cookies(cookies).get(back.getRawPath() + "?" + back.getRawQuery());
        if (session.statusCode() / 100 != 3) {
            throw new IllegalStateException("the code callback answered " + session.statusCode());
        }
        cookies.putAll(session.getCookies());
        cookies.values().removeIf(String::isEmpty);
        return cookies;
    }

    /** The value of a page's hidden CSRF field. */
    public static String csrfField(String html) {
        var matcher = java.util.regex.Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"")
                .matcher(html);
        if (!matcher.find()) {
            throw new IllegalStateException("no csrf-token field in the page");
        }
        return matcher.group(1);
    }
}
