package dev.kurashi.shop.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginPageTest {

    @Test
    void followsOnlyPathsOfThisSite() {
        assertThat(LoginPage.safeTarget("/checkout")).isEqualTo("/checkout");
        assertThat(LoginPage.safeTarget("/products/mug?x=1")).isEqualTo("/products/mug?x=1");
        assertThat(LoginPage.safeTarget("//evil.example/")).isEqualTo("/account/orders");
        assertThat(LoginPage.safeTarget("https://evil.example/")).isEqualTo("/account/orders");
        assertThat(LoginPage.safeTarget("/\\evil.example")).isEqualTo("/account/orders");
        assertThat(LoginPage.safeTarget(null)).isEqualTo("/account/orders");
    }
}
