package be.serv.advies.model;

/** How the application describes its cooperation with companies. */
public enum CompanyCooperation {
    /** Named companies and concrete arrangements. */
    SPECIFIEK,
    /** Cooperation mentioned without specifics. */
    ALGEMEEN,
    GEEN
}
