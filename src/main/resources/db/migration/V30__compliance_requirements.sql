-- The requirement catalogue of Udviklingsvejledningen, kept as versioned data. Every change to the catalogue
-- (add, reword, retire, verify) is one new catalogue version; each requirement keeps every revision, so an
-- assessment can always show the wording it answered.
CREATE TABLE requirement_catalogue_version (
    version INTEGER PRIMARY KEY,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by VARCHAR(254) NOT NULL,
    change_summary VARCHAR(500) NOT NULL,
    CONSTRAINT requirement_catalogue_version_positive CHECK (version > 0)
);

-- The requirement as it stands now (the newest revision); area.item is its number, e.g. 2.10.
CREATE TABLE requirement (
    requirement_number VARCHAR(10) PRIMARY KEY,
    area INTEGER NOT NULL,
    item_number INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    wording_revision INTEGER NOT NULL,
    title VARCHAR(200) NOT NULL,
    wording VARCHAR(2000) NOT NULL,
    verified BOOLEAN NOT NULL,
    retired BOOLEAN NOT NULL DEFAULT FALSE,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT requirement_area_check CHECK (area BETWEEN 1 AND 4),
    CONSTRAINT requirement_item_check CHECK (item_number BETWEEN 1 AND 99),
    CONSTRAINT requirement_area_item_unique UNIQUE (area, item_number)
);

-- Every revision of every requirement, never changed once written. wording_revision: the revision whose title
-- and wording this revision carries (a verification or retirement keeps the wording).
CREATE TABLE requirement_revision (
    requirement_number VARCHAR(10) NOT NULL REFERENCES requirement (requirement_number),
    revision INTEGER NOT NULL,
    catalogue_version INTEGER NOT NULL REFERENCES requirement_catalogue_version (version),
    change_kind VARCHAR(20) NOT NULL,
    wording_revision INTEGER NOT NULL,
    title VARCHAR(200) NOT NULL,
    wording VARCHAR(2000) NOT NULL,
    verified BOOLEAN NOT NULL,
    retired BOOLEAN NOT NULL,
    PRIMARY KEY (requirement_number, revision),
    CONSTRAINT requirement_revision_kind_check CHECK (
        change_kind IN ('ADDED', 'REWORDED', 'RETIRED', 'REINSTATED', 'VERIFIED'))
);

CREATE INDEX requirement_revision_catalogue_idx ON requirement_revision (catalogue_version);

INSERT INTO requirement_catalogue_version (version, changed_at, changed_by, change_summary)
VALUES (1, TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00', 'system',
        'Udviklingsvejledningen v2.0: 15 verificerede krav og 9 kladder til område 3 og 4');

INSERT INTO requirement (requirement_number, area, item_number, revision, wording_revision, title, wording, verified) VALUES
('1.1', 1, 1, 1, 1, 'Følg gældende skrivevejledninger',
 'Løsninger på borger.dk, virk.dk eller sundhed.dk følger portalens skrivevejledning. Teksterne er skrevet til målgruppen.', TRUE),
('1.2', 1, 2, 1, 1, 'Brug et enkelt og klart sprog',
 'Skriv korte og præcise tekster uden kancellisprog. Forklar fagord. Undgå paragrafhenvisninger og tungt juridisk sprog.', TRUE),
('1.3', 1, 3, 1, 1, 'Vejled brugerne',
 'Skriv som en vejledning, og hjælp brugeren trin for trin.', TRUE),
('1.4', 1, 4, 1, 1, 'Giv meningsfuld feedback på fejl',
 'Fejlmeddelelser fortæller brugeren, hvad der skal rettes.', TRUE),
('1.5', 1, 5, 1, 1, 'Fejlmeddelelser skal være skrevet på dansk',
 'Alle fejlmeddelelser er på dansk, også system- og tekniske fejl.', TRUE),
('2.1', 2, 1, 1, 1, 'Overhold designmanualer',
 'Løsningen følger portalens designmanual. I dag er det Det Fælles Designsystem.', TRUE),
('2.2', 2, 2, 1, 1, 'Forbered brugerne, inden de går i gang',
 'Brugeren ved, hvor omfattende løsningen er, og hvad der skal bruges for at gennemføre den. Det er handlingssidens opgave.', TRUE),
('2.3', 2, 3, 1, 1, 'Opbyg et logisk og konsekvent forløb',
 'Trinene kommer i en logisk rækkefølge, og løsningen opfører sig ens hele vejen igennem.', TRUE),
('2.4', 2, 4, 1, 1, 'Giv brugeren et resumé',
 'Brugeren ser et resumé af de indtastede oplysninger, før de sendes.', TRUE),
('2.5', 2, 5, 1, 1, 'Tjek og validér oplysninger før indsendelse',
 'Brugeren kan først sende, når alle obligatoriske felter er udfyldt.', TRUE),
('2.6', 2, 6, 1, 1, 'Afslut med en kvittering',
 'Løsningen slutter med en kvitteringsside.', TRUE),
('2.7', 2, 7, 1, 1, 'Vis din afsender',
 'Den ansvarlige myndighed er altid synlig.', TRUE),
('2.8', 2, 8, 1, 1, 'Optimér til relevante platforme',
 'Løsningen virker på de skærmstørrelser og enheder, brugerne bruger.', TRUE),
('2.9', 2, 9, 1, 1, 'Optimér til browsere',
 'Løsningen virker i de aktuelle udgaver af de store browsere.', TRUE),
('2.10', 2, 10, 1, 1, 'Bestå den fællesoffentlige brugertest',
 'Løsningen har bestået den fællesoffentlige brugertest.', TRUE),
('3.1', 3, 1, 1, 1, 'Genbrug oplysninger, det offentlige allerede har',
 'Løsningen udfylder på forhånd de oplysninger, det offentlige allerede har om brugeren.', FALSE),
('3.2', 3, 2, 1, 1, 'Brug fælles log-in',
 'Brugeren logger ind med MitID gennem NemLog-in.', FALSE),
('3.3', 3, 3, 1, 1, 'Brug Digital Post og Min side',
 'Svar og breve sendes med Digital Post, og sagen kan følges på Min side på borger.dk.', FALSE),
('3.4', 3, 4, 1, 1, 'Understøt digital fuldmagt',
 'En anden kan bruge løsningen på brugerens vegne med en digital fuldmagt.', FALSE),
('4.1', 4, 1, 1, 1, 'Følg WCAG 2.1 niveau AA',
 'Løsningen lever op til WCAG 2.1 niveau AA, som loven om tilgængelighed kræver.', FALSE),
('4.2', 4, 2, 1, 1, 'Kan bruges med tastatur alene',
 'Alle funktioner kan bruges uden mus.', FALSE),
('4.3', 4, 3, 1, 1, 'Virker med skærmlæser og forstørrelse',
 'Billeder har tekstalternativer, og løsningen kan bruges med skærmlæser og forstørret tekst.', FALSE),
('4.4', 4, 4, 1, 1, 'Har en tilgængelighedserklæring',
 'Løsningen har en opdateret tilgængelighedserklæring.', FALSE),
('4.5', 4, 5, 1, 1, 'Gør formularer og fejl tilgængelige',
 'Felter har synlige ledetekster, og fejl bliver læst op og vist ved feltet.', FALSE);

INSERT INTO requirement_revision (requirement_number, revision, catalogue_version, change_kind, wording_revision, title,
                                  wording, verified, retired)
SELECT requirement_number, 1, 1, 'ADDED', 1, title, wording, verified, FALSE FROM requirement;
