package ua.viche.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import ua.viche.IntegrationTest;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.demo.DemoAccounts;
import ua.viche.identity.domain.AccountRepository;

/**
 * A path segment that is not a community never runs community code: every route and API endpoint
 * mapped under {@code {community}}, found from Spring's request mappings, answers 404 without any
 * community's data when that segment is dotted, one of the platform's own roots, or unknown.
 */
@IntegrationTest
class CommunityRoutesTest {

    private static final String[] SAMPLES = {"1", "ABCD-EFGH", "x", "json", "csv"};

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired Communities communities;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;

    @Test
    void everyCommunityRouteIsA404ForASegmentThatIsNotACommunity() throws Exception {
        Routes routes = Routes.of(mapping);
        List<Routes.Route> community = routes.community();
        assertThat(community).as("community routes found from the mappings").hasSizeGreaterThan(100);
        RequestPostProcessor platformAdmin = TestAccounts.as(accounts, DemoAccounts.PLATFORM_ADMIN);
        List<String> reserved = Communities.RESERVED.stream().sorted().toList();
        List<String> failures = new ArrayList<>();
        int index = 0;
        for (Routes.Route route : community) {
            String reservedWord = reservedFor(route, routes.platform(), reserved, index++);
            for (String slug : List.of("x.y", reservedWord, "no-such-community")) {
                String path = route.path(v -> v.name().equals("community") ? slug : v.first(SAMPLES));
                check(route, path, route.request(path).with(csrf()).with(platformAdmin), "platform administrator", failures);
                check(route, path, route.request(path).with(csrf()), "visitor", failures);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void everyCommunityPositionIsTheCommunityVariableAndEveryPlatformRootIsReserved() {
        Routes routes = Routes.of(mapping);
        List<String> problems = new ArrayList<>();
        for (Routes.Route route : routes.all()) {
            String[] segments = route.template().split("/");
            int position = segments.length > 1 && (segments[1].equals("api") || segments[1].equals("open311")) ? 3 : 1;
            if (segments.length <= position || segments[position].isEmpty() || segments[position].startsWith("**")) {
                continue;
            }
            String segment = segments[position];
            boolean variable = segment.startsWith("{");
            if (variable && !(segment.equals("{community}") || segment.startsWith("{community:"))) {
                problems.add(route + ": the community's place is a variable not named community");
            }
            if (!variable && !(position == 1 ? Communities.PLATFORM_ROOTS : Communities.RESERVED).contains(segment)) {
                problems.add(route + ": the platform root '" + segment + "' is not "
                        + (position == 1 ? "a platform root" : "reserved"));
            }
        }
        assertThat(Communities.RESERVED).containsAll(Communities.PLATFORM_ROOTS);
        for (String root : List.of("css", "js", "webjars", "favicon.ico", "robots.txt", "sitemap.xml", "actuator", "error", "v3")) {
            if (!Communities.PLATFORM_ROOTS.contains(root)) {
                problems.add("the platform root '" + root + "' is not reserved");
            }
        }
        assertThat(problems).isEmpty();
        for (String slug : Communities.RESERVED) {
            assertThat(Communities.slugProblem(slug)).as(slug).isNotNull();
        }
        assertThat(Communities.slugProblem("x.y")).isEqualTo("community.slug.invalid");
        assertThat(Communities.slugProblem("-abc")).isEqualTo("community.slug.invalid");
        assertThat(Communities.slugProblem("abc-")).isEqualTo("community.slug.invalid");
        assertThat(Communities.slugProblem("Abc")).isEqualTo("community.slug.invalid");
        assertThat(Communities.slugProblem("кропивницький")).isEqualTo("community.slug.invalid");
        assertThat(Communities.slugProblem("search")).isEqualTo("community.slug.reserved");
        assertThat(Communities.slugProblem("nova-praha-2")).isNull();
    }

    private void check(Routes.Route route, String path, MockHttpServletRequestBuilder request, String who,
                       List<String> failures) throws Exception {
        MockHttpServletResponse response;
        try {
            response = mvc.perform(request).andReturn().getResponse();
        } catch (Exception e) { // a handler ran and failed after the response was begun
            failures.add(route + " as " + who + ": " + route.method() + " " + path + " threw " + e.getClass().getSimpleName());
            return;
        }
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        boolean signIn = who.equals("visitor") && (response.getStatus() == 401
                || response.getStatus() == 302 && String.valueOf(response.getRedirectedUrl()).endsWith("/account/signin"));
        if (signIn) {
            return; // a visitor is sent to sign in first (pages under admin paths), before any handler runs
        }
        if (response.getStatus() != 404) {
            failures.add(route + " as " + who + ": " + route.method() + " " + path + " answered " + response.getStatus());
            return;
        }
        for (Community c : communities.all()) {
            if (body.contains(c.nameUk()) || body.contains(c.nameEn()) || body.contains("/" + c.slug() + "/")
                    || body.contains("/" + c.slug() + "\"")) {
                failures.add(route + " as " + who + ": " + route.method() + " " + path + " shows " + c.slug());
            }
        }
    }

    /**
     * A reserved word for the route's community place, taken in turn from the list so that every
     * word is tried, skipping one that would make the path another (platform) route's.
     */
    private static String reservedFor(Routes.Route route, List<Routes.Route> platform, List<String> reserved, int index) {
        for (int i = 0; i < reserved.size(); i++) {
            String word = reserved.get((index + i) % reserved.size());
            String path = route.path(v -> v.name().equals("community") ? word : v.first(SAMPLES));
            if (platform.stream().noneMatch(p -> p.matches(path))) {
                return word;
            }
        }
        throw new AssertionError("no reserved word fits " + route);
    }
}
