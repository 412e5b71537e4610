package ua.viche.notifications.channel;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.Community;
import ua.viche.platform.Mailer;

/** E-mail: the message is written to the platform's outbox, whose dispatcher sends it (SMTP or the demo mailbox). */
@Component
class EmailChannel implements Channel {

    private final Mailer mailer;

    EmailChannel(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override public ChannelKind kind() { return ChannelKind.EMAIL; }

    @Override public boolean configured(Community community) { return true; }

    @Override public int perSecond(Community community) { return 1_000; }

    @Override
    @Transactional
    public SendResult send(Community community, Outgoing message) {
        mailer.send(message.address(), message.locale(), "notifications.mail", message.subject(), message.text(),
                message.unsubscribeUrl());
        return SendResult.sent();
    }
}
