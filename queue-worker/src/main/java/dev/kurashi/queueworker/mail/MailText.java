package dev.kurashi.queueworker.mail;

import dev.kurashi.customer.CustomerService;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formatting shared by the mail templates: yen, Japan time, and how a customer is addressed. */
public final class MailText {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.JAPAN);

    private MailText() {}

    /** {@code ¥12,345}. */
    public static String yen(long amount) {
        return "¥" + NumberFormat.getIntegerInstance(Locale.JAPAN).format(amount);
    }

    public static String japanTime(Instant instant) {
        return DATE_TIME.format(instant.atZone(JAPAN));
    }

    /** {@code 山田 花子 様}, or {@code お客様} when the customer gave no name. */
    public static String salutation(CustomerService.Contact contact) {
        return contact == null || contact.displayName().isBlank() ? "お客様" : contact.displayName() + " 様";
    }
}
