package ua.viche.notifications.channel;

import java.util.Locale;

/** One message to one address: a subject (e-mail only), the text, and the one-step unsubscribe link every message carries. */
public record Outgoing(String address, String subject, String text, String unsubscribeUrl, Locale locale) {}
