package ua.viche.notifications.channel;

/** The channels a person can be reached by. */
public enum ChannelKind { EMAIL, TELEGRAM, VIBER }
