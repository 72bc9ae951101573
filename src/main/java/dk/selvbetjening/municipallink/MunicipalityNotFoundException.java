package dk.selvbetjening.municipallink;

import dk.selvbetjening.shared.NotFoundException;

/** No municipality has the given code (or the text is not a municipality code at all). */
public class MunicipalityNotFoundException extends NotFoundException {

    public MunicipalityNotFoundException(Object code) {
        super("No municipality " + code);
    }
}
