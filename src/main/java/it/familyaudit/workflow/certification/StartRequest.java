package it.familyaudit.workflow.certification;

/** Which kind of cycle to start: CERTIFICATION (the default), MAINTENANCE or CONSOLIDATION. */
record StartRequest(String kind) {

    CycleKind validKind() {
        return CycleKind.parse(kind);
    }
}
