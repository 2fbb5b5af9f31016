package dev.kurashi.order.payment;

import dev.kurashi.order.PaymentMethod;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A provider that runs in-process, for local runs and tests: card token {@code tok_visa} is approved,
 * {@code tok_declined} (and any other token) declined; konbini opens a slip with a random 11-digit number
 * and a deadline {@link KonbiniConfig#paymentWindow()} from now. It answers instantly and never fails,
 * which is why checkout may call it inside its database transaction. {@link PaymentGateways} makes it the
 * gateway when {@code kurashi.payment.provider=local}, never in the prod profile.
 */
class LocalPaymentGateway implements PaymentGateway {

    public static final String APPROVED_TOKEN = "tok_visa";
    public static final String DECLINED_TOKEN = "tok_declined";

    private static final Logger LOG = Logger.getLogger(LocalPaymentGateway.class);

    private final KonbiniConfig konbini;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    public LocalPaymentGateway(KonbiniConfig konbini) {
        this.konbini = konbini;
    }

    @Override
    public PaymentResult authorize(PaymentRequest request) {
        if (request.method() == PaymentMethod.KONBINI) {
            Instant payBy = clock.instant().plus(konbini.paymentWindow());
            return PaymentResult.pending("local_kb_" + UUID.randomUUID(), konbiniNumber(), payBy, null);
        }
        if (APPROVED_TOKEN.equals(request.cardToken())) {
            return PaymentResult.approved("local_ch_" + UUID.randomUUID());
        }
        return PaymentResult.declined(DECLINED_TOKEN.equals(request.cardToken()) ? "card_declined" : "invalid_token");
    }

    @Override
    public void capture(String paymentId) {
        LOG.debugf("Captured local payment %s", paymentId);
    }

    @Override
    public void cancel(String paymentId) {
        LOG.debugf("Voided local payment %s", paymentId);
    }

    private String konbiniNumber() {
        StringBuilder number = new StringBuilder(11);
        for (int i = 0; i < 11; i++) {
            number.append(random.nextInt(10));
        }
        return number.toString();
    }
}
