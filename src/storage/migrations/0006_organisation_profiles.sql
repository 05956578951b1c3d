-- What an organisation tells the public about itself: who it is, its
-- mission, and the channels through which people can take part.
ALTER TABLE organisations ADD COLUMN about TEXT;
ALTER TABLE organisations ADD COLUMN mission TEXT;
ALTER TABLE organisations ADD COLUMN participation_channels TEXT;
