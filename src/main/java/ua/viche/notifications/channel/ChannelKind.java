package ua.viche.notifications.channel;

/** The channels a person can be reached by; {@code DEMO} is the demo messenger page (with the demo on only). */
public enum ChannelKind { EMAIL, TELEGRAM, VIBER, DEMO }
