-- Read acknowledgements and forms on a message (issue 16). One request
-- row per message that asks for either; it is written in the send's
-- transaction, so a message never exists without the request it carried.
CREATE TABLE message_requests (
    message_id  BIGINT PRIMARY KEY REFERENCES messages(id),
    ack         BIGINT NOT NULL DEFAULT 0,
    question    TEXT NOT NULL DEFAULT '',  -- '' when the message carries no form
    kind        TEXT NOT NULL DEFAULT '',  -- 'yesno' or 'choice'
    choices     TEXT NOT NULL DEFAULT '[]', -- JSON array of labels
    reminded_at BIGINT NOT NULL DEFAULT 0,
    reminders   BIGINT NOT NULL DEFAULT 0
);

-- One acknowledgement per recipient and message.
CREATE TABLE message_acks (
    message_id BIGINT NOT NULL REFERENCES messages(id),
    user_id    BIGINT NOT NULL REFERENCES users(id),
    at         BIGINT NOT NULL,
    PRIMARY KEY (message_id, user_id)
);

-- One answer per family: the key is the pupil the answer is for, whoever
-- of the family gave it, so a second parent cannot answer again.
CREATE TABLE form_answers (
    message_id  BIGINT NOT NULL REFERENCES messages(id),
    child_id    BIGINT NOT NULL REFERENCES users(id),
    choice      BIGINT NOT NULL,
    answered_by BIGINT NOT NULL REFERENCES users(id),
    at          BIGINT NOT NULL,
    PRIMARY KEY (message_id, child_id)
);

-- What a kept draft asked (a send refused, or waiting for a second-factor
-- check), so that sending it later asks the same. Rewritten with every
-- save of the draft, so a reused draft id never inherits another's.
CREATE TABLE draft_requests (
    draft_id BIGINT PRIMARY KEY,
    ack      BIGINT NOT NULL DEFAULT 0,
    question TEXT NOT NULL DEFAULT '',
    choices  TEXT NOT NULL DEFAULT '[]'
);
