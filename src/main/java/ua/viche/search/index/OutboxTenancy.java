package ua.viche.search.index;

import java.util.Map;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Gives Hibernate Search's outbox and agent rows the community of the session that writes them.
 * <p>
 * Hibernate Search marks their {@code tenantId} (a {@code String}) as Hibernate's {@code @TenantId};
 * Hibernate requires every {@code @TenantId} of a persistence unit to have one type, and ours are
 * {@code Long}. So the two entities are mapped here without it ({@link #OUTBOX_EVENT}, {@link #AGENT}):
 * the tenant's filter narrows their queries to the session's community as for our entities, and this
 * listener writes the session's tenant into the column as a row is inserted, which is what
 * {@code @TenantId} would do (decision 0058).
 * Registered through {@code META-INF/services/org.hibernate.integrator.spi.Integrator}.
 */
public class OutboxTenancy implements Integrator, PreInsertEventListener {

    private static final String EVENT_ENTITY = "org.hibernate.search.mapper.orm.outboxpolling.event.impl.OutboxEvent";
    private static final String AGENT_ENTITY = "org.hibernate.search.mapper.orm.outboxpolling.cluster.impl.Agent";

    /** The tenant filter of Hibernate's {@code @TenantId} (its name and parameter), compared as text. */
    private static final String FILTER = "        <filter name=\"_tenantId\"><condition>tenant_id = concat(:tenantId)</condition></filter>\n";

    /** Hibernate Search's outbox event mapping with the tenant as a plain column and the tenant filter. */
    static final String OUTBOX_EVENT = "<entity-mappings xmlns=\"http://www.hibernate.org/xsd/orm/mapping\" version=\"7.0\">\n"
            + "    <entity name=\"" + EVENT_ENTITY + "\" class=\"" + EVENT_ENTITY + "\" access=\"FIELD\">\n"
            + "        <table name=\"HSEARCH_OUTBOX_EVENT\"/>\n"
            + FILTER
            + "        <attributes>\n"
            + "            <id name=\"id\"><uuid-generator style=\"random\"/></id>\n"
            + "            <basic name=\"entityName\"><column name=\"entityName\" nullable=\"false\" length=\"256\"/></basic>\n"
            + "            <basic name=\"entityId\"><column name=\"entityId\" nullable=\"false\" length=\"256\"/></basic>\n"
            + "            <basic name=\"entityIdHash\"><column name=\"entityIdHash\" nullable=\"false\"/></basic>\n"
            + "            <basic name=\"payload\"><column name=\"payload\" nullable=\"false\" length=\"2147483647\"/></basic>\n"
            + "            <basic name=\"retries\"><column name=\"retries\" nullable=\"false\"/></basic>\n"
            + "            <basic name=\"processAfter\"><column name=\"processAfter\" nullable=\"false\"/></basic>\n"
            + "            <basic name=\"status\"><column name=\"status\" nullable=\"false\"/><enumerated>STRING</enumerated></basic>\n"
            + "            <basic name=\"tenantId\"><column name=\"tenantId\"/></basic>\n"
            + "            <transient name=\"originalEntityId\"/>\n"
            + "        </attributes>\n"
            + "    </entity>\n"
            + "</entity-mappings>";

    /** Hibernate Search's agent mapping, likewise. */
    static final String AGENT = "<entity-mappings xmlns=\"http://www.hibernate.org/xsd/orm/mapping\" version=\"7.0\">\n"
            + "    <entity name=\"" + AGENT_ENTITY + "\" class=\"" + AGENT_ENTITY + "\" access=\"FIELD\">\n"
            + "        <table name=\"HSEARCH_AGENT\"/>\n"
            + FILTER
            + "        <attributes>\n"
            + "            <id name=\"id\"><uuid-generator style=\"random\"/></id>\n"
            + "            <basic name=\"type\"><column name=\"type\" nullable=\"false\"/><enumerated>STRING</enumerated></basic>\n"
            + "            <basic name=\"name\"><column name=\"name\" nullable=\"false\"/></basic>\n"
            + "            <basic name=\"expiration\"><column name=\"expiration\" nullable=\"false\"/></basic>\n"
            + "            <basic name=\"state\"><column name=\"state\" nullable=\"false\"/><enumerated>STRING</enumerated></basic>\n"
            + "            <basic name=\"totalShardCount\"><column name=\"totalShardCount\" nullable=\"true\"/></basic>\n"
            + "            <basic name=\"assignedShardIndex\"><column name=\"assignedShardIndex\" nullable=\"true\"/></basic>\n"
            + "            <basic name=\"payload\"><column name=\"payload\" nullable=\"true\" length=\"2147483647\"/></basic>\n"
            + "            <basic name=\"tenantId\"><column name=\"tenantId\"/></basic>\n"
            + "        </attributes>\n"
            + "    </entity>\n"
            + "</entity-mappings>";

    /** The properties that replace Hibernate Search's mappings of the two entities. */
    static void configure(Map<String, Object> properties) {
        properties.put("hibernate.search.coordination.outboxevent.entity.mapping", OUTBOX_EVENT);
        properties.put("hibernate.search.coordination.agent.entity.mapping", AGENT);
    }

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        sessionFactory.getServiceRegistry().requireService(EventListenerRegistry.class)
                .appendListeners(EventType.PRE_INSERT, this);
    }

    @Override
    public boolean onPreInsert(PreInsertEvent event) {
        EntityPersister persister = event.getPersister();
        String name = persister.getEntityName();
        if (!name.equals(EVENT_ENTITY) && !name.equals(AGENT_ENTITY)) {
            return false;
        }
        Object tenant = event.getSession().getTenantIdentifierValue();
        String value = tenant == null ? SearchIndexConfiguration.ROOT_TENANT : String.valueOf(tenant);
        String[] properties = persister.getPropertyNames();
        for (int i = 0; i < properties.length; i++) {
            if (properties[i].equals("tenantId")) {
                event.getState()[i] = value;
                persister.setValue(event.getEntity(), i, value);
            }
        }
        return false;
    }
}
