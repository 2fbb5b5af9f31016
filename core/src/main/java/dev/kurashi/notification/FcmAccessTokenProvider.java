package dev.kurashi.notification;

/** Port: the OAuth 2 bearer token FCM HTTP v1 requests carry. */
interface FcmAccessTokenProvider {

    /** A token valid for at least a few minutes. */
    String accessToken();

    /** Forgets a cached token that FCM refused (401), so the next call fetches a new one. */
    default void invalidate() {}
}
