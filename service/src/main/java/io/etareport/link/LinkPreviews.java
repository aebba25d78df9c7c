package io.etareport.link;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Requests that must never start a report: {@code HEAD} (link checkers, proxies) and the robots
 * that fetch a link pasted into a chat or an email to draw a preview. They get a page with no data.
 */
final class LinkPreviews {

    /** Lower-case parts of the user agents of known link-preview and search robots. */
    static final List<String> ROBOTS = List.of("slackbot", "slack-imgproxy", "facebookexternalhit", "facebot",
            "twitterbot", "whatsapp", "linkedinbot", "discordbot", "telegrambot", "googlebot", "bingbot",
            "skypeuripreview", "applebot", "redditbot", "pinterest", "embedly", "vkshare", "yandexbot",
            "duckduckbot", "baiduspider", "mastodon", "iframely", "outlook-ios-linkpreview", "microsoftpreview",
            "google-pagerenderer", "bitlybot", "viber", "snapchat", "line/", "kakaotalk-scrap", "zoominfobot");

    private LinkPreviews() {
    }

    static boolean isPreview(HttpServletRequest request) {
        return "HEAD".equalsIgnoreCase(request.getMethod()) || isRobot(request.getHeader("User-Agent"));
    }

    static boolean isRobot(String userAgent) {
        if (userAgent == null) {
            return false;
        }
        String agent = userAgent.toLowerCase(Locale.ROOT);
        return ROBOTS.stream().anyMatch(agent::contains);
    }
}
