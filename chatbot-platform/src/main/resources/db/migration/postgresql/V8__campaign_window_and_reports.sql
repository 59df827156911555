-- How many of a campaign's recipients its sender has handed on (or failed, or skipped), its
-- sending window ({"from", "to", "timeZone"}; null: any time) and the last progress
-- step its campaignStatus events reported (-1: none yet; 0: started; 1..9: tenths; 10: ended).
ALTER TABLE campaigns ADD COLUMN window_json TEXT;
ALTER TABLE campaigns ADD COLUMN reported_step BIGINT NOT NULL DEFAULT -1;
ALTER TABLE campaigns ADD COLUMN handed_on BIGINT NOT NULL DEFAULT 0;
