package be.serv.advies.model;

/** The sector's check of a school's infrastructure or learning resources. */
public enum Sufficiency {
    VOLDOENDE, ONVOLDOENDE
}
