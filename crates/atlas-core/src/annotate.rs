//! Annotators: passes over the clean corpus that find things in the text
//! (places so far) and record them as offsets into blocks and notes, so the
//! app can list, count and highlight them without reading text itself.

pub mod place;
