package dk.selvbetjening.catalogue;

/**
 * How the citizen logs in. Public authorities use MitID through NemLog-in; private actors cannot use
 * NemLog-in and use MitID through a broker; businesses use MitID Erhverv.
 */
public enum LoginMethod {
    MITID_NEMLOGIN, MITID_ERHVERV, MITID_BROKER, NONE
}
