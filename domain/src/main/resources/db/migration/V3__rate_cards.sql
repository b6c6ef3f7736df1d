-- Rate cards (SPEC §1): the price of one unit of a unit type for an operation type, in force
-- from effective_from (UTC) until a later card of the same pair takes over. Rows are never
-- updated: a new price, or a correction, is a new row with the pair's next version.
--
-- price is DECIMAL(25,12), not the DECIMAL(19,6) of amounts: per-unit prices of metered AI
-- work are far below a millionth ($0.15 per million tokens is 0.00000015 per token; $0.01875
-- per million is 0.00000001875), and a card must hold the price agreed, not a rounded one.
-- Twelve decimals cover those with room to spare; thirteen integer digits match amounts, so
-- any price below the 10^12 ceiling on amounts is storable. The priced amount of an event
-- (units × price) is still stored as DECIMAL(19,6), exactly or not at all.
--
-- Names compare case-sensitively (utf8mb4_bin), as the pricing engine matches them.
CREATE TABLE rate_cards (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  operation_type VARCHAR(200)    NOT NULL,
  unit_type      VARCHAR(200)    NOT NULL,
  price          DECIMAL(25, 12) NOT NULL,
  effective_from DATETIME(6)     NOT NULL,
  version        INT             NOT NULL,
  created_at     DATETIME(6)     NOT NULL,
  created_by     BIGINT          NOT NULL,
  -- Versions count a pair's cards in the order they were added; two writers racing for the
  -- same version of a pair cannot both succeed.
  CONSTRAINT uk_rate_cards_pair_version UNIQUE (operation_type, unit_type, version),
  CONSTRAINT fk_rate_cards_created_by FOREIGN KEY (created_by) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
