package io.etareport.security;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class RequestGuardConfig {

    /** Before everything else, Spring Security included: its CSRF check would read a form body. */
    @Bean
    FilterRegistrationBean<RequestGuard> requestGuard(RequestLimits limits) {
        FilterRegistrationBean<RequestGuard> registration = new FilterRegistrationBean<>(new RequestGuard(limits));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Sessions in this node's memory, capped; not called when Spring Session keeps them in PostgreSQL. */
    @Bean
    ServletListenerRegistrationBean<SessionCap> sessionCap(RequestLimits limits) {
        return new ServletListenerRegistrationBean<>(new SessionCap(limits.sessions()));
    }
}
