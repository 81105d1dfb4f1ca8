-- A restock alert now fires when stock is strictly below the low level (it used to fire at it).
-- Every stored level moves up by one so no shop's alerts change overnight.
UPDATE `stock_thresholds` SET `low_level` = `low_level` + 1 WHERE `low_level` IS NOT NULL;--> statement-breakpoint
UPDATE `stock_alerts` SET `low_level` = `low_level` + 1 WHERE `low_level` IS NOT NULL;
