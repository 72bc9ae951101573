package dk.selvbetjening.portal.web;

/** Everything besides the catalogue snapshot that decides what an action page shows. */
record ActionPageVariant(String slug, Integer municipalityCode, boolean askForMunicipality) {
}
