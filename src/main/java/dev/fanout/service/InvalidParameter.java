package dev.fanout.service;

/** A request parameter (query or header) whose value is not allowed: the parameter, the value and the rule. */
public final class InvalidParameter extends RuntimeException {

    private final String parameter;
    private final String value;

    public InvalidParameter(String parameter, String value, String rule) {
        super(parameter + " = " + value + ": " + rule);
        this.parameter = parameter;
        this.value = value;
    }

    public String parameter() {
        return parameter;
    }

    public String value() {
        return value;
    }
}
