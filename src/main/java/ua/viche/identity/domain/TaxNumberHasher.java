package ua.viche.identity.domain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import ua.viche.platform.VicheSettings;

/**
 * Keyed hash (HMAC-SHA-256) of a tax number (РНОКПП), so that one person is recognised across
 * providers and census lists without the number ever being stored. The key comes from
 * {@code VICHE_TAX_HASH_KEY}; in demo mode a key is generated once and kept in the data directory.
 */
@Component
public class TaxNumberHasher {

    private final byte[] key;

    TaxNumberHasher(@Value("${viche.identity.tax-hash-key:}") String configured, VicheSettings settings) throws IOException {
        if (!configured.isBlank()) {
            key = configured.getBytes(StandardCharsets.UTF_8);
        } else if (settings.demoEnabled() || settings.embeddedDatabase()) {
            key = generatedKey(settings.dataDir().resolve("secrets").resolve("tax-hash.key"));
        } else {
            throw new IllegalStateException("VICHE_TAX_HASH_KEY must be set when an external database is used");
        }
    }

    /** The hash of a tax number (digits only), or throws if it is not a 10-digit number. */
    public String hash(String taxNumber) {
        String digits = taxNumber.strip();
        if (!valid(digits)) {
            throw new IllegalArgumentException("tax number must have 10 digits");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(digits.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The date of birth a tax number (РНОКПП) encodes: its first five digits count the days from
     * 31 December 1899. Empty when the number is not valid or the date is not a plausible birth date.
     */
    public static Optional<LocalDate> birthDate(String taxNumber, LocalDate today) {
        String digits = taxNumber.strip();
        if (!valid(digits)) {
            return Optional.empty();
        }
        LocalDate date = LocalDate.of(1899, 12, 31).plusDays(Integer.parseInt(digits.substring(0, 5)));
        return date.isAfter(today) || date.isBefore(today.minusYears(130)) ? Optional.empty() : Optional.of(date);
    }

    public static boolean valid(String taxNumber) {
        return taxNumber.matches("\\d{10}");
    }

    private static byte[] generatedKey(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readAllBytes(file);
        }
        Files.createDirectories(file.getParent());
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        byte[] encoded = HexFormat.of().formatHex(bytes).getBytes(StandardCharsets.US_ASCII);
        Files.write(file, encoded);
        return encoded;
    }
}
