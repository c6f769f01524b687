-- +goose Up
-- 政务新媒体 register (website-rules §1.6, 国办发〔2018〕123号): every account the
-- agency runs, its platform and owner 科室, for the 2-week no-update rule.
-- A 微信公众号 may also be connected to the official account API: its
-- AppSecret is stored only encrypted (internal/secret).
CREATE TABLE media_accounts (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id         INTEGER NOT NULL REFERENCES sites(id),
    org_id          INTEGER REFERENCES orgs(id),
    name            TEXT NOT NULL,
    platform        TEXT NOT NULL,                 -- 微信公众号 | 微博 | 抖音 | …
    handle          TEXT NOT NULL DEFAULT '',      -- 微信号 / 账号 ID
    url             TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'active', -- active | paused | closed
    last_post_on    TEXT NOT NULL DEFAULT '',      -- entered by staff, YYYY-MM-DD
    update_days     INTEGER NOT NULL DEFAULT 14,   -- 内容不更新: 2 weeks unless stricter locally
    interactive     BOOLEAN NOT NULL DEFAULT TRUE, -- message/comment function open (互动回应差)
    filing_no       TEXT NOT NULL DEFAULT '',      -- 备案编号
    note            TEXT NOT NULL DEFAULT '',
    api_base        TEXT NOT NULL DEFAULT '',
    app_id          TEXT NOT NULL DEFAULT '',
    app_secret_enc  TEXT NOT NULL DEFAULT '',
    cover_media_id  TEXT NOT NULL DEFAULT '',      -- default cover uploaded once
    publish_limit   INTEGER NOT NULL DEFAULT 10,   -- publications a day
    menu_limit      INTEGER NOT NULL DEFAULT 20,   -- menu updates a day
    menu_json       TEXT NOT NULL DEFAULT '',
    created_at      DATETIME NOT NULL,
    updated_at      DATETIME NOT NULL,
    UNIQUE (site_id, platform, name)
);

-- What went out on an account: documents published through the API, or
-- posts recorded by hand. A document's post also has its channel record.
CREATE TABLE media_posts (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id   INTEGER NOT NULL REFERENCES media_accounts(id) ON DELETE CASCADE,
    document_id  INTEGER REFERENCES documents(id) ON DELETE SET NULL,
    channel_id   INTEGER REFERENCES document_channels(id) ON DELETE SET NULL,
    title        TEXT NOT NULL,
    posted_on    TEXT NOT NULL DEFAULT '',         -- YYYY-MM-DD once out
    status       TEXT NOT NULL,                    -- drafted | publishing | published | failed | manual
    media_id     TEXT NOT NULL DEFAULT '',
    publish_id   TEXT NOT NULL DEFAULT '',
    article_id   TEXT NOT NULL DEFAULT '',
    url          TEXT NOT NULL DEFAULT '',
    error        TEXT NOT NULL DEFAULT '',
    user_id      INTEGER REFERENCES users(id),
    created_at   DATETIME NOT NULL,
    updated_at   DATETIME NOT NULL
);
CREATE INDEX media_posts_account ON media_posts (account_id, posted_on);
CREATE INDEX media_posts_document ON media_posts (document_id);

-- Calls made per account, day (China) and API, against the daily limits.
CREATE TABLE media_api_usage (
    account_id  INTEGER NOT NULL REFERENCES media_accounts(id) ON DELETE CASCADE,
    day         TEXT NOT NULL,
    api         TEXT NOT NULL,
    calls       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (account_id, day, api)
);

-- 办事服务: the service items (办事指南) with their elements
-- (website-rules §1.3 item 6, §2.1).
CREATE TABLE service_items (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id         INTEGER NOT NULL REFERENCES sites(id),
    code            TEXT NOT NULL,                 -- 事项编码, the import's key
    name            TEXT NOT NULL,                 -- 项目名称
    org_id          INTEGER REFERENCES orgs(id),   -- 承办科室
    agency          TEXT NOT NULL DEFAULT '',      -- 实施主体
    category        TEXT NOT NULL DEFAULT '',      -- 事项类型 (行政许可, 公共服务, …)
    conditions      TEXT NOT NULL DEFAULT '',      -- 申请条件
    steps           TEXT NOT NULL DEFAULT '',      -- 办事程序, one step a line
    materials       TEXT NOT NULL DEFAULT '',      -- 申报材料, one a line
    promised_limit  TEXT NOT NULL DEFAULT '',      -- 承诺时限
    legal_limit     TEXT NOT NULL DEFAULT '',      -- 法定时限
    basis           TEXT NOT NULL DEFAULT '',      -- 设定依据
    fee             TEXT NOT NULL DEFAULT '',      -- 收费标准
    phone           TEXT NOT NULL DEFAULT '',      -- 咨询电话
    place           TEXT NOT NULL DEFAULT '',      -- 办理地点
    hours           TEXT NOT NULL DEFAULT '',      -- 办理时间
    online_url      TEXT NOT NULL DEFAULT '',      -- 网上办理
    published       BOOLEAN NOT NULL DEFAULT TRUE,
    sort            INTEGER NOT NULL DEFAULT 0,
    created_at      DATETIME NOT NULL,
    updated_at      DATETIME NOT NULL,
    UNIQUE (site_id, code)
);

-- Forms (表格) of a service item, stored under the files dir.
CREATE TABLE service_item_forms (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id     INTEGER NOT NULL REFERENCES service_items(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    stored_as   TEXT NOT NULL,
    mime        TEXT NOT NULL,
    size        INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    created_at  DATETIME NOT NULL
);
CREATE INDEX service_item_forms_item ON service_item_forms (item_id);

-- +goose Down
DROP TABLE service_item_forms;
DROP TABLE service_items;
DROP TABLE media_api_usage;
DROP TABLE media_posts;
DROP TABLE media_accounts;
