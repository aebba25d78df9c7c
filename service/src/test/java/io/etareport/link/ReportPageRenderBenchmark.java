package io.etareport.link;

import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;

import io.etareport.bench.Bench;
import io.etareport.report.BenchData;
import io.etareport.report.Report;
import io.etareport.report.ReportFilter;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Time to render the report page (the template and its model) for a large customer, on demand:
 * {@code bench/run.sh ReportPageRenderBenchmark [lines]}. Target: 10,000 lines within 500 ms.
 */
public final class ReportPageRenderBenchmark {

    private static org.springframework.context.ApplicationContext BEANS;

    public static void main(String[] args) throws Exception {
        int lines = Bench.intArg(args, 0, 10_000);
        Report report = BenchData.report(lines, 8);
        Bench.header("report page, " + lines + " lines, " + report.orders().size() + " orders");

        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setEnableSpringELCompiler(true);
        // The page asks the customerContact bean whom to name, as in the service.
        org.springframework.context.support.GenericApplicationContext beans =
                new org.springframework.context.support.GenericApplicationContext();
        beans.registerBean("customerContact", io.etareport.customers.CustomerContact.class,
                () -> io.etareport.customers.CustomerContact.of("Demo Blinds Co", "Sam Taylor",
                        "orders@demo-blinds.example", "02 5550 0123"));
        beans.refresh();
        BEANS = beans;
        MockServletContext servletContext = new MockServletContext();
        JakartaServletWebApplication application = JakartaServletWebApplication.buildApplication(servletContext);

        Bench.measure("model + render, all shown", 5, 15, () -> render(engine, application, report, ReportFilter.none()));
        ReportFilter filter = ReportFilter.of(Map.of("supplier", java.util.List.of("CBR")));
        Bench.measure("model + render, filtered", 5, 15, () -> render(engine, application, report, filter));
    }

    private static Integer render(SpringTemplateEngine engine, JakartaServletWebApplication application, Report report,
                                  ReportFilter filter) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/report/x");
        WebContext context = new WebContext(application.buildExchange(request, new MockHttpServletResponse()),
                Locale.ENGLISH);
        context.setVariable(org.thymeleaf.spring6.expression.ThymeleafEvaluationContext
                .THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new org.thymeleaf.spring6.expression.ThymeleafEvaluationContext(BEANS, null));
        context.setVariable("page", ReportPage.of("0123456789abcdef0123456789abcdef", null, report, filter,
                java.time.ZoneId.of("Australia/Sydney"), new ReportPage.Settings(java.time.LocalDate.of(2025, 1, 6), 1, 30)));
        StringWriter out = new StringWriter(1 << 20);
        engine.process("report/report", context, out);
        return out.getBuffer().length();
    }
}
