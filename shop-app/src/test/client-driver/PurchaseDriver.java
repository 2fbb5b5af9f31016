package dev.kurashi.client.driver;

import dev.kurashi.client.ApiClient;
import dev.kurashi.client.api.DefaultApi;
import dev.kurashi.client.model.Address;
import dev.kurashi.client.model.CartView;
import dev.kurashi.client.model.OrderView;
import dev.kurashi.client.model.Payment;
import dev.kurashi.client.model.PlaceOrderCommand;
import dev.kurashi.client.model.ProductDetailResponse;
import dev.kurashi.client.model.QuantityRequest;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * A purchase written against the client that openapi-generator made from /q/openapi: compiled by
 * GeneratedClientTest together with the generated sources, so a wrong type or a missing operation in the document
 * fails the build. Input: baseUrl, token, product (slug); answer: the order id, status and total.
 */
public class PurchaseDriver implements Function<Map<String, String>, String> {

    @Override
    public String apply(Map<String, String> input) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(input.get("baseUrl"));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + input.get("token")));
        DefaultApi api = new DefaultApi(client);
        try {
            ProductDetailResponse product = api.getProduct(input.get("product"));
            String sku = product.getSkus().getFirst().getSku();
            CartView cart = api.putCartItem(sku, new QuantityRequest().quantity(2));
            if (cart.getLines().isEmpty()) {
                throw new IllegalStateException("the cart is empty after putCartItem");
            }
            OrderView order = api.placeOrder(
                    UUID.randomUUID().toString(),
                    new PlaceOrderCommand()
                            .shippingAddress(new Address()
                                    .name("山田花子")
                                    .postalCode("150-0001")
                                    .prefecture("東京都")
                                    .city("渋谷区")
                                    .line1("神宮前1-2-3")
                                    .phone("03-1234-5678"))
                            .payment(new Payment().method("card").cardToken("tok_visa")));
            OrderView again = api.getOrder(order.getId());
            return again.getId() + " " + again.getStatus() + " " + again.getTotalJpy();
        } catch (Exception e) {
            throw new IllegalStateException("the generated client failed: " + e, e);
        }
    }
}
