package dev.kurashi.secrets;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A user name and password for the database, as held by a Secrets Manager secret. */
record DatabaseCredentials(String username, String password) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads the JSON shape of an RDS/Aurora secret ({@code username}, {@code password}, and
     * optionally {@code host}, {@code port}, {@code dbname}, which the JDBC URL already carries).
     * Error messages never quote the secret.
     */
    static DatabaseCredentials fromSecretString(String secretId, String secretString) {
        if (secretString == null || secretString.isBlank()) {
            throw new SecretUnavailableException("Secrets Manager secret '" + secretId + "' has no SecretString");
        }
        JsonNode json;
        try {
            json = JSON.readTree(secretString);
        } catch (JacksonException e) {
            // The parser's message can quote the secret, so it is neither kept nor chained.
            throw new SecretUnavailableException("Secrets Manager secret '" + secretId + "' is not a JSON object");
        }
        return new DatabaseCredentials(
                requiredText(secretId, json, "username"), requiredText(secretId, json, "password"));
    }

    private static String requiredText(String secretId, JsonNode json, String field) {
        JsonNode value = json == null ? null : json.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new SecretUnavailableException(
                    "Secrets Manager secret '" + secretId + "' has no string field '" + field + "'");
        }
        return value.asText();
    }

    boolean matches(String username, String password) {
        return this.username.equals(username) && this.password.equals(password);
    }

    @Override
    public String toString() {
        return "DatabaseCredentials[username=" + username + ", password=***]";
    }
}
