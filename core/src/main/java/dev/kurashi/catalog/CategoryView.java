package dev.kurashi.catalog;

/** A category as the public API shows it; {@code parent} is the parent's slug or null. */
public record CategoryView(String slug, String name, String parent) {}
