//! Passerelle's integration tests: one binary, the real router, a database per test.
//! Run on SQLite by default and on PostgreSQL when `TEST_DATABASE_URL` is set.

mod accounts;
mod authz;
mod capitalisation;
mod demo;
mod errors;
mod immersions;
mod jobs;
mod mail_smtp;
mod migrations;
mod organisations;
mod questionnaire_answers;
mod questionnaires;
mod security;
mod sheet_search;
mod sheets;
mod signatures;
mod syntheses;
mod xlsform;
