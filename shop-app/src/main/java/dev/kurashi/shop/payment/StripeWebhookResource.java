package dev.kurashi.shop.payment;

import dev.kurashi.common.DomainException;
import dev.kurashi.order.PaymentWebhookService;
import dev.kurashi.order.payment.PaymentEvent;
import dev.kurashi.order.payment.StripeWebhooks;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * Stripe's webhook endpoint (registered in the Stripe dashboard as {@code https://<domain>/webhooks/stripe}).
 * The body is read as the raw string the signature covers. A forged, unsigned or stale call is 400 and changes
 * nothing; a verified event is applied once (a redelivery answers 200 again, as Stripe expects). Not part of
 * the public API.
 */
@Path("/webhooks/stripe")
public class StripeWebhookResource {

    private static final Logger LOG = Logger.getLogger(StripeWebhookResource.class);

    private final StripeWebhooks webhooks;
    private final PaymentWebhookService payments;

    public StripeWebhookResource(StripeWebhooks webhooks, PaymentWebhookService payments) {
        this.webhooks = webhooks;
        this.payments = payments;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response receive(String payload, @HeaderParam("Stripe-Signature") String signature) {
        PaymentEvent event;
        try {
            event = webhooks.verify(payload == null ? "" : payload, signature);
        } catch (StripeWebhooks.Rejected e) {
            LOG.warnf("Stripe webhook rejected: %s", e.getMessage());
            throw DomainException.invalid("The webhook signature does not verify");
        }
        PaymentWebhookService.Outcome outcome = payments.apply(event);
        LOG.infof("Stripe event %s (%s) for %s: %s", event.eventId(), event.providerType(), event.paymentId(), outcome);
        return Response.ok(Map.of("received", true, "outcome", outcome.name())).build();
    }
}
