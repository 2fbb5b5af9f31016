package dev.kurashi.shop.web;

import dev.kurashi.order.PlaceOrderCommand;
import dev.kurashi.order.Prefectures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The checkout form as posted, kept as typed so that a page with errors shows it again. {@link #errors()}
 * checks the same rules as the order API, with messages in Japanese keyed by field name.
 */
public class CheckoutForm {

    /** The 47 prefectures (都道府県), north to south, for the select. */
    public static final List<String> PREFECTURES = Prefectures.ALL;

    /** Test card tokens of the local payment adapter (a real shop gets one from the provider's SDK). */
    public static final List<String> TEST_CARD_TOKENS = List.of("tok_visa", "tok_declined");

    @RestForm
    public String name;

    @RestForm
    public String postalCode;

    @RestForm
    public String prefecture;

    @RestForm
    public String city;

    @RestForm
    public String line1;

    @RestForm
    public String line2;

    @RestForm
    public String phone;

    @RestForm
    public String paymentMethod;

    @RestForm
    public String cardToken;

    @RestForm
    public String idempotencyKey;

    /** An empty form, card selected. */
    static CheckoutForm empty(String idempotencyKey) {
        CheckoutForm form = new CheckoutForm();
        form.paymentMethod = "card";
        form.cardToken = "tok_visa";
        form.idempotencyKey = idempotencyKey;
        return form;
    }

    /** Field name → message; empty when the form may be sent to the order service. */
    Map<String, String> errors() {
        normalize();
        Map<String, String> errors = new LinkedHashMap<>();
        if (blank(name)) {
            errors.put("name", "お名前を入力してください。");
        } else if (name.length() > 100) {
            errors.put("name", "お名前は100文字以内で入力してください。");
        }
        if (blank(postalCode)) {
            errors.put("postalCode", "郵便番号を入力してください。");
        } else if (!postalCode.matches("[0-9]{3}-[0-9]{4}")) {
            errors.put("postalCode", "郵便番号は「123-4567」のように7桁で入力してください。");
        }
        if (blank(prefecture) || !PREFECTURES.contains(prefecture)) {
            errors.put("prefecture", "都道府県を選んでください。");
        }
        if (blank(city)) {
            errors.put("city", "市区町村を入力してください。");
        } else if (city.length() > 100) {
            errors.put("city", "市区町村は100文字以内で入力してください。");
        }
        if (blank(line1)) {
            errors.put("line1", "番地を入力してください。");
        } else if (line1.length() > 200) {
            errors.put("line1", "番地は200文字以内で入力してください。");
        }
        if (line2 != null && line2.length() > 200) {
            errors.put("line2", "建物名・部屋番号は200文字以内で入力してください。");
        }
        if (blank(phone)) {
            errors.put("phone", "電話番号を入力してください。");
        } else if (!phone.matches("(?:[0-9]-?){9,12}[0-9]")) {
            errors.put("phone", "電話番号は数字10〜13桁で入力してください（ハイフンは入れても入れなくてもかまいません）。");
        }
        if (!"card".equals(paymentMethod) && !"konbini".equals(paymentMethod)) {
            errors.put("paymentMethod", "お支払い方法を選んでください。");
        } else if ("card".equals(paymentMethod) && (blank(cardToken) || !cardToken.matches("[A-Za-z0-9_]{1,255}"))) {
            errors.put("cardToken", "カードを選んでください。");
        }
        return errors;
    }

    PlaceOrderCommand command() {
        boolean card = "card".equals(paymentMethod);
        return new PlaceOrderCommand(
                new PlaceOrderCommand.Address(
                        name, postalCode, prefecture, city, line1, blank(line2) ? null : line2, phone),
                new PlaceOrderCommand.Payment(paymentMethod, card ? cardToken : null));
    }

    private void normalize() {
        name = FormInput.clean(name);
        postalCode = FormInput.clean(postalCode);
        if (postalCode != null && postalCode.matches("[0-9]{7}")) {
            postalCode = postalCode.substring(0, 3) + "-" + postalCode.substring(3);
        }
        prefecture = FormInput.clean(prefecture);
        city = FormInput.clean(city);
        line1 = FormInput.clean(line1);
        line2 = FormInput.clean(line2);
        phone = FormInput.clean(phone);
        paymentMethod = FormInput.clean(paymentMethod);
        cardToken = FormInput.clean(cardToken);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
