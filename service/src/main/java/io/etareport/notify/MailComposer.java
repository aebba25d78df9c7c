package io.etareport.notify;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.etareport.customers.CustomerContact;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes each mail twice, as plain text and as HTML, from the templates in {@code templates/mail}. Its own
 * template engines, not the pages' one: the text templates need Thymeleaf's text mode.
 */
@Component
class MailComposer {

    /** A mail's words: the subject and its two bodies. */
    record Mail(String subject, String text, String html) {
    }

    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");
    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final CustomerContact contact;

    MailComposer(CustomerContact contact) {
        this.contact = contact;
    }

    Mail confirmation(String confirmUrl, Duration valid) {
        return mail("confirm", "Please confirm: updates on your orders from " + contact.companyName(),
                Map.of("confirmUrl", confirmUrl, "validHours", valid.toHours()));
    }

    Mail digest(String customerLink, List<DigestLines.Line> lines, String unsubscribeUrl) {
        String subject = lines.size() == 1 ? "Order " + lines.get(0).refNo() + ": " + lines.get(0).what()
                : lines.size() + " updates on your orders";
        return mail("digest", subject + " (" + contact.companyName() + ")",
                Map.of("link", customerLink, "lines", lines, "unsubscribeUrl", unsubscribeUrl));
    }

    /** The last mail after the customer's link was replaced: no link in it, since the old one no longer works. */
    Mail linkChanged() {
        return mail("link-changed", "Your order updates from " + contact.companyName() + " have stopped", Map.of());
    }

    private Mail mail(String template, String subject, Map<String, Object> variables) {
        Context context = new Context();
        context.setVariables(variables);
        context.setVariable("contact", contact);
        context.setVariable("subject", subject);
        return new Mail(subject, text.process(template, context), html.process(template, context));
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
