package ua.viche.notifications.channel;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/** The webhooks' checks, in constant time: Telegram's secret header, Viber's HMAC-SHA256 of the raw body with the auth token. */
public final class Signatures {

    private Signatures() {}

    /** Whether the header equals the configured secret (a community with no secret accepts nothing). */
    public static boolean telegramValid(String secret, @Nullable String header) {
        return !secret.isEmpty() && header != null
                && MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the signature is the hex HMAC-SHA256 of the body with the token (a community with no token accepts nothing). */
    public static boolean viberValid(String token, byte[] body, @Nullable String signature) {
        if (token.isEmpty() || signature == null) {
            return false;
        }
        return MessageDigest.isEqual(viberSignature(token, body).getBytes(StandardCharsets.US_ASCII),
                signature.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    public static String viberSignature(String token, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
