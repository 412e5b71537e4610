package ua.viche.search;

import org.hibernate.search.mapper.pojo.bridge.RoutingBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.RoutingBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.RoutingBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.RoutingBridgeRouteContext;
import org.hibernate.search.mapper.pojo.route.DocumentRoutes;

/**
 * Routes a {@link SearchDocument} by its community (decision 0061): the community's id is the
 * document's routing key, so that one community's documents can be dropped and written again
 * ({@code SearchWorkspace.purge(routingKeys)}) and, on OpenSearch, sit on one shard. An entity's
 * community never changes, so its previous route is its route.
 */
public class CommunityRouting implements RoutingBinder {

    @Override
    public void bind(RoutingBindingContext context) {
        context.dependencies().use("communityId");
        context.bridge(SearchDocument.class, new Bridge());
    }

    /** The routing key of a community's documents. */
    public static String key(long community) {
        return Long.toString(community);
    }

    private static final class Bridge implements RoutingBridge<SearchDocument> {

        @Override
        public void route(DocumentRoutes routes, Object entityIdentifier, SearchDocument entity, RoutingBridgeRouteContext context) {
            routes.addRoute().routingKey(key(entity.getCommunityId()));
        }

        @Override
        public void previousRoutes(DocumentRoutes routes, Object entityIdentifier, SearchDocument entity,
                                   RoutingBridgeRouteContext context) {
            routes.addRoute().routingKey(key(entity.getCommunityId()));
        }
    }
}
