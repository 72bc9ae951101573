package dk.selvbetjening.catalogue;

/** How a filled-in form may be returned: digitally, signed with MitID; or printed and posted. */
public enum FormReturn {
    DIGITAL_SIGNED, POST
}
