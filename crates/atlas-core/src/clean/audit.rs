//! The audit trail: every rule reports what it decided, so a reader of
//! `atlas report` can check (and argue with) each drop, join and move.
//!
//! Seeds are messy in different ways (`003_…` loses notes, `002_…` carries a
//! calendar and donation appeals); a silent cleaner would be impossible to
//! review, so nothing is removed or joined without an entry here.

use crate::model::{AuditAction, AuditEntry};

/// Collects [`AuditEntry`] values while the rules run.
#[derive(Debug, Default, Clone)]
pub struct Audit {
    /// Entries in the order the rules decided.
    pub entries: Vec<AuditEntry>,
}

impl Audit {
    /// Records one decision. `excerpt` is kept whole for drops and moves to
    /// metadata (so no word disappears without a trace) and shortened otherwise.
    pub fn push(
        &mut self,
        rule: &str,
        action: AuditAction,
        lines: (u32, u32),
        reason: impl Into<String>,
        excerpt: &str,
    ) {
        let keep_whole = matches!(action, AuditAction::Drop | AuditAction::ToMeta);
        let excerpt = if keep_whole {
            excerpt.to_string()
        } else {
            shorten(excerpt, 80)
        };
        self.entries.push(AuditEntry {
            rule: rule.to_string(),
            action,
            line: lines.0,
            line_end: lines.1.max(lines.0),
            reason: reason.into(),
            excerpt,
        });
    }
}

/// The first `max` characters of `text`, with `…` when cut.
pub fn shorten(text: &str, max: usize) -> String {
    let mut out: String = text.chars().take(max).collect();
    if text.chars().count() > max {
        out.push('…');
    }
    out
}
