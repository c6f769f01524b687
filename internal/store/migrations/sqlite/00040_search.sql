-- +goose Up
-- Full-text search (issue 7). Only published documents are indexed; the
-- store writes the index in the same transaction as the document.
--
-- search_docs maps a document to its row in the index. key orders the index
-- newest first without a sort: (day of publication in China time << 40 |
-- id) << 1 | demoted, so ORDER BY rowid DESC is publication order
-- (tech-notes §3: newest-first costs 57 µs where ranking every match of a
-- common term costs 0.5 s) and the low bit marks repealed and expired
-- documents, ranked lower.
-- title holds the title's tokens, which ranking reads for a bounded set of
-- candidates (search_rank.go).
CREATE TABLE search_docs (
    key      INTEGER PRIMARY KEY,
    doc_id   INTEGER NOT NULL UNIQUE REFERENCES documents(id),
    title    TEXT NOT NULL DEFAULT ''
);

-- Contentless FTS5 over text segmented in Go (gse): title, body and the
-- filter tokens (_s site, _c column, _o 科室, _y year, _g genre, _v
-- validity, _t topic) in meta, so filters are intersections of posting
-- lists, not row-by-row checks. The underscore is a token character here
-- and never part of a segmented word, so filter tokens match no text. The
-- original text stays in documents. detail=column keeps which columns hold
-- a word but not where: no phrase queries are needed, and without
-- positions the posting lists of words in nearly every document (政府,
-- 信息) are a fraction of the size, which is what newest-first and ranking
-- walk through.
CREATE VIRTUAL TABLE search_fts USING fts5(
    title, body, meta,
    content='', contentless_delete=1, detail=column,
    tokenize="unicode61 remove_diacritics 0 tokenchars '_'"
);

-- What visitors searched for, counted per site and normalised query, for
-- hot queries, did-you-mean and the editors' zero-result list. No visitor
-- data: no address, no time of the single search, digits runs redacted.
CREATE TABLE search_queries (
    site_id    INTEGER NOT NULL REFERENCES sites(id),
    query      TEXT NOT NULL,
    searches   INTEGER NOT NULL DEFAULT 0,
    zero_hits  INTEGER NOT NULL DEFAULT 0,   -- searches that found nothing
    last_hits  INTEGER NOT NULL DEFAULT 0,
    last_at    DATETIME NOT NULL,
    PRIMARY KEY (site_id, query)
);

-- Editable synonyms applied at query time: each row is a set of words that
-- mean the same (经信局 ↔ 经济和信息化局).
CREATE TABLE search_synonyms (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    words      TEXT NOT NULL,                -- space-separated
    updated_at DATETIME NOT NULL
);
INSERT INTO search_synonyms (words, updated_at) VALUES
 ('经信局 经济和信息化局 经济与信息化局 经信委', CURRENT_TIMESTAMP),
 ('低保 最低生活保障', CURRENT_TIMESTAMP),
 ('发改委 发展和改革委员会', CURRENT_TIMESTAMP),
 ('人社局 人力资源和社会保障局', CURRENT_TIMESTAMP),
 ('市场监管局 市场监督管理局', CURRENT_TIMESTAMP),
 ('住建局 住房和城乡建设局', CURRENT_TIMESTAMP),
 ('卫健委 卫生健康委员会', CURRENT_TIMESTAMP),
 ('技改 技术改造', CURRENT_TIMESTAMP),
 ('医保 医疗保障', CURRENT_TIMESTAMP),
 ('社保 社会保险', CURRENT_TIMESTAMP),
 ('公积金 住房公积金', CURRENT_TIMESTAMP),
 ('年报 年度报告', CURRENT_TIMESTAMP);

-- The assistant's FAQ, edited by staff. site_id NULL: every site.
CREATE TABLE faqs (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id    INTEGER REFERENCES sites(id),
    question   TEXT NOT NULL,
    keywords   TEXT NOT NULL DEFAULT '',     -- other ways people ask, space-separated
    answer     TEXT NOT NULL,
    basis      TEXT NOT NULL DEFAULT '',     -- 依据, e.g. 条例第四十二条
    link       TEXT NOT NULL DEFAULT '',     -- site path, e.g. /guide
    enabled    BOOLEAN NOT NULL DEFAULT TRUE,
    updated_at DATETIME NOT NULL
);

