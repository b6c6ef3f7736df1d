package com.costguard.infrastructure.alert;

import com.costguard.alerting.AlertChannel;
import com.costguard.alerting.AlertEmail;
import com.costguard.alerting.AlertNotice;
import com.costguard.alerting.Channel;
import com.costguard.config.Configuration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * E-mail through Jakarta Mail (Payara Micro ships Angus Mail) to the SMTP server of {@code
 * COSTGUARD_SMTP_*}: one message per alert to all its recipients, multipart/alternative with the
 * plain text first and the HTML last ({@link AlertEmail}), as mail readers expect.
 */
@ApplicationScoped
public class EmailAlertChannel implements AlertChannel {

  @Inject Configuration configuration;

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public void send(AlertNotice notice) throws DeliveryFailure {
    Configuration.Smtp smtp =
        configuration
            .smtp()
            .orElseThrow(
                () -> new DeliveryFailure("e-mail is off: COSTGUARD_SMTP_HOST is not set"));
    if (notice.recipients().isEmpty()) {
      throw new DeliveryFailure("the alert has no e-mail recipients");
    }
    try {
      MimeMessage message =
          message(session(smtp, configuration.delivery().timeout()), smtp, notice);
      Transport.send(message);
    } catch (MessagingException e) {
      // The server's answer or the connection failure; never the credentials.
      throw new DeliveryFailure("SMTP %s:%d: %s".formatted(smtp.host(), smtp.port(), e), e);
    }
  }

  MimeMessage message(Session session, Configuration.Smtp smtp, AlertNotice notice)
      throws MessagingException {
    AlertEmail email = AlertEmail.of(notice, configuration.baseUrl());
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(smtp.from()));
    message.setRecipients(
        Message.RecipientType.TO,
        InternetAddress.parse(String.join(",", notice.recipients()), false));
    message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
    message.setSentDate(Date.from(notice.firedAt()));
    // Lets a reader (and a test) tell the same alert apart from a duplicate send.
    message.setHeader("X-Costguard-Alert", String.valueOf(notice.alertId()));
    MimeBodyPart text = new MimeBodyPart();
    text.setText(email.text(), StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    message.setContent(alternative);
    message.saveChanges();
    return message;
  }

  /**
   * @param timeout connect, read and write timeout: an SMTP server that hangs or crawls must not
   *     hold the dispatcher; the attempt fails and is retried with back-off
   */
  static Session session(Configuration.Smtp smtp, java.time.Duration timeout) {
    Properties properties = new Properties();
    properties.put("mail.transport.protocol", "smtp");
    properties.put("mail.smtp.host", smtp.host());
    properties.put("mail.smtp.port", String.valueOf(smtp.port()));
    String millis = String.valueOf(timeout.toMillis());
    properties.put("mail.smtp.connectiontimeout", millis);
    properties.put("mail.smtp.timeout", millis);
    properties.put("mail.smtp.writetimeout", millis);
    if (smtp.startTls()) {
      properties.put("mail.smtp.starttls.enable", "true");
      properties.put("mail.smtp.starttls.required", "true");
    }
    if (smtp.user().isPresent()) {
      properties.put("mail.smtp.auth", "true");
      String user = smtp.user().get();
      String password = smtp.password().orElse("");
      return Session.getInstance(
          properties,
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(user, password);
            }
          });
    }
    return Session.getInstance(properties);
  }
}
