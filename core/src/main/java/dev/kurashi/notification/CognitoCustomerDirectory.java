package dev.kurashi.notification;

import dev.kurashi.customer.CustomerService;
import dev.kurashi.telemetry.AwsClientMetrics;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * The production directory: {@code customers.email} when sign-in recorded it, else the {@code email} attribute of
 * the Cognito user whose {@code sub} the customer has. The user is found with {@code ListUsers} filtered on
 * {@code sub} rather than {@code AdminGetUser}, which takes the user name, and a pool's user names need not be
 * the sub. Needs {@code cognito-idp:ListUsers} on the pool.
 */
class CognitoCustomerDirectory implements CustomerDirectory, AutoCloseable {

    private final CustomerService customers;
    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;

    public CognitoCustomerDirectory(CustomerService customers, String userPoolId, String region) {
        this(
                customers,
                CognitoIdentityProviderClient.builder()
                        .region(Region.of(region))
                        .credentialsProvider(
                                DefaultCredentialsProvider.builder().build())
                        .httpClientBuilder(UrlConnectionHttpClient.builder())
                        .overrideConfiguration(o -> o.addExecutionInterceptor(new AwsClientMetrics()))
                        .build(),
                userPoolId);
    }

    CognitoCustomerDirectory(CustomerService customers, CognitoIdentityProviderClient cognito, String userPoolId) {
        this.customers = customers;
        this.cognito = cognito;
        this.userPoolId = userPoolId;
    }

    @Override
    public Optional<String> email(long customerId) {
        return customers
                .contact(customerId)
                .flatMap(contact ->
                        contact.email() != null ? Optional.of(contact.email()) : lookUp(contact.cognitoSub()));
    }

    private Optional<String> lookUp(String sub) {
        if (!sub.matches("[A-Za-z0-9-]+")) {
            return Optional.empty();
        }
        return cognito
                .listUsers(r -> r.userPoolId(userPoolId)
                        .filter("sub = \"" + sub + "\"")
                        .limit(1)
                        .attributesToGet("email"))
                .users()
                .stream()
                .findFirst()
                .flatMap(CognitoCustomerDirectory::emailOf);
    }

    private static Optional<String> emailOf(UserType user) {
        return user.attributes().stream()
                .filter(a -> a.name().equals("email"))
                .map(AttributeType::value)
                .findFirst();
    }

    @Override
    public void close() {
        cognito.close();
    }
}
