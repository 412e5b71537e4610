package ua.viche.problems.open311;

/** An Open311 error: the HTTP status and the description the standard's error document carries. */
class Open311Exception extends RuntimeException {

    private final int status;

    Open311Exception(int status, String description) {
        super(description);
        this.status = status;
    }

    int status() { return status; }
}
