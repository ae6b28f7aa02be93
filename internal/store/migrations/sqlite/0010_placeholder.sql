-- Placeholder for the number 0010, given to another branch (notifications);
-- it only keeps the ackforms branch's 0011 contiguous. Delete at merge.
SELECT 1;
