package ua.viche.platform.tenancy;

import java.util.Map;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;

/**
 * Tells Hibernate which community's rows a session sees ({@code @TenantId} columns). Outside a
 * community (platform pages, the platform administrator, jobs that loop over communities) the
 * root tenant {@value #ROOT} applies, which sees every community.
 */
@Component
class TenantIdentifierResolver implements CurrentTenantIdentifierResolver<Long>, HibernatePropertiesCustomizer {

    static final long ROOT = 0L;

    @Override
    public Long resolveCurrentTenantIdentifier() {
        return CurrentCommunity.find().map(Community::id).orElse(ROOT);
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return false;
    }

    @Override
    public boolean isRoot(Long tenantId) {
        return tenantId == ROOT;
    }

    @Override
    public void customize(Map<String, Object> hibernateProperties) {
        hibernateProperties.put(AvailableSettings.MULTI_TENANT_IDENTIFIER_RESOLVER, this);
    }
}
