package dev.kurashi.shop.web;

/** A notice above a page's content (see components/notice): kind is success, error or info. */
public record Flash(String kind, String message) {}
