package io.livechain.web.warroom;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The war room page of a live stream, rendered by the platform itself ({@code templates/war-room.html}). The page is
 * open and holds no figures: it asks for the merchant's API key, keeps it in the browser tab's session storage, and
 * sends it as a Bearer key on its own requests for the figures, which need it like every other endpoint (another
 * merchant's stream is unknown to it). Its script and styles are files of the platform's, its chart library a WebJar.
 */
@Controller
@Hidden
class WarRoomPage {

    static final String PATH = "/war-room/{id}";

    /** Only the platform's own scripts, styles and endpoints; the page is never framed. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    String page(@PathVariable UUID id, Model model, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", "no-referrer");
        model.addAttribute("streamId", id);
        return "war-room";
    }
}
