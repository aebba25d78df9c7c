package io.etareport.link;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Turns a route's {@code {id}} into an {@link OpenLink}, or answers for the controller: 404 for a malformed or
 * unknown id, the closed-link page for a replaced or paused one, 429 past the start limit for a parameter marked
 * {@link StartsReport}.
 */
final class OpenLinkResolver implements HandlerMethodArgumentResolver {

    private final OpenLinks links;

    OpenLinkResolver(OpenLinks links) {
        this.links = links;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == OpenLink.class;
    }

    @Override
    public OpenLink resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                    NativeWebRequest webRequest, WebDataBinderFactory binders) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) webRequest.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        String id = variables == null ? null : variables.get("id");
        OpenLink link = links.open(id, webRequest.getNativeRequest(HttpServletRequest.class));
        if (parameter.hasParameterAnnotation(StartsReport.class) && !link.preview()) {
            link.takeStart();
        }
        return link;
    }
}
