//! What the `url_filters` target checks: the URL state, `Filters::from_query` and its encoder
//! `to_params`, the percent codec they share, and the app's `Route::parse`
//! ⇄ `Route::to_hash` around them.
//!
//! Why: the whole reader state lives in the address bar, so any string a
//! person pastes, a tool mangles or an old link holds reaches these parsers.
//! They promise never to fail, and equal states must write the same URL
//! (Back/Forward and shared links depend on it). So beyond "no panic":
//! - `from_query(to_params(f)) == f` and the URL it writes is canonical
//!   (writing the re-read state gives the same string);
//! - values are sorted, unique and non-empty, years and `mentioned` in range;
//! - toggling a value twice restores the filters;
//! - `percent_decode(percent_encode(s)) == s`;
//! - every route but "not found" survives `to_hash` then `parse`.
//!
//! `src/route.rs` belongs to the web app crate, which cannot be a fuzz
//! dependency (Leptos, wasm-bindgen); the file itself uses only atlas-core,
//! so it is compiled in here by path. If it ever needs the app's other
//! modules, drop the route checks rather than the file's purity.

use atlas_core::filter::url::{percent_decode, percent_encode};
use atlas_core::filter::{Facet, Filters};

#[allow(dead_code, unused_imports)]
#[path = "../../../src/route.rs"]
mod route;

use route::Route;

/// Checks one input (see the module doc).
pub fn check(data: &[u8]) {
    let s = String::from_utf8_lossy(data);
    assert_eq!(percent_decode(&percent_encode(&s)), s);

    let f = Filters::from_query(&s);
    check_canonical(&f);
    let url = f.to_params().join("&");
    let again = Filters::from_query(&url);
    assert_eq!(again, f, "{url:?} reads back differently");
    assert_eq!(again.to_params().join("&"), url);
    for facet in Facet::ALL {
        if let Some(v) = f.values(facet).first() {
            assert_eq!(f.toggled(facet, v).toggled(facet, v), f);
        }
    }
    if let Some(&y) = f.years.first() {
        assert_eq!(f.toggled_year(y).toggled_year(y), f);
    }

    let route = Route::parse(&s);
    let hash = route.to_hash();
    if !matches!(route, Route::NotFound(_)) {
        assert_eq!(Route::parse(&hash), route, "{hash:?}");
    }
}

fn check_canonical(f: &Filters) {
    for facet in Facet::ALL {
        let v = f.values(facet);
        assert!(v.windows(2).all(|w| w[0] < w[1]), "{facet:?} {v:?}");
        assert!(v.iter().all(|s| !s.is_empty()));
    }
    assert!(f.years.windows(2).all(|w| w[0] < w[1]));
    assert!(f.years.iter().all(|y| (1000..=2999).contains(y)));
    if let Some((a, b)) = f.mentioned {
        assert!(a <= b && (1000..=2999).contains(&a) && (1000..=2999).contains(&b));
    }
}
