package it.familyaudit.workflow.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.familyaudit.workflow.organization.OrganizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The whole application on its embedded database, driven through the API. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
public abstract class ApiTestBase {

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected ObjectMapper json;
    @Autowired
    protected IdentityService identity;
    @Autowired
    protected OrganizationService organizations;
    @Autowired
    protected ManagementService management;

    protected ApiDriver driver;

    @BeforeEach
    void newOrganisation() {
        driver = new ApiDriver(mvc, json, identity, organizations, management);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }
}
