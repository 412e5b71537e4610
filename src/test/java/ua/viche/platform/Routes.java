package ua.viche.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.NameValueExpression;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Every route of the application as Spring's request mappings declare it (not a list kept by hand):
 * one entry per pattern and HTTP method, with what a request needs to reach its handler.
 */
record Routes(List<Route> all) {

    /** One pattern and method of one handler. */
    record Route(String method, PathPattern pattern, RequestMappingInfo info, HandlerMethod handler) {

        String template() {
            return pattern.getPatternString();
        }

        /** The path variables of the pattern, in order, as {@code name} or {@code name:regex}. */
        List<String> variables() {
            List<String> names = new ArrayList<>();
            String t = template();
            for (int i = t.indexOf('{'); i >= 0; i = t.indexOf('{', i)) {
                int end = closing(t, i);
                names.add(t.substring(i + 1, end));
                i = end;
            }
            return names;
        }

        /** The path with each variable replaced by the value the function gives (given its name and regex). */
        String path(Function<Variable, String> values) {
            String t = template();
            StringBuilder out = new StringBuilder();
            int from = 0;
            for (int i = t.indexOf('{'); i >= 0; i = t.indexOf('{', from)) {
                int end = closing(t, i);
                out.append(t, from, i);
                String spec = t.substring(i + 1, end);
                int colon = spec.indexOf(':');
                String name = colon < 0 ? spec : spec.substring(0, colon);
                out.append(values.apply(new Variable(name.replace("*", ""), colon < 0 ? null : Pattern.compile(spec.substring(colon + 1)))));
                from = end + 1;
            }
            out.append(t.substring(from));
            return out.toString().replace("/**", "/x").replace("/*", "/x");
        }

        /** A request for the path that meets the mapping's other conditions (parameters, headers, body type). */
        MockHttpServletRequestBuilder request(String path) {
            MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path);
            for (NameValueExpression<String> p : info.getParamsCondition().getExpressions()) {
                if (!p.isNegated()) {
                    request.param(p.getName(), p.getValue() == null ? "1" : p.getValue());
                }
            }
            for (NameValueExpression<String> h : info.getHeadersCondition().getExpressions()) {
                if (!h.isNegated() && !h.getName().equalsIgnoreCase("Content-Type") && !h.getName().equalsIgnoreCase("Accept")) {
                    request.header(h.getName(), h.getValue() == null ? "1" : h.getValue());
                }
            }
            Set<MediaType> consumes = info.getConsumesCondition().getConsumableMediaTypes();
            if (!consumes.isEmpty()) {
                MediaType type = consumes.iterator().next();
                request.contentType(type.isWildcardType() || type.isWildcardSubtype() ? MediaType.APPLICATION_FORM_URLENCODED : type);
                if (type.getSubtype().contains("json")) {
                    request.content("{}");
                }
            }
            return request;
        }

        /** Whether this route's pattern matches the path. */
        boolean matches(String path) {
            return pattern.matches(PathContainer.parsePath(path));
        }

        @Override
        public String toString() {
            return method + " " + template();
        }
    }

    /** A path variable: its name and, when the pattern constrains it, its regex. */
    record Variable(String name, Pattern regex) {
        /** The first of the candidates the variable's regex accepts (the first candidate when it has none). */
        String first(String... candidates) {
            for (String c : candidates) {
                if (regex == null || regex.matcher(c).matches()) {
                    return c;
                }
            }
            throw new AssertionError("no sample value for {" + name + ":" + regex + "}");
        }
    }

    static Routes of(RequestMappingHandlerMapping mapping) {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            List<String> names = methods.isEmpty() ? List.of("GET", "POST")
                    : methods.stream().map(RequestMethod::name).filter(m -> !m.equals("HEAD") && !m.equals("OPTIONS")).toList();
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                for (String m : names) {
                    routes.add(new Route(m, pattern, info, e.getValue()));
                }
            }
        }
        routes.sort(Comparator.comparing(Route::toString));
        return new Routes(routes);
    }

    /** Routes whose path names a community: those with a {@code {community}} variable. */
    List<Route> community() {
        return all.stream().filter(r -> r.variables().stream().anyMatch(v -> v.equals("community") || v.startsWith("community:"))).toList();
    }

    /** Routes of the platform itself (no {@code {community}} variable). */
    List<Route> platform() {
        List<Route> community = community();
        return all.stream().filter(r -> !community.contains(r)).toList();
    }

    /** The routes answering GET. */
    List<Route> gets() {
        return all.stream().filter(r -> r.method().equals("GET")).toList();
    }

    private static int closing(String template, int open) {
        int depth = 0;
        for (int i = open; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException(template);
    }
}
