//! One file per routed page.

pub mod entities;
pub mod figures;
pub mod library;
pub mod local;
pub mod map;
pub mod not_found;
pub mod reader;
pub mod search;
pub mod timeline;
pub mod topics;
