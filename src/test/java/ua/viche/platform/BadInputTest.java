package ua.viche.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.PropertyDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriUtils;
import ua.viche.IntegrationTest;

/**
 * No bad input is a server error: every GET route, found from Spring's request mappings, is
 * requested by a visitor with each of its path variables and request parameters (those the handler
 * declares, and the properties of the form it binds) set in turn to hostile values.
 */
@IntegrationTest
class BadInputTest {

    /** Values people and robots send: numbers out of range, control characters, long text, broken dates. */
    static final List<String> HOSTILE = List.of("99999999999999999999", "2147483647", "-2147483648", "-1", "0",
            "\u0000", "a\u0000b", "\u0001\u0007\u001b[31m\u007f", "x".repeat(5000), "2026-13-45", "31.02.2026",
            "9999999-01-01", "%", "' or '1'='1", "ж\uD800", "1e309", "NaN", " ");

    private static final String[] SAMPLES = {"1", "ABCD-EFGH", "x", "json", "csv"};

    @Autowired MockMvc mvc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;

    @Test
    void noGetRouteAnswersBadInputWithAServerError() throws Exception {
        List<Routes.Route> gets = Routes.of(mapping).gets();
        assertThat(gets).hasSizeGreaterThan(100);
        List<String> failures = new ArrayList<>();
        for (Routes.Route route : gets) {
            List<String> variables = route.variables().stream().map(v -> v.split(":", 2)[0])
                    .filter(v -> !v.equals("community") && !v.startsWith("*")).toList();
            Set<String> parameters = parameters(route);
            for (String value : HOSTILE) {
                for (String variable : variables) {
                    if (!route.variables().stream().filter(v -> v.split(":", 2)[0].equals(variable))
                            .allMatch(v -> !v.contains(":") || value.matches(v.split(":", 2)[1]))) {
                        continue; // the pattern does not match the value: no handler is reached
                    }
                    String path = route.path(v -> v.name().equals("community") ? "kropyvnytskyi"
                            : v.name().equals(variable) ? UriUtils.encodePathSegment(value, StandardCharsets.UTF_8)
                            : v.first(SAMPLES));
                    check(route.request(path), route + " {" + variable + "}=" + shown(value), failures);
                }
                String path = route.path(v -> v.name().equals("community") ? "kropyvnytskyi" : v.first(SAMPLES));
                for (String parameter : parameters) {
                    check(route.request(path).param(parameter, value), route + " ?" + parameter + "=" + shown(value), failures);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** The request parameters the handler reads: its {@code @RequestParam}s and the properties of the forms it binds. */
    private static Set<String> parameters(Routes.Route route) {
        Set<String> names = new LinkedHashSet<>(List.of("page", "lang"));
        for (MethodParameter p : route.handler().getMethodParameters()) {
            RequestParam param = p.getParameterAnnotation(RequestParam.class);
            Class<?> type = p.getParameterType();
            if (param != null) {
                if (!Map.class.isAssignableFrom(type)) {
                    String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
                            : p.getParameterName();
                    if (name != null) {
                        names.add(name);
                    }
                }
            } else if (p.getParameterAnnotation(PathVariable.class) == null && (p.hasParameterAnnotation(ModelAttribute.class)
                    || (!BeanUtils.isSimpleProperty(type) && type.getName().startsWith("ua.viche")))) {
                for (PropertyDescriptor d : BeanUtils.getPropertyDescriptors(type)) {
                    if (d.getWriteMethod() != null) {
                        names.add(d.getName());
                    }
                }
            }
        }
        return names;
    }

    private void check(MockHttpServletRequestBuilder request, String what, List<String> failures) {
        try {
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            if (response.getStatus() >= 500) {
                failures.add(what + " answered " + response.getStatus());
            }
        } catch (Exception e) {
            failures.add(what + " threw " + e);
        }
    }

    private static String shown(String value) {
        String escaped = value.chars().mapToObj(c -> c < 0x20 || c == 0x7f || Character.isSurrogate((char) c)
                ? String.format("\\u%04x", c) : String.valueOf((char) c)).reduce("", String::concat);
        return escaped.length() > 40 ? escaped.substring(0, 20) + "…(" + value.length() + ")" : escaped;
    }
}
