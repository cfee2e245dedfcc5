package it.familyaudit.workflow.mail;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The plain-text mail templates ({@code templates/mail/*.txt}): Spring Boot's template engine reads HTML
 * only, so the text part of a mail has an engine of its own, in Thymeleaf's TEXT mode.
 */
@Component
class MailTemplates {

    private final SpringTemplateEngine text = new SpringTemplateEngine();

    MailTemplates(MessageSource messages) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        text.setTemplateResolver(resolver);
        text.setTemplateEngineMessageSource(messages);
    }

    ITemplateEngine text() {
        return text;
    }
}
