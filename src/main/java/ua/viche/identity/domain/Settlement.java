package ua.viche.identity.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import org.hibernate.annotations.TenantId;

/**
 * A settlement of a community (or the community's own territory) with its code of the Кодифікатор
 * адміністративно-територіальних одиниць та територій територіальних громад (KATOTTG). Residency by
 * address is decided by this code alone, never by names.
 */
@Entity
@Table(name = "settlement")
public class Settlement {

    /** A KATOTTG code: {@code UA} and 17 digits. */
    public static final Pattern CODE = Pattern.compile("UA\\d{17}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private String katottg;
    private String nameUk;
    private String nameEn;
    private Instant createdAt = Instant.now();

    protected Settlement() {}

    public Settlement(String katottg, String nameUk, String nameEn) {
        this.katottg = katottg;
        this.nameUk = nameUk.strip();
        this.nameEn = nameEn.strip();
    }

    /** Whether the text is a well-formed KATOTTG code (surrounding spaces allowed, case as written). */
    public static boolean validCode(String code) {
        return CODE.matcher(code.strip()).matches();
    }

    public Long getId() { return id; }
    public String getKatottg() { return katottg; }
    public String getNameUk() { return nameUk; }
    public String getNameEn() { return nameEn; }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameUk;
    }
}
