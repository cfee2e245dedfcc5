package it.familyaudit.workflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The portal's pages as a signed-in user (or a visitor) opens them. */
public abstract class PortalTestBase extends ApiTestBase {

    /** The page as {@code who} gets it; {@code null} for a visitor who has not signed in. */
    protected MockHttpServletResponse open(String who, String path) throws Exception {
        MockHttpServletRequestBuilder request = get(path);
        if (who != null) {
            request = request.with(user(who));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    /** The page's HTML, which must answer 200. */
    protected String html(String who, String path) throws Exception {
        MockHttpServletResponse response = open(who, path);
        assertThat(response.getStatus()).as(path + ": " + response.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
