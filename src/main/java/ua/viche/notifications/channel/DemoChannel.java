package ua.viche.notifications.channel;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ua.viche.platform.Community;
import ua.viche.platform.VicheSettings;

/**
 * The demo messenger (decision 0055): with the demo on, a page of the site plays a messenger
 * client. What the bot or a notification "sends" to a demo chat is written to its transcript
 * ({@code notify_demo_message}), which the page shows; the demo photo is a picture drawn here.
 */
@Component
class DemoChannel implements Channel {

    /** The one photo the demo messenger can send. */
    static final String PHOTO = "demo-photo";

    private final JdbcTemplate jdbc;
    private final VicheSettings settings;

    DemoChannel(JdbcTemplate jdbc, VicheSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Override public ChannelKind kind() { return ChannelKind.DEMO; }

    @Override public boolean configured(Community community) { return settings.demoEnabled(); }

    @Override public int perSecond(Community community) { return 1_000; }

    @Override
    public SendResult send(Community community, Outgoing message) {
        record(community, message.address(), true, message.text() + "\n" + message.unsubscribeUrl(), "");
        return SendResult.sent();
    }

    SendResult chat(Community community, String chat, BotMessage message) {
        record(community, chat, true, message.text(), message.options().stream().map(o -> o.payload() + "\t" + o.label())
                .collect(Collectors.joining("\n")));
        return SendResult.sent();
    }

    void record(Community community, String chat, boolean outgoing, String text, String buttons) {
        jdbc.update("insert into notify_demo_message (community_id, chat, outgoing, text, buttons) values (?, ?, ?, ?, ?)",
                community.id(), chat, outgoing, text, buttons);
    }

    /** A small PNG: a grey road with a dark pothole. */
    static byte[] photo() {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x9c, 0xc9, 0xe8));
        g.fillRect(0, 0, 320, 100);
        g.setColor(new Color(0x60, 0x60, 0x60));
        g.fillRect(0, 100, 320, 140);
        g.setColor(new Color(0x2a, 0x2a, 0x2a));
        g.fillOval(120, 150, 90, 40);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
