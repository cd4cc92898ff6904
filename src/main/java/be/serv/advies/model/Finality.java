package be.serv.advies.model;

/** Labour-market finality (BSO) or double finality (TSO). */
public enum Finality {
    ARBEIDSMARKT, DUBBEL
}
