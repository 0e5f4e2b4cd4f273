-- The games keep their images and networks with their own rows (fool_attempt's PNGs, forgery.png,
-- detective_checkpoint.network), where their meaning and lifetime are defined; the generic stores
-- of the walking skeleton were never used by a game and are dropped.
drop table stored_image;
drop table stored_model;
