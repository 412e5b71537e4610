package ua.viche.notifications.channel;

import ua.viche.platform.Community;

/**
 * A way to reach a person. Implementations speak one provider's documented API with the
 * community's credentials; they never throw for a provider's answer, they return it as a
 * {@link SendResult}. Rate limits and retries are the delivery worker's.
 */
public interface Channel {

    ChannelKind kind();

    /** Whether the community configured this channel (credentials present). */
    boolean configured(Community community);

    /** Messages per second the community allows to this provider. */
    int perSecond(Community community);

    SendResult send(Community community, Outgoing message);
}
