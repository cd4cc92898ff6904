package be.serv.advies.model;

/** Consultation on the provincial platform, as the application reports it. */
public enum PlatformConsultation {
    AFGESTEMD, PRO_FORMA, GEEN
}
