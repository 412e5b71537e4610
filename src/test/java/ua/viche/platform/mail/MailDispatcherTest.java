package ua.viche.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.ServerSocket;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The dispatcher tells an SMTP server that cannot be reached from a message that cannot be sent. */
class MailDispatcherTest {

    @Test
    void aServerThatRefusesConnectionsIsUnreachable() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort(); // closed again: nothing listens there
        }
        JavaMailSenderImpl smtp = new JavaMailSenderImpl();
        smtp.setHost("127.0.0.1");
        smtp.setPort(port);
        Properties timeouts = new Properties();
        timeouts.put("mail.smtp.connectiontimeout", "2000");
        smtp.setJavaMailProperties(timeouts);
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom("no-reply@viche.local");
        message.setTo("olena.kovalenko@example.org");
        message.setSubject("Перевірка");
        message.setText("Текст");

        Throwable failure = catchThrowable(() -> smtp.send(message));
        assertThat(failure).isNotNull();
        assertThat(MailDispatcher.unreachable(failure)).isTrue();
        assertThat(MailDispatcher.unreachable(new MailSendException("550 mailbox unavailable"))).isFalse();
    }
}
