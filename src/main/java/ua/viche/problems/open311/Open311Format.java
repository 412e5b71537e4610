package ua.viche.problems.open311;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes GeoReport v2 documents. JSON is an array of objects; XML wraps the same objects in the
 * standard's root and item elements ({@code <services><service>}, {@code <service_requests><request>},
 * {@code <errors><error>}) after an XML declaration with UTF-8.
 */
final class Open311Format {

    static final MediaType XML = new MediaType("text", "xml", StandardCharsets.UTF_8);
    static final MediaType JSON = new MediaType("application", "json", StandardCharsets.UTF_8);

    private Open311Format() {}

    static ResponseEntity<String> list(JsonMapper json, String format, int status, String root, String item,
                                       List<Map<String, @Nullable Object>> items) {
        if ("xml".equals(format)) {
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(root).append('>');
            for (Map<String, @Nullable Object> i : items) {
                element(xml, item, i);
            }
            xml.append("</").append(root).append('>');
            return ResponseEntity.status(status).contentType(XML).body(xml.toString());
        }
        return ResponseEntity.status(status).contentType(JSON).body(json.writeValueAsString(items));
    }

    /** One object (the service definition) as the root element itself. */
    static ResponseEntity<String> single(JsonMapper json, String format, String root, Map<String, @Nullable Object> object) {
        if ("xml".equals(format)) {
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            element(xml, root, object);
            return ResponseEntity.ok().contentType(XML).body(xml.toString());
        }
        return ResponseEntity.ok().contentType(JSON).body(json.writeValueAsString(object));
    }

    static ResponseEntity<String> error(JsonMapper json, String format, int status, String description) {
        return list(json, format, status, "errors", "error",
                List.of(Map.of("code", status, "description", description)));
    }

    @SuppressWarnings("unchecked")
    private static void element(StringBuilder xml, String name, @Nullable Object value) {
        if (value == null || (value instanceof String s && s.isEmpty())) {
            xml.append('<').append(name).append("/>");
            return;
        }
        xml.append('<').append(name).append('>');
        if (value instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((k, v) -> element(xml, k, v));
        } else if (value instanceof List<?> list) {
            String child = name.endsWith("s") ? name.substring(0, name.length() - 1) : "item";
            list.forEach(v -> element(xml, child, v));
        } else {
            escape(xml, value.toString());
        }
        xml.append("</").append(name).append('>');
    }

    private static void escape(StringBuilder xml, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '&' -> xml.append("&amp;");
                case '"' -> xml.append("&quot;");
                case '\'' -> xml.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
                        xml.append(c);
                    }
                }
            }
        }
    }
}
