-- Reference data: the portal's 17 topics (emner), in the portal's order.
CREATE TABLE topic (
    slug VARCHAR(60) PRIMARY KEY,
    title VARCHAR(120) NOT NULL,
    sort_order INTEGER NOT NULL UNIQUE
);

INSERT INTO topic (slug, title, sort_order) VALUES
    ('familie-og-boern', 'Familie og børn', 1),
    ('skole-og-uddannelse', 'Skole og uddannelse', 2),
    ('sundhed-og-sygdom', 'Sundhed og sygdom', 3),
    ('internet-og-sikkerhed', 'Internet og sikkerhed', 4),
    ('pension-og-efterloen', 'Pension og efterløn', 5),
    ('handicap', 'Handicap', 6),
    ('arbejde-dagpenge-ferie', 'Arbejde, dagpenge, ferie', 7),
    ('oekonomi-skat-su', 'Økonomi, skat, SU', 8),
    ('aeldre', 'Ældre', 9),
    ('bolig-og-flytning', 'Bolig og flytning', 10),
    ('miljoe-og-energi', 'Miljø og energi', 11),
    ('transport-trafik-rejser', 'Transport, trafik, rejser', 12),
    ('danskere-i-udlandet', 'Danskere i udlandet', 13),
    ('udlaendinge-i-danmark', 'Udlændinge i Danmark', 14),
    ('samfund-og-rettigheder', 'Samfund og rettigheder', 15),
    ('politi-retsvaesen-forsvar', 'Politi, retsvæsen, forsvar', 16),
    ('kultur-og-fritid', 'Kultur og fritid', 17);
