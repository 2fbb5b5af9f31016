package dev.kurashi.shop.telemetry;

import dev.kurashi.telemetry.ErrorReporting;
import dev.kurashi.telemetry.PersonalData;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.MDC;

/**
 * Puts the hashed id of the signed-in customer (never the id itself) into the MDC for the request, so an error
 * report says how many customers an error hit without saying who they are.
 */
@Provider
public class ErrorContextFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private final SecurityIdentity identity;

    public ErrorContextFilter(SecurityIdentity identity) {
        this.identity = identity;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!identity.isAnonymous() && identity.getPrincipal() != null) {
            MDC.put(
                    ErrorReporting.CUSTOMER_MDC_KEY,
                    PersonalData.hashCustomer(identity.getPrincipal().getName()));
        } else {
            MDC.remove(ErrorReporting.CUSTOMER_MDC_KEY);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MDC.remove(ErrorReporting.CUSTOMER_MDC_KEY);
    }
}
