package io.etareport.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import io.etareport.notify.Updates;
import io.etareport.report.Dates;
import io.etareport.simulator.BuzSimulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The demo's mail: an SMTP server inside the demo (GreenMail) that keeps every mail the service sends, and a
 * demo-only staff page ({@code /staff/demo-mail}) showing them, with buttons to move a date and send updates now,
 * so a newcomer can sign up, confirm, see a digest and unsubscribe from the browser.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoMail {

    private static final Logger log = LoggerFactory.getLogger(DemoMail.class);

    @Bean(destroyMethod = "stop")
    GreenMail demoSmtpServer(@Value("${eta.demo.smtp-port:3025}") int port) {
        GreenMail smtp = new GreenMail(new ServerSetup(port == 0 ? freePort() : port, "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        log.info("Demo mail server on port {}: sent mail is shown at /staff/demo-mail", smtp.getSmtp().getPort());
        return smtp;
    }

    /** The service's mail goes to the demo's server (so no spring.mail settings are needed). */
    @Bean
    JavaMailSenderImpl demoMailSender(GreenMail demoSmtpServer) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(demoSmtpServer.getSmtp().getPort());
        return sender;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One mail as the demo page shows it. */
    record Shown(String to, String subject, String text, List<String> links, String unsubscribeHeader) {
    }

    @Controller
    @Profile("demo")
    static class DemoMailController {

        private static final Pattern LINK = Pattern.compile("https?://\\S+");

        private final GreenMail smtp;
        private final Updates updates;
        private final DemoSetup.DemoDateMoves moves;
        private final BuzSimulator simulator;
        private final JdbcClient db;

        DemoMailController(GreenMail smtp, Updates updates, DemoSetup.DemoDateMoves moves, BuzSimulator simulator,
                           JdbcClient db) {
            this.smtp = smtp;
            this.updates = updates;
            this.moves = moves;
            this.simulator = simulator;
            this.db = db;
        }

        @GetMapping("/staff/demo-mail")
        String page(Model model) throws Exception {
            List<Shown> shown = new ArrayList<>();
            MimeMessage[] received = smtp.getReceivedMessages();
            for (int i = received.length - 1; i >= 0; i--) {
                MimeMessage message = received[i];
                String text = text(message);
                List<String> links = new ArrayList<>();
                Matcher matcher = LINK.matcher(text);
                while (matcher.find()) {
                    links.add(matcher.group());
                }
                String[] unsubscribe = message.getHeader("List-Unsubscribe");
                shown.add(new Shown(message.getAllRecipients()[0].toString(), message.getSubject(), text, links,
                        unsubscribe == null ? null : unsubscribe[0]));
            }
            model.addAttribute("mails", shown);
            return "demo/mail";
        }

        /**
         * Moves, a week later, one open order of each customer someone follows (the first, by number, of those the
         * update mails have seen, one not overdue if there is one), so whichever customer a newcomer signed up for has
         * news; with no one following yet, the demo's next scheduled move. An overdue order moves to a week from
         * today: moved to another past date it would be no news a newcomer believes.
         */
        @PostMapping("/staff/demo-mail/move-date")
        String moveDate(RedirectAttributes redirect) {
            List<String> moved = new ArrayList<>();
            for (long customer : db.sql("SELECT DISTINCT customer_id FROM notify_subscriber"
                    + " WHERE confirmed_at IS NOT NULL ORDER BY customer_id").query(Long.class).list()) {
                db.sql("SELECT instance, ref_no, expected FROM notify_order_state WHERE customer_id = ?"
                                + " AND expected IS NOT NULL AND ready = 0 ORDER BY overdue, ref_no, instance LIMIT 1")
                        .param(customer)
                        .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                        .optional()
                        .ifPresent(order -> {
                            LocalDate expected = LocalDate.parse(order[2]);
                            LocalDate today = LocalDate.now();
                            LocalDate later = (expected.isBefore(today) ? today : expected).plusWeeks(1);
                            simulator.moveDate(order[0], order[1], later);
                            moved.add("order " + order[1] + " (" + order[0] + ") to " + Dates.display(later));
                        });
            }
            if (moved.isEmpty()) {
                moves.moveOne();
                redirect.addFlashAttribute("notice", "Moved a demo order's date. Nobody has confirmed update mails"
                        + " yet, so no one will hear of it.");
            } else {
                redirect.addFlashAttribute("notice", "Moved " + String.join(", ", moved)
                        + ". Now press \"Send updates now\".");
            }
            return "redirect:/staff/demo-mail";
        }

        @PostMapping("/staff/demo-mail/send-updates")
        String sendUpdates() {
            updates.run(true, line -> { });
            updates.deliverDue();
            return "redirect:/staff/demo-mail";
        }

        @PostMapping("/staff/demo-mail/deliver")
        String deliver() {
            updates.deliverDue();
            return "redirect:/staff/demo-mail";
        }

        private static String text(MimeMessage message) throws Exception {
            if (message.getContent() instanceof Multipart multipart) {
                String text = textOf(multipart);
                return text == null ? "" : text;
            }
            return GreenMailUtil.getBody(message);
        }

        private static String textOf(Multipart multipart) throws Exception {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return (String) part.getContent();
                }
                if (part.getContent() instanceof Multipart nested && textOf(nested) != null) {
                    return textOf(nested);
                }
            }
            return null;
        }
    }
}
