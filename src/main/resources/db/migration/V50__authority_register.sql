-- The authorities register kept by editors. An authority may wait for its CVR number (it is then incomplete: it
-- cannot be named in connection requests or chosen for accounts), a region authority may name its region (one
-- authority per region, as per municipality), and a retired authority stays for history.
ALTER TABLE authority ALTER COLUMN cvr_number DROP NOT NULL;
ALTER TABLE authority ADD CONSTRAINT authority_cvr_number_length CHECK (cvr_number IS NULL OR LENGTH(cvr_number) = 8);

ALTER TABLE authority ADD COLUMN region_code INTEGER;
ALTER TABLE authority ADD CONSTRAINT authority_region_code_fk FOREIGN KEY (region_code) REFERENCES region (code);
ALTER TABLE authority ADD CONSTRAINT authority_region_code_check CHECK (type = 'REGION' OR region_code IS NULL);
ALTER TABLE authority ADD CONSTRAINT authority_region_code_unique UNIQUE (region_code);

ALTER TABLE authority ADD COLUMN retired_at TIMESTAMP WITH TIME ZONE;

-- The name a municipality's authority goes by, offered when the register is first filled ("Aarhus Kommune"); two
-- municipalities are not "<name> Kommune".
ALTER TABLE municipality ADD COLUMN authority_name VARCHAR(100);
UPDATE municipality SET authority_name = name || ' Kommune';
UPDATE municipality SET authority_name = 'Københavns Kommune' WHERE code = 101;
UPDATE municipality SET authority_name = 'Bornholms Regionskommune' WHERE code = 400;
ALTER TABLE municipality ALTER COLUMN authority_name SET NOT NULL;
