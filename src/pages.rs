//! One file per routed page.

pub mod library;
pub mod not_found;
pub mod reader;
pub mod search;
