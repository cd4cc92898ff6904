package be.serv.advies.model;

/** Regular (SO) or special (BuSO) secondary education. */
public enum Education {
    SO, BUSO
}
