package ua.viche.notifications.domain;

/** What a civil-protection alert is about. */
public enum AlertKind { AIR_RAID, SHELLING, CHEMICAL, RADIATION, WEATHER, INFRASTRUCTURE, ALL_CLEAR, OTHER }
