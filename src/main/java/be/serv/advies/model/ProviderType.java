package be.serv.advies.model;

/** Full-time school (kenmerk VT), centre for part-time education, or Syntra. */
public enum ProviderType {
    VT, CDO, SYNTRA
}
