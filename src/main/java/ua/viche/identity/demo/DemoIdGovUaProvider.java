package ua.viche.identity.demo;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;
import ua.viche.identity.idgovua.IdGovUaSettings;
import ua.viche.platform.NotFoundException;

/**
 * A stand-in for ID.GOV.UA that speaks the same protocol (authorisation page, get-access-token,
 * get-user-info, get-user-logout), for the demo and the tests. Its page says plainly that it is a
 * demo. It only answers when the demo is on and it is the configured provider, and only sends the
 * browser back to the registered redirect URI, the platform's own callback. Addresses come with
 * their KATOTTG code where the demo knows it. Codes and tokens are kept in the database (as hashes),
 * so that behind a load balancer a code issued by one node is redeemed by another.
 */
@Controller
@RequestMapping(IdGovUaSettings.DEMO_PATH)
class DemoIdGovUaProvider {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long CODE_SECONDS = 120;
    private static final long TOKEN_SECONDS = 3600;

    private final IdGovUaSettings settings;
    private final JdbcTemplate jdbc;

    DemoIdGovUaProvider(IdGovUaSettings settings, JdbcTemplate jdbc) {
        this.settings = settings;
        this.jdbc = jdbc;
    }

    @GetMapping("/")
    String authorise(@RequestParam(name = "response_type", defaultValue = "") String responseType,
                     @RequestParam(name = "client_id", defaultValue = "") String clientId,
                     @RequestParam(name = "state", defaultValue = "") String state,
                     @RequestParam(name = "redirect_uri", defaultValue = "") String redirectUri,
                     @RequestParam(name = "auth_type", defaultValue = "") String authType, Model model) {
        requireDemo();
        if (!"code".equals(responseType) || !IdGovUaSettings.DEMO_CLIENT_ID.equals(clientId) || state.isBlank()
                || !registered(redirectUri)) {
            throw new IllegalArgumentException("bad authorisation request");
        }
        model.addAttribute("persons", DemoPersons.ALL);
        model.addAttribute("state", state);
        model.addAttribute("redirectUri", redirectUri);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new TypedPerson());
        }
        return "identity/demo-idgovua";
    }

    @PostMapping("/authorise")
    String choose(@RequestParam(name = "person", defaultValue = "") String key,
                  @RequestParam(name = "state", defaultValue = "") String state,
                  @RequestParam(name = "redirect_uri", defaultValue = "") String redirectUri) {
        requireDemo();
        DemoPersons.DemoPerson person = DemoPersons.byKey(key).orElseThrow(() -> new IllegalArgumentException("unknown person"));
        return issue(person, state, redirectUri);
    }

    @PostMapping("/authorise-typed")
    String typed(@Valid @ModelAttribute("form") TypedPerson form, BindingResult errors,
                 @RequestParam(name = "state", defaultValue = "") String state,
                 @RequestParam(name = "redirect_uri", defaultValue = "") String redirectUri, Model model) {
        requireDemo();
        if (errors.hasErrors()) {
            model.addAttribute("persons", DemoPersons.ALL);
            model.addAttribute("state", state);
            model.addAttribute("redirectUri", redirectUri);
            return "identity/demo-idgovua";
        }
        return issue(new DemoPersons.DemoPerson("typed", form.getLastName().strip(), form.getGivenName().strip(),
                form.getMiddleName().strip(), form.getTaxNumber().strip(), form.getAddress().strip(),
                form.getEmail().strip(), "", form.getKatottg().strip()), state, redirectUri);
    }

    @GetMapping("/get-access-token")
    @ResponseBody
    ResponseEntity<Map<String, Object>> token(@RequestParam(name = "grant_type", defaultValue = "") String grantType,
                                              @RequestParam(name = "client_id", defaultValue = "") String clientId,
                                              @RequestParam(name = "client_secret", defaultValue = "") String secret,
                                              @RequestParam(name = "code", defaultValue = "") String code) {
        requireDemo();
        Grant grant = take("CODE", code);
        if (!"authorization_code".equals(grantType) || !IdGovUaSettings.DEMO_CLIENT_ID.equals(clientId)
                || !IdGovUaSettings.DEMO_CLIENT_SECRET.equals(secret) || grant == null || grant.expired()) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", "invalid_grant"));
        }
        String accessToken = random();
        String userId = "demo-" + grant.person().key() + "-" + Integer.toHexString(grant.person().taxNumber().hashCode());
        keep("TOKEN", accessToken, new Grant(grant.person(), userId, Instant.now().plusSeconds(TOKEN_SECONDS)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", accessToken);
        body.put("token_type", "bearer");
        body.put("expires_in", TOKEN_SECONDS);
        body.put("refresh_token", random());
        body.put("user_id", userId);
        return ResponseEntity.ok(body);
    }

    @GetMapping("/get-user-info")
    @ResponseBody
    ResponseEntity<Map<String, Object>> userInfo(@RequestParam(name = "access_token", defaultValue = "") String accessToken,
                                                 @RequestParam(name = "user_id", defaultValue = "") String userId) {
        requireDemo();
        Grant grant = find(accessToken);
        if (grant == null || grant.expired() || !grant.userId().equals(userId)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "invalid_token"));
        }
        DemoPersons.DemoPerson p = grant.person();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("auth_type", "dig_sign");
        body.put("issuer", "DEMO — не справжній надавач ідентифікації");
        body.put("issuercn", "Viche demo ID.GOV.UA");
        body.put("subjectcn", p.fullName());
        body.put("lastname", p.lastName());
        body.put("givenname", p.givenName());
        body.put("middlename", p.middleName());
        body.put("email", p.email().isBlank() ? null : p.email());
        body.put("phone", p.phone());
        body.put("address", p.address());
        body.put("katottg", p.katottg().isBlank() ? null : p.katottg());
        body.put("drfocode", p.taxNumber());
        body.put("unzr", "");
        return ResponseEntity.ok(body);
    }

    @GetMapping("/get-user-logout")
    @ResponseBody
    Map<String, Object> logout(@RequestParam(name = "access_token", defaultValue = "") String accessToken) {
        requireDemo();
        take("TOKEN", accessToken);
        return Map.of("result", "ok");
    }

    private String issue(DemoPersons.DemoPerson person, String state, String redirectUri) {
        if (state.isBlank() || !registered(redirectUri)) {
            throw new IllegalArgumentException("bad redirect");
        }
        jdbc.update("delete from demo_idgovua_grant where expires_at < now()");
        String code = random();
        keep("CODE", code, new Grant(person, "", Instant.now().plusSeconds(CODE_SECONDS)));
        return "redirect:" + UriComponentsBuilder.fromUriString(redirectUri)
                .queryParam("code", code).queryParam("state", state).encode().build().toUriString();
    }

    private void keep(String kind, String secret, Grant grant) {
        DemoPersons.DemoPerson p = grant.person();
        jdbc.update("insert into demo_idgovua_grant (secret_hash, kind, user_id, person_key, last_name, given_name, middle_name,"
                + " tax_number, address, email, phone, katottg, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                hash(secret), kind, grant.userId(), p.key(), p.lastName(), p.givenName(), p.middleName(), p.taxNumber(),
                p.address(), p.email(), p.phone(), p.katottg(), Timestamp.from(grant.expiresAt()));
    }

    /** Removes a code or token and gives it back: a code is redeemed once, even by two nodes at the same moment. */
    private @Nullable Grant take(String kind, String secret) {
        List<Grant> taken = jdbc.query("delete from demo_idgovua_grant where secret_hash = ? and kind = ? returning *",
                (rs, i) -> grant(rs), hash(secret), kind);
        return taken.isEmpty() ? null : taken.get(0);
    }

    private @Nullable Grant find(String token) {
        List<Grant> found = jdbc.query("select * from demo_idgovua_grant where secret_hash = ? and kind = 'TOKEN'",
                (rs, i) -> grant(rs), hash(token));
        return found.isEmpty() ? null : found.get(0);
    }

    private static Grant grant(ResultSet rs) throws SQLException {
        return new Grant(new DemoPersons.DemoPerson(rs.getString("person_key"), rs.getString("last_name"),
                rs.getString("given_name"), rs.getString("middle_name"), rs.getString("tax_number"), rs.getString("address"),
                rs.getString("email"), rs.getString("phone"), rs.getString("katottg")),
                rs.getString("user_id"), rs.getTimestamp("expires_at").toInstant());
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Only the registered redirect URI, the platform's own callback, may receive codes. */
    private boolean registered(String redirectUri) {
        return settings.redirectUri().equals(redirectUri);
    }

    private void requireDemo() {
        if (!settings.demo()) {
            throw new NotFoundException("error.404.text");
        }
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private record Grant(DemoPersons.DemoPerson person, String userId, Instant expiresAt) {
        boolean expired() {
            return Instant.now().isAfter(expiresAt);
        }
    }

    /** A person typed on the demo page. */
    public static class TypedPerson {
        @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.tooLong}")
        private String lastName = "";
        @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.tooLong}")
        private String givenName = "";
        @Size(max = 100, message = "{validation.tooLong}")
        private String middleName = "";
        @Pattern(regexp = "\\d{10}", message = "{validation.taxNumber}")
        private String taxNumber = "";
        @Size(max = 500, message = "{validation.tooLong}")
        private String address = "";
        @Pattern(regexp = "|[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "{validation.email}")
        private String email = "";
        @Pattern(regexp = "\\s*(UA\\d{17})?\\s*", message = "{validation.katottg}")
        private String katottg = "";

        public String getLastName() { return lastName; }
        public void setLastName(String lastName) { this.lastName = lastName; }
        public String getGivenName() { return givenName; }
        public void setGivenName(String givenName) { this.givenName = givenName; }
        public String getMiddleName() { return middleName; }
        public void setMiddleName(String middleName) { this.middleName = middleName; }
        public String getTaxNumber() { return taxNumber; }
        public void setTaxNumber(String taxNumber) { this.taxNumber = taxNumber; }
        public String getAddress() { return address; }
        public void setAddress(String address) { this.address = address; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public String getKatottg() { return katottg; }
        public void setKatottg(String katottg) { this.katottg = katottg; }
    }
}
