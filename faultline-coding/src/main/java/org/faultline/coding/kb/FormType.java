package org.faultline.coding.kb;

/** How a surface form names its entry; decides how a mention of it behaves in a sentence. */
public enum FormType {
    /** A proper name: "Russia", "Hamas", "Vladimir Putin". */
    NAME,
    /** An adjective: "Russian", "Houthi" — names the actor of the noun it modifies. */
    ADJECTIVE,
    /** A people: "Russians", "the Iranians". */
    DEMONYM,
    /** A capital or seat of power standing for the government: "Moscow", "the Kremlin". */
    METONYM,
    /** A descriptive name: "the Islamic Republic". */
    EPITHET
}
