package dev.kurashi.notification;

/** Port to the mail provider (SES v2 in AWS and against the devstack sink). */
interface MailSender {

    /**
     * Sends the mail and answers the provider's message id. {@code dedupeId} travels with the mail (a tag and a
     * header) so a duplicate that slipped through can be recognised downstream. Throws
     * {@link NotificationFailedException} when the provider refused or could not be reached.
     */
    String send(Mail mail, String dedupeId);
}
