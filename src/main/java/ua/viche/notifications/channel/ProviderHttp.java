package ua.viche.notifications.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One HTTP client for the providers' JSON APIs: posts a JSON object and gives back the status and the parsed answer. */
@Component
class ProviderHttp {

    /** A provider's answer: the HTTP status and the JSON body (an empty object when there was none or it did not parse). */
    record Answer(int status, JsonNode body) {}

    private final RestClient http;
    private final JsonMapper json;

    ProviderHttp(JsonMapper json) {
        this.json = json;
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(Duration.ofSeconds(15));
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    /** Posts the object as JSON; throws {@link IOException} when the provider could not be reached. */
    Answer post(String url, Map<String, String> headers, Object body) throws IOException {
        try {
            return http.post().uri(url).contentType(MediaType.APPLICATION_JSON)
                    .headers(h -> headers.forEach(h::set))
                    .body(json.writeValueAsString(body))
                    .exchange((request, response) -> {
                        byte[] bytes = response.getBody().readAllBytes();
                        return new Answer(response.getStatusCode().value(), parse(new String(bytes, StandardCharsets.UTF_8)));
                    });
        } catch (ResourceAccessException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The body of a GET (a file a person sent), at most {@code max} bytes; empty when not reachable, not 200 or too large. */
    Optional<byte[]> get(String url, int max) {
        try {
            return http.get().uri(URI.create(url)).exchange((request, response) -> {
                if (response.getStatusCode().value() != 200) {
                    return Optional.<byte[]>empty();
                }
                byte[] bytes = response.getBody().readNBytes(max + 1);
                return bytes.length > max ? Optional.<byte[]>empty() : Optional.of(bytes);
            });
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    JsonNode parse(String text) {
        try {
            return text.isBlank() ? json.createObjectNode() : json.readTree(text);
        } catch (RuntimeException e) {
            return json.createObjectNode();
        }
    }

    JsonMapper json() { return json; }
}
