package dev.kurashi.notification;

/** A plain-text mail to one address. */
record Mail(String to, String subject, String text) {}
