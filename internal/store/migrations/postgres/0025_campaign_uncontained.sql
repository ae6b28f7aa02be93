-- The members an incident has not contained yet, which detection reads on
-- every pass: without this index the read went through every member, and
-- an incident holding a contained account's flood has tens of thousands.
CREATE INDEX campaign_members_uncontained ON campaign_members (campaign_id, message_id) WHERE contained = 0;
