package dev.fanout.service;

/** A plan sent in a content type Fanout does not read. */
public final class UnsupportedPlanFormat extends RuntimeException {

    public UnsupportedPlanFormat(String contentType) {
        super("Content-Type " + contentType + " is not a plan format: send application/json, application/yaml, "
                + "or an iMOPSE .def file as text/plain");
    }
}
