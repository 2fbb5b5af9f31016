package dev.kurashi.order.payment;

import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentCreateParams;
import dev.kurashi.order.PaymentMethod;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Stripe (stripe-java) behind the {@link PaymentGateway} port (ADR 1201).
 *
 * <p>Cards: the checkout page's Stripe Elements turns the card into a PaymentMethod ({@code pm_...}) in the
 * browser; the server creates and confirms a PaymentIntent with manual capture, captures it once the order has
 * committed and cancels it when the order does not commit. A card that would need 3-D Secure is declined
 * ({@code error_on_requires_action}), since the one-step checkout cannot show the challenge.
 *
 * <p>Konbini: a confirmed PaymentIntent of type konbini; the answer carries the payment code, the deadline and
 * the voucher page. The money arrives later: the {@code payment_intent.succeeded} webhook marks the order paid,
 * {@code payment_intent.payment_failed}/{@code canceled} (the slip expired) cancel it.
 *
 * <p>Every create carries an idempotency key derived from the attempt and what it asks for, so a retry (ours or
 * the SDK's) never charges twice, and a retried attempt with another card is a new request.
 */
class StripePaymentGateway implements PaymentGateway {

    private static final Logger LOG = Logger.getLogger(StripePaymentGateway.class);
    private static final Set<String> AUTHORIZED = Set.of("requires_capture", "succeeded");

    private final StripeClient stripe;
    private final KonbiniConfig konbini;

    public StripePaymentGateway(StripeClient stripe, KonbiniConfig konbini) {
        this.stripe = stripe;
        this.konbini = konbini;
    }

    @Override
    public PaymentResult authorize(PaymentRequest request) {
        RequestOptions options = RequestOptions.builder()
                .setIdempotencyKey(idempotencyKey(request))
                .build();
        try {
            return request.method() == PaymentMethod.KONBINI ? konbini(request, options) : card(request, options);
        } catch (CardException e) {
            String reason = e.getDeclineCode() != null ? e.getDeclineCode() : e.getCode();
            return PaymentResult.declined(reason == null ? "card_declined" : reason);
        } catch (InvalidRequestException e) {
            if ("payment_method".equals(e.getParam()) || "resource_missing".equals(e.getCode())) {
                // a card token that is not a PaymentMethod of ours: the card form was tampered with
                return PaymentResult.declined("invalid_token");
            }
            throw new PaymentUnavailableException("Stripe refused the request: " + e.getCode(), e);
        } catch (StripeException e) {
            throw new PaymentUnavailableException("Stripe could not be asked: " + e.getCode(), e);
        }
    }

    private PaymentResult card(PaymentRequest request, RequestOptions options) throws StripeException {
        PaymentIntent intent = stripe.v1()
                .paymentIntents()
                .create(
                        PaymentIntentCreateParams.builder()
                                .setAmount(request.amountJpy())
                                .setCurrency("jpy")
                                .addPaymentMethodType("card")
                                .setPaymentMethod(request.cardToken())
                                .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL)
                                .setConfirm(true)
                                .setErrorOnRequiresAction(true)
                                .putMetadata("reference", request.reference())
                                .build(),
                        options);
        if (AUTHORIZED.contains(intent.getStatus())) {
            return PaymentResult.approved(intent.getId());
        }
        // processing, requires_action...: nothing we can place an order on; release it
        cancel(intent.getId());
        return PaymentResult.declined("status_" + intent.getStatus());
    }

    private PaymentResult konbini(PaymentRequest request, RequestOptions options) throws StripeException {
        long days = Math.max(1, ceilDays(konbini.paymentWindow()));
        PaymentIntent intent = stripe.v1()
                .paymentIntents()
                .create(
                        PaymentIntentCreateParams.builder()
                                .setAmount(request.amountJpy())
                                .setCurrency("jpy")
                                .addPaymentMethodType("konbini")
                                .setPaymentMethodData(PaymentIntentCreateParams.PaymentMethodData.builder()
                                        .setType(PaymentIntentCreateParams.PaymentMethodData.Type.KONBINI)
                                        .setBillingDetails(
                                                PaymentIntentCreateParams.PaymentMethodData.BillingDetails.builder()
                                                        .setName(request.payerName())
                                                        .setEmail(request.payerEmail())
                                                        .build())
                                        .build())
                                .setPaymentMethodOptions(PaymentIntentCreateParams.PaymentMethodOptions.builder()
                                        .setKonbini(PaymentIntentCreateParams.PaymentMethodOptions.Konbini.builder()
                                                .setExpiresAfterDays(days)
                                                .build())
                                        .build())
                                .setConfirm(true)
                                .putMetadata("reference", request.reference())
                                .build(),
                        options);
        PaymentIntent.NextAction next = intent.getNextAction();
        PaymentIntent.NextAction.KonbiniDisplayDetails slip = next == null ? null : next.getKonbiniDisplayDetails();
        if (slip == null || slip.getExpiresAt() == null) {
            cancel(intent.getId());
            throw new PaymentUnavailableException(
                    "Stripe opened konbini payment " + intent.getId() + " without a slip (" + intent.getStatus() + ")",
                    null);
        }
        return PaymentResult.pending(
                intent.getId(),
                paymentCode(slip),
                Instant.ofEpochSecond(slip.getExpiresAt()),
                slip.getHostedVoucherUrl());
    }

    /** The code to pay with; every chain's is the same for one slip in Stripe's answers, so the first one. */
    private static String paymentCode(PaymentIntent.NextAction.KonbiniDisplayDetails slip) {
        var stores = slip.getStores();
        if (stores == null) {
            return null;
        }
        return Stream.of(
                        stores.getFamilymart() == null
                                ? null
                                : stores.getFamilymart().getPaymentCode(),
                        stores.getLawson() == null ? null : stores.getLawson().getPaymentCode(),
                        stores.getMinistop() == null
                                ? null
                                : stores.getMinistop().getPaymentCode(),
                        stores.getSeicomart() == null
                                ? null
                                : stores.getSeicomart().getPaymentCode())
                .filter(code -> code != null && !code.isBlank())
                .findFirst()
                .orElse(null);
    }

    @Override
    public void capture(String paymentId) {
        try {
            stripe.v1()
                    .paymentIntents()
                    .capture(
                            paymentId,
                            PaymentIntentCaptureParams.builder().build(),
                            RequestOptions.builder()
                                    .setIdempotencyKey("capture-" + paymentId)
                                    .build());
        } catch (StripeException e) {
            throw new PaymentUnavailableException("Could not capture " + paymentId + ": " + e.getCode(), e);
        }
    }

    @Override
    public void cancel(String paymentId) {
        try {
            stripe.v1()
                    .paymentIntents()
                    .cancel(
                            paymentId,
                            PaymentIntentCancelParams.builder().build(),
                            RequestOptions.builder()
                                    .setIdempotencyKey("cancel-" + paymentId)
                                    .build());
        } catch (InvalidRequestException e) {
            // already cancelled or captured: nothing left to void
            LOG.infof("Payment %s not cancelled: %s", paymentId, e.getMessage());
        } catch (StripeException e) {
            throw new PaymentUnavailableException("Could not cancel " + paymentId + ": " + e.getCode(), e);
        }
    }

    /**
     * A digest of the attempt and what it asks for: same attempt, same request, same key (Stripe keys are at most
     * 255 characters; ours are 72).
     */
    static String idempotencyKey(PaymentRequest request) {
        String asked = request.reference() + "\n" + request.method().code() + "|" + request.amountJpy() + "|"
                + (request.cardToken() == null ? "" : request.cardToken());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(asked.getBytes(StandardCharsets.UTF_8));
            return "kurashi-" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long ceilDays(Duration window) {
        long days = window.toDays();
        return window.equals(Duration.ofDays(days)) ? days : days + 1;
    }
}
