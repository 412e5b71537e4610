package ua.viche.notifications.domain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import ua.viche.platform.VicheSettings;

/**
 * Signs the one-step unsubscribe links (HMAC-SHA256 of the subscriber's id with a key: the
 * configured {@code viche.notifications.link-key}, else one made once and kept in
 * {@code <data-dir>/secrets/notifications.key}), and hashes linking codes.
 */
@Component
public class LinkKey {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    LinkKey(@Value("${viche.notifications.link-key:}") String configured, VicheSettings settings) throws IOException {
        if (!configured.isBlank()) {
            key = configured.getBytes(StandardCharsets.UTF_8);
        } else {
            Path file = settings.dataDir().resolve("secrets").resolve("notifications.key");
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                Files.writeString(file, HexFormat.of().formatHex(fresh));
            }
            key = Files.readString(file).strip().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The token of an unsubscribe link for a subscriber: {@code <id>.<signature>}. */
    public String unsubscribeToken(long subscriberId) {
        return subscriberId + "." + sign("unsubscribe:" + subscriberId);
    }

    /** The subscriber a token names, when its signature holds. */
    public Optional<Long> verify(String token) {
        int dot = token.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        long id;
        try {
            id = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(sign("unsubscribe:" + id).getBytes(StandardCharsets.US_ASCII),
                token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII)) ? Optional.of(id) : Optional.empty();
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh linking code: 20 random bytes, URL-safe (fits Telegram's start parameter). */
    static String newCode() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
