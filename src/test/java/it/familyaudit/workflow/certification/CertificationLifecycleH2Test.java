package it.familyaudit.workflow.certification;

/** The lifecycle on the embedded H2 database. */
class CertificationLifecycleH2Test extends CertificationLifecycleScenario {
}
