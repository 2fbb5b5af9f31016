package dev.kurashi.notification;

import java.util.Map;

/** What a phone shows: a title, a body, and data for the app (for example the order id to open). */
public record PushMessage(String title, String body, Map<String, String> data) {}
