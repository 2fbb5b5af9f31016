package dev.kurashi.notification;

import dev.kurashi.telemetry.AwsClientMetrics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ClientBuilder;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * SES v2 SendEmail through the AWS SDK. The dedupe id rides as the message tag {@code dedupe-id} (it shows in
 * SES event publishing) and as the header {@code X-Kurashi-Dedupe-Id}. The client is built on first use, so apps
 * that never send mail need no SES configuration.
 */
@ApplicationScoped
class SesMailSender implements MailSender {

    static final String DEDUPE_TAG = "dedupe-id";
    static final String DEDUPE_HEADER = "X-Kurashi-Dedupe-Id";

    private final MailConfig config;
    private volatile SesV2Client client;

    public SesMailSender(MailConfig config) {
        this.config = config;
    }

    @Override
    public String send(Mail mail, String dedupeId) {
        String charset = StandardCharsets.UTF_8.name();
        SendEmailRequest.Builder request = SendEmailRequest.builder()
                .fromEmailAddress(config.from())
                .destination(d -> d.toAddresses(mail.to()))
                .content(c -> c.simple(m -> m.subject(Content.builder()
                                .data(mail.subject())
                                .charset(charset)
                                .build())
                        .body(b -> b.text(Content.builder()
                                .data(mail.text())
                                .charset(charset)
                                .build()))
                        .headers(h -> h.name(DEDUPE_HEADER).value(dedupeId))))
                .emailTags(t -> t.name(DEDUPE_TAG).value(dedupeId));
        config.configurationSet().ifPresent(request::configurationSetName);
        try {
            return client().sendEmail(request.build()).messageId();
        } catch (SdkException e) {
            throw new NotificationFailedException("SES SendEmail failed: " + e.getMessage(), e);
        }
    }

    private SesV2Client client() {
        SesV2Client current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = build();
                }
                current = client;
            }
        }
        return current;
    }

    private SesV2Client build() {
        SesV2ClientBuilder builder = SesV2Client.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(
                        o -> o.apiCallTimeout(config.timeout()).addExecutionInterceptor(new AwsClientMetrics()));
        config.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private AwsCredentialsProvider credentials() {
        if (config.accessKeyId().isPresent() && config.secretAccessKey().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    config.accessKeyId().get(), config.secretAccessKey().get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
