-- +goose Up
-- Citizens' accounts on the portal: optional, for people who want their
-- reading settings (适老化 and 无障碍 preferences) to follow them to another
-- device. The username is the phone number or e-mail address the person
-- signed up with — personal data, encrypted at rest like applicants' data
-- (internal/secret): username_enc holds the ciphertext, shown only masked,
-- and username_bidx its blind index (keyed HMAC), which finds the account
-- at sign-in and keeps usernames unique without decrypting anything.
CREATE TABLE citizens (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    username_bidx TEXT NOT NULL UNIQUE,
    username_enc  TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    prefs         TEXT NOT NULL DEFAULT '{}',
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until  DATETIME,
    created_at    DATETIME NOT NULL
);

-- Sessions of citizens, apart from staff sessions: a citizen's cookie can
-- never open the back office. Only the token's hash is stored.
CREATE TABLE citizen_sessions (
    token_hash  TEXT PRIMARY KEY,
    citizen_id  INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
    created_at  DATETIME NOT NULL,
    last_seen   DATETIME NOT NULL
);
CREATE INDEX citizen_sessions_citizen ON citizen_sessions (citizen_id);

-- +goose Down
DROP TABLE citizen_sessions;
DROP TABLE citizens;
