package ua.viche.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ua.viche.notifications.channel.Signatures;

/** Quiet hours (wrapping midnight, alerts ignoring them), districts, and the webhooks' signature checks. */
class SubscriberTest {

    private static Subscriber quiet(LocalTime from, LocalTime to) {
        return new Subscriber(1, 1, 1, Set.of(Topic.NEWS, Topic.ALERTS), Set.of("Центр"), from, to, "uk", null, Map.of());
    }

    private static Instant kyiv(int hour, int minute) {
        return LocalDateTime.of(2026, 12, 7, hour, minute).atZone(Subscriber.KYIV).toInstant();
    }

    @Test
    void quietHoursWrappingMidnightHoldMessagesUntilTheirEndButNotAlerts() {
        Subscriber s = quiet(LocalTime.of(22, 0), LocalTime.of(7, 30));
        assertThat(s.sendAt(Topic.NEWS, kyiv(21, 59))).isEqualTo(kyiv(21, 59));
        assertThat(s.sendAt(Topic.NEWS, kyiv(23, 15))).isEqualTo(kyiv(7, 30).plusSeconds(86_400));
        assertThat(s.sendAt(Topic.NEWS, kyiv(3, 0))).isEqualTo(kyiv(7, 30));
        assertThat(s.sendAt(Topic.NEWS, kyiv(7, 30))).isEqualTo(kyiv(7, 30));
        assertThat(s.sendAt(Topic.ALERTS, kyiv(3, 0))).isEqualTo(kyiv(3, 0));
    }

    @Test
    void quietHoursWithinADay() {
        Subscriber s = quiet(LocalTime.of(13, 0), LocalTime.of(15, 0));
        assertThat(s.sendAt(Topic.NEWS, kyiv(14, 0))).isEqualTo(kyiv(15, 0));
        assertThat(s.sendAt(Topic.NEWS, kyiv(15, 1))).isEqualTo(kyiv(15, 1));
        Subscriber none = new Subscriber(1, 1, 1, Set.of(), Set.of(), null, null, "en", null, Map.of());
        assertThat(none.sendAt(Topic.NEWS, kyiv(3, 0))).isEqualTo(kyiv(3, 0));
    }

    @Test
    void districts() {
        Subscriber s = quiet(LocalTime.NOON, LocalTime.NOON);
        assertThat(s.inDistricts(Set.of())).isTrue();
        assertThat(s.inDistricts(Set.of("Центр", "Північ"))).isTrue();
        assertThat(s.inDistricts(Set.of("Північ"))).isFalse();
    }

    @Test
    void signatures() {
        byte[] body = "{\"event\":\"webhook\"}".getBytes();
        String good = Signatures.viberSignature("token", body);
        assertThat(Signatures.viberValid("token", body, good)).isTrue();
        assertThat(Signatures.viberValid("token", body, good.toUpperCase())).isTrue();
        assertThat(Signatures.viberValid("other", body, good)).isFalse();
        assertThat(Signatures.viberValid("token", "{}".getBytes(), good)).isFalse();
        assertThat(Signatures.viberValid("", body, good)).as("no token, nothing accepted").isFalse();
        assertThat(Signatures.viberValid("token", body, null)).isFalse();
        assertThat(Signatures.telegramValid("s3cret", "s3cret")).isTrue();
        assertThat(Signatures.telegramValid("s3cret", "s3creT")).isFalse();
        assertThat(Signatures.telegramValid("", "")).as("no secret, nothing accepted").isFalse();
        assertThat(Signatures.telegramValid("s3cret", null)).isFalse();
    }
}
