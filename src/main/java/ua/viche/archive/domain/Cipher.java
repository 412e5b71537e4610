package ua.viche.archive.domain;

import org.jspecify.annotations.Nullable;

/**
 * The archival cipher (архівний шифр) in its customary Ukrainian form:
 * «Ф. Р-123, оп. 1, спр. 45, арк. 12». It is an identifier, so it is written the same way on
 * every page, in both languages, and in the API.
 */
public final class Cipher {

    private Cipher() {}

    public static String of(String fond, @Nullable String inventory, @Nullable String file, @Nullable Integer page) {
        StringBuilder s = new StringBuilder("Ф. ").append(fond);
        if (inventory != null) {
            s.append(", оп. ").append(inventory);
        }
        if (file != null) {
            s.append(", спр. ").append(file);
        }
        if (page != null) {
            s.append(", арк. ").append(page);
        }
        return s.toString();
    }
}
