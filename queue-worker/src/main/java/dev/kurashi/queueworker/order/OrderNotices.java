package dev.kurashi.queueworker.order;

import dev.kurashi.customer.CustomerService;
import dev.kurashi.notification.NotificationService;
import dev.kurashi.notification.PushMessage;
import dev.kurashi.order.OrderEvent;
import dev.kurashi.order.OrderService;
import dev.kurashi.order.OrderView;
import dev.kurashi.queueworker.mail.MailText;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** What every order notice needs: the order as its customer sees it, the salutation, and the recorded send. */
@ApplicationScoped
class OrderNotices {

    /** The order and how its customer is addressed. */
    record Addressed(OrderView order, String salutation) {}

    private final OrderService orders;
    private final CustomerService customers;
    private final NotificationService notifications;

    OrderNotices(OrderService orders, CustomerService customers, NotificationService notifications) {
        this.orders = orders;
        this.customers = customers;
        this.notifications = notifications;
    }

    /** The order of the event as its customer sees it, and how the customer is addressed. */
    Addressed load(OrderEvent event) {
        OrderView order = orders.get(event.customerId(), event.orderId().toString());
        return new Addressed(
                order, MailText.salutation(customers.contact(event.customerId()).orElse(null)));
    }

    /** One mail per event and customer (the send is recorded under the event id). */
    void mail(UUID eventId, long customerId, OrderMails.Rendered mail) {
        notifications.mail(eventId, customerId, mail.subject(), mail.text());
    }

    /** One push per event and device. */
    void push(UUID eventId, long customerId, PushMessage push) {
        notifications.push(eventId, customerId, push);
    }
}
