//! Retry advice: whether a client should retry an exchange, when, and how.
