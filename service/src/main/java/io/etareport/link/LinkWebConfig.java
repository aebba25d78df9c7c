package io.etareport.link;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the {@link OpenLink} resolver with Spring MVC. */
@Configuration(proxyBeanMethods = false)
class LinkWebConfig implements WebMvcConfigurer {

    private final OpenLinks links;

    LinkWebConfig(OpenLinks links) {
        this.links = links;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new OpenLinkResolver(links));
    }
}
