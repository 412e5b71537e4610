package ua.viche.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/** An outcome goes back as a 303 to an encoded address, and is said only while true of the viewer. */
class ActionOutcomeTest {

    private final ActionOutcome signing = new ActionOutcome("petition.", Set.of("signed"), Set.of("withdrawn"));

    @Test
    void theRedirectIsASeeOtherToTheEncodedPathWithTheOutcome() throws Exception {
        MockHttpServletResponse r = new MockHttpServletResponse();
        signing.redirect(r, "/kropyvnytskyi/petitions/5-парк лісовий", "signed", "sign");
        assertThat(r.getStatus()).isEqualTo(303);
        assertThat(r.getRedirectedUrl())
                .isEqualTo("/kropyvnytskyi/petitions/5-%D0%BF%D0%B0%D1%80%D0%BA%20%D0%BB%D1%96%D1%81%D0%BE%D0%B2%D0%B8%D0%B9?done=signed#sign");
    }

    @Test
    void anOutcomeIsSaidOnlyWhileItIsTrueOfTheViewer() {
        assertThat(signing.message("signed", true)).isEqualTo("petition.signed");
        assertThat(signing.message("signed", false)).isNull();
        assertThat(signing.message("withdrawn", false)).isEqualTo("petition.withdrawn");
        assertThat(signing.message("withdrawn", true)).isNull();
        assertThat(signing.message("forged", true)).isNull();
        assertThat(signing.message(null, true)).isNull();
    }
}
