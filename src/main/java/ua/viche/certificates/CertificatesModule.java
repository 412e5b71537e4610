package ua.viche.certificates;

import java.time.LocalTime;
import java.util.List;
import org.springframework.stereotype.Component;
import ua.viche.platform.Community;
import ua.viche.platform.ModuleDescriptor;
import ua.viche.platform.Role;
import ua.viche.platform.Setting;

/** Archive certificates in the shell: navigation, settings, the archivists' role and their queue. */
@Component
public class CertificatesModule implements ModuleDescriptor {

    /** The number prefix when a community sets none: АД, for «архівна довідка». */
    public static final String DEFAULT_PREFIX = "АД";
    /** Letters before the number, e.g. {@code АД} in {@code АД-2026-000123}; empty: {@link #DEFAULT_PREFIX}. */
    public static final Setting<String> PREFIX = Setting.letters("certificates.prefix", DEFAULT_PREFIX, 5);
    /** When the archive's office closes (Kyiv time): orders received later are registered on the next working day. */
    public static final Setting<LocalTime> CLOSES = Setting.timeOfDay("certificates.officeCloses", LocalTime.of(18, 0));
    /** Where paper certificates are picked up (address and hours). */
    public static final Setting<String> PICKUP = Setting.text("certificates.pickupPlace", "", 500);

    @Override public String name() { return "certificates"; }

    @Override public int order() { return 65; }

    @Override public String path() { return "archive/certificates"; }

    @Override
    public List<Setting<?>> settings() {
        return List.of(PREFIX, CLOSES, PICKUP);
    }

    @Override public List<Role> roles() { return List.of(Role.ARCHIVIST); }

    @Override
    public List<AdminLink> adminLinks() {
        return List.of(new AdminLink("certificates.work.title", "certificates.work.description", "archive/certificates/work", roles()));
    }

    @Override
    public List<String> sitemapPaths(Community community) {
        return List.of("archive/certificates", "archive/certificates/verify");
    }
}
