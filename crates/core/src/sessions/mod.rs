//! Sessions live in the database so that any instance can serve any request.
//! The web crate adapts this storage to tower-sessions; `user_id` is kept in its own column so
//! that all of a person's sessions can be ended at once (password reset, account deletion).

pub mod store;
