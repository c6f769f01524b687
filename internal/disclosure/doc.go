// Package disclosure is the 依申请公开 domain of 《政府信息公开条例》(国务院令第711号)
// chapter 四: the Application and its Applicant, the append-only Event log of
// a case, the state machine that folds events into a Case, the statutory
// clocks (条例第三十条、第三十二条、第三十三条、第三十四条), the closing
// Outcome decided by the LegalBasis staff choose (never by picking a table-三
// row), the ProcessingFee of 国办函〔2020〕109号, repeat and frequent-applicant
// detection, the GB 11643 ID check and the notices (告知书) each step produces
// with their remedy clause.
//
// The package is pure: no I/O, no clock, no database. Callers pass dates and
// the workday.Calendar; a date in a year the calendar does not cover makes
// every clock computation fail with workday.ErrYearNotCovered instead of
// guessing.
//
// Rule status follows the project's legal-rules note: CONFIRMED rules are
// hard-coded; PRACTICE and UNCONFIRMED ones are fields of Settings with
// documented defaults.
package disclosure
