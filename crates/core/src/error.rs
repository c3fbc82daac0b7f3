//! One error type for the domain. Codes are stable and double as Fluent keys (`error-<code>`).

use crate::validate::FieldErrors;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input was understood but is not acceptable; messages belong next to fields.
    #[error("invalid input: {0:?}")]
    Invalid(FieldErrors),
    #[error("not signed in")]
    Unauthenticated,
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    /// The request conflicts with the current state (a used token, a duplicate…).
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// Too many attempts; `retry_after` in seconds.
    #[error("rate limited")]
    RateLimited { retry_after: i64 },
    /// The server is at its bound for this kind of work (password hashing, workbook reading):
    /// refused at once rather than queued without end; worth trying again in a few seconds.
    #[error("busy")]
    Busy,
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("internal: {0}")]
    Internal(String),
}

impl Error {
    /// The stable code shown to users (as `error-<code>` in Fluent) and in JSON errors.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid(_) => "invalid",
            Error::Unauthenticated => "unauthenticated",
            Error::Forbidden => "forbidden",
            Error::NotFound => "not-found",
            Error::Conflict(code) => code,
            Error::RateLimited { .. } => "rate-limited",
            Error::Busy => "busy",
            Error::Database(_) | Error::Internal(_) => "internal",
        }
    }

    /// A single-field validation error.
    pub fn field(field: &'static str, code: &'static str) -> Self {
        let mut errors = FieldErrors::default();
        errors.add(field, code);
        Error::Invalid(errors)
    }
}

/// Turns a unique-constraint violation into a field error; everything else passes through.
pub fn on_unique(err: sqlx::Error, field: &'static str, code: &'static str) -> Error {
    match &err {
        sqlx::Error::Database(db) if db.is_unique_violation() => Error::field(field, code),
        _ => Error::Database(err),
    }
}