-- Answers every site shares, from the 条例 (2019 revision); staff edit or
-- switch them off and add their own.
INSERT INTO faqs (question, keywords, answer, basis, link, updated_at) VALUES
 ('申请政府信息公开要收费吗', '收费 交费 缴费 费用 多少钱 要钱 信息处理费 免费', '行政机关依申请提供政府信息，不收取费用。但申请人申请公开政府信息的数量、频次明显超过合理范围的，行政机关可以收取信息处理费。', '《中华人民共和国政府信息公开条例》第四十二条', '/guide', CURRENT_TIMESTAMP),
 ('申请政府信息公开多长时间答复', '多久 几天 时限 期限 答复时间 多长时间 什么时候答复 延期', '能够当场答复的，应当当场予以答复；不能当场答复的，应当自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日。征求第三方和其他机关意见所需时间不计算在前述期限内。', '《中华人民共和国政府信息公开条例》第三十三条', '/guide', CURRENT_TIMESTAMP),
 ('申请政府信息公开需要提供哪些内容', '申请材料 提交什么 填写 申请书 身份证明 需要什么', '申请应当采用包括信件、数据电文在内的书面形式（书面确有困难的可以口头提出，由受理机关代为填写），内容包括：申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、文号或者便于行政机关查询的其他特征性描述；申请公开的政府信息的形式要求，包括获取信息的方式、途径。', '《中华人民共和国政府信息公开条例》第二十九条', '/apply', CURRENT_TIMESTAMP),
 ('申请内容不明确会怎样', '补正 不明确 一次性告知 退回 修改申请', '申请内容不明确的，行政机关应当给予指导和释明，并自收到申请之日起7个工作日内一次性告知申请人作出补正，说明需要补正的事项和合理的补正期限。答复期限自行政机关收到补正的申请之日起计算。申请人无正当理由逾期不补正的，视为放弃申请。', '《中华人民共和国政府信息公开条例》第三十条', '/guide', CURRENT_TIMESTAMP),
 ('对政府信息公开答复不满意怎么办', '不服 投诉 举报 行政复议 行政诉讼 侵犯权益 救济 起诉', '公民、法人或者其他组织认为行政机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。', '《中华人民共和国政府信息公开条例》第五十一条', '/guide', CURRENT_TIMESTAMP),
 ('哪些政府信息不予公开', '不公开 保密 国家秘密 商业秘密 个人隐私 内部事务 过程性信息 不予公开', '依法确定为国家秘密的政府信息，法律、行政法规禁止公开的政府信息，以及公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息，不予公开；涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的，不得公开，但第三方同意公开或者不公开会对公共利益造成重大影响的除外；人事管理、后勤管理、内部工作流程等内部事务信息，以及讨论记录、过程稿、磋商信函、请示报告等过程性信息，可以不予公开。', '《中华人民共和国政府信息公开条例》第十四条、第十五条、第十六条', '/guide', CURRENT_TIMESTAMP),
 ('政府信息公开工作年度报告什么时候公布', '年报 年度报告 什么时候 每年 发布时间', '县级以上人民政府部门应当在每年1月31日前向本级政府信息公开工作主管部门提交本部门上一年度政府信息公开工作年度报告并向社会公布。本站的年度报告在“信息公开年报”栏目中公布。', '《中华人民共和国政府信息公开条例》第四十九条、第五十条', '/xxgk/', CURRENT_TIMESTAMP),
 ('主动公开的政府信息多久公开', '主动公开 时限 二十个工作日 多久公开 形成 变更', '属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开。法律、法规对政府信息公开的期限另有规定的，从其规定。', '《中华人民共和国政府信息公开条例》第二十六条', '/xxgk/', CURRENT_TIMESTAMP),
 ('谁可以申请政府信息公开', '谁能申请 申请人 公民 法人 其他组织 申请资格', '除行政机关主动公开的政府信息外，公民、法人或者其他组织可以向地方各级人民政府、对外以自己名义履行行政管理职能的县级以上人民政府部门申请获取相关政府信息。', '《中华人民共和国政府信息公开条例》第二十七条', '/apply', CURRENT_TIMESTAMP);

-- The assistant's conversations for staff review. No personal data: no
-- address or session, and digit runs (phone, ID numbers) are redacted from
-- the question before it is stored.
CREATE TABLE assistant_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id    INTEGER NOT NULL REFERENCES sites(id),
    at         DATETIME NOT NULL,
    question   TEXT NOT NULL,
    kind       TEXT NOT NULL,                -- faq | documents | flow | refusal
    confident  BOOLEAN NOT NULL,
    confidence REAL NOT NULL,
    citations  TEXT NOT NULL DEFAULT '',     -- cited document ids, space-separated
    generated  BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX assistant_log_site_at ON assistant_log (site_id, at);

-- +goose Down
DROP TABLE assistant_log;
DROP TABLE faqs;
DROP TABLE search_synonyms;
DROP TABLE search_queries;
DROP TABLE search_fts;
DROP TABLE search_docs;
