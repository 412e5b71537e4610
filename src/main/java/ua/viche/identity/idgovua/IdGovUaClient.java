package ua.viche.identity.idgovua;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The server side of ID.GOV.UA's authorisation-code flow: exchanges the code for an access token
 * ({@code /get-access-token}) and reads the user's attributes ({@code /get-user-info}). The
 * unencrypted variant; the encrypted one needs ДСТУ cryptography and is not supported.
 */
@Component
class IdGovUaClient {

    static final String FIELDS = "issuer,issuercn,serial,subject,subjectcn,locality,state,o,ou,title,"
            + "lastname,middlename,givenname,email,address,phone,dns,edrpoucode,drfocode,unzr,katottg";

    /** A KATOTTG code written inside an address. */
    private static final Pattern CODE_IN_TEXT = Pattern.compile("(?<![A-Za-z0-9])UA\\d{17}(?!\\d)");

    private final IdGovUaSettings settings;
    private final RestClient http;

    IdGovUaClient(IdGovUaSettings settings) {
        this.settings = settings;
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(Duration.ofSeconds(5));
        factory.setReadTimeout(Duration.ofSeconds(15));
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    Token token(String code) {
        String uri = UriComponentsBuilder.fromUriString(settings.serverBase() + "/get-access-token")
                .queryParam("grant_type", "authorization_code")
                .queryParam("client_id", "{id}")
                .queryParam("client_secret", "{secret}")
                .queryParam("code", "{code}")
                .encode().buildAndExpand(settings.clientId(), settings.clientSecret(), code).toUriString();
        Token token;
        try {
            token = call(uri, Token.class);
        } catch (IdGovUaException e) {
            if (e.getCause() instanceof HttpClientErrorException refused
                    && refused.getStatusCode().value() != 401 && refused.getStatusCode().value() != 403) {
                throw new InvalidCodeException(refused.getStatusCode().value() + " " + refused.getResponseBodyAsString());
            }
            throw e;
        }
        if (token.accessToken() == null || token.userId() == null) {
            throw new InvalidCodeException("no access token");
        }
        return token;
    }

    UserInfo userInfo(Token token) {
        String uri = UriComponentsBuilder.fromUriString(settings.serverBase() + "/get-user-info")
                .queryParam("access_token", "{token}")
                .queryParam("user_id", "{user}")
                .queryParam("fields", "{fields}")
                .encode().buildAndExpand(token.accessToken(), token.userId(), FIELDS).toUriString();
        return call(uri, UserInfo.class);
    }

    private <T> T call(String uri, Class<T> type) {
        try {
            T body = http.get().uri(URI.create(uri)).retrieve().body(type);
            if (body == null) {
                throw new IdGovUaException("empty answer");
            }
            return body;
        } catch (RestClientException e) {
            throw new IdGovUaException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Token(@JsonProperty("access_token") @Nullable String accessToken,
                 @JsonProperty("token_type") @Nullable String tokenType,
                 @JsonProperty("expires_in") @Nullable Long expiresIn,
                 @JsonProperty("refresh_token") @Nullable String refreshToken,
                 @JsonProperty("user_id") @Nullable String userId) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record UserInfo(@Nullable String issuer, @Nullable String lastname, @Nullable String givenname,
                    @Nullable String middlename, @Nullable String email, @Nullable String phone,
                    @Nullable String address, @Nullable String drfocode, @Nullable String unzr,
                    @JsonProperty("auth_type") @Nullable String authType, @Nullable String katottg) {

        /** The KATOTTG code of the address: its own field, else a code written in the address. */
        @Nullable String addressCode() {
            if (katottg != null && !katottg.isBlank()) {
                return katottg.strip();
            }
            Matcher m = address == null ? null : CODE_IN_TEXT.matcher(address);
            return m != null && m.find() ? m.group() : null;
        }
    }

    /** The provider refused or could not be reached. */
    static class IdGovUaException extends RuntimeException {
        IdGovUaException(String message) {
            super(message);
        }

        IdGovUaException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The provider answered that the authorisation code is not valid (made up, used or expired). */
    static class InvalidCodeException extends IdGovUaException {
        InvalidCodeException(String message) {
            super(message);
        }
    }
}
