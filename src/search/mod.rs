//! The query engine: free text plus filters over an in-memory index of
//! listings, returning ranked rows, facet counts and the time taken. Pure:
//! no SQL, no terminal.

mod engine;
mod exec;
mod facet;
mod index;
mod query;
pub mod roles;
mod suggest;
pub mod text;
pub mod understand;

pub use engine::{FacetCounts, Hit, Results};
pub use exec::{FacetSet, Highlighter, SKIM_TOP, Searcher, never};
pub use facet::{ExperienceBucket, Facet, PostedBucket, SalaryBucket};
pub use index::{Index, IndexBuilder, Vocab};
pub use query::{Query, Selection, Sort};
