//! Running a query: a text pass, a filter-and-count pass, then ranking.
//!
//! * Text: every word must match inside one word of the listing. The rows
//!   that match are kept, so the next keystroke that only adds letters
//!   ("payr" → "payro") scans just those, and a filter toggle scans none.
//! * Filters and counts, in one pass over the text matches. A facet's
//!   counts are "what this value would give with the rest of the query":
//!   a row failing only facet F's selection still counts toward F, a row
//!   failing none is a hit and counts everywhere, a row failing two or more
//!   is dropped early. Ranges (experience, salary, dates, distance) and the
//!   text are not facets: a row failing them counts nowhere.
//! * Rows are scanned in storage order (memory order: each column is read
//!   front to back), or highest pay first for the salary sort (an order
//!   built once with the index). Newest-first is a counting sort by day,
//!   relevance another by a cheap score, both linear; the skim scorer then
//!   ranks only the best [`SKIM_TOP`] rows: the ones a person looks at.
//!
//! Both passes split the rows across threads, and check often whether a
//! newer keystroke has made the search pointless.

use std::sync::Arc;
use std::time::Instant;

use super::engine::{Compiled, FacetCounts, Hit, Results};
use super::text::{Scorer, TextQuery};
use super::{Facet, Index, Query, Sort};
use crate::fit::FitProfile;

/// Rows ordered by a small score, best first, keeping their order within
/// a score (a stable counting sort).
fn counting_sort_desc(rows: &[u32], scores: &[u8]) -> Vec<Hit> {
    let mut starts = [0usize; 257];
    for &q in scores {
        starts[255 - q as usize + 1] += 1;
    }
    for i in 1..257 {
        starts[i] += starts[i - 1];
    }
    let mut sorted = vec![Hit { row: 0, score: 0 }; scores.len()];
    for (&row, &q) in rows.iter().zip(scores) {
        let slot = &mut starts[255 - q as usize];
        sorted[*slot] = Hit {
            row,
            score: i64::from(q),
        };
        *slot += 1;
    }
    sorted
}

/// Rows the skim scorer ranks for a relevance sort; the rest follow in
/// the order of the cheap score (then newest first).
pub const SKIM_TOP: usize = 100;

/// Which facets to count (counting every facet for every hit is the
/// biggest cost of a broad query; the CLI needs none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FacetSet(u32);

impl FacetSet {
    pub const ALL: FacetSet = FacetSet(u32::MAX);
    pub const NONE: FacetSet = FacetSet(0);

    pub fn of(facets: &[Facet]) -> FacetSet {
        FacetSet(facets.iter().fold(0, |m, f| m | 1 << f.index()))
    }

    pub fn has(self, f: Facet) -> bool {
        self.0 & (1 << f.index()) != 0
    }
}

/// The rows a text matched, in a scan order, kept for the next search.
#[derive(Debug, Clone)]
struct TextRows {
    text: TextQuery,
    salary_order: bool,
    rows: Arc<Vec<u32>>,
}

/// Never cancelled.
pub fn never() -> bool {
    false
}

const CANCEL_EVERY: usize = 8192;

fn threads() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(8)
}

/// Runs `f` on chunks of `rows` on several threads (one for small
/// inputs), results in chunk order; `None` if any chunk was cancelled.
fn par_chunks<T: Send>(
    rows: &[u32],
    min_chunk: usize,
    f: impl Fn(&[u32]) -> Option<T> + Sync,
) -> Option<Vec<T>> {
    let n = threads().min(rows.len() / min_chunk.max(1)).max(1);
    if n == 1 {
        return f(rows).map(|t| vec![t]);
    }
    let size = rows.len().div_ceil(n);
    std::thread::scope(|s| {
        let handles: Vec<_> = rows.chunks(size).map(|c| s.spawn(|| f(c))).collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

impl Index {
    /// Runs a query: every matching row, ranked, with every facet counted.
    pub fn search(&self, q: &Query) -> Results {
        self.search_with(q, FacetSet::ALL)
    }

    /// Runs a query counting only `facets`.
    pub fn search_with(&self, q: &Query, facets: FacetSet) -> Results {
        self.search_for(q, facets, None)
    }

    /// Runs a query for a profile (needed by the best-fit sort).
    pub fn search_for(&self, q: &Query, facets: FacetSet, profile: Option<&FitProfile>) -> Results {
        match self.run(q, facets, profile, None, &never) {
            Some((r, _)) => r,
            None => Results::default(),
        }
    }

    /// [`Index::search_for`] without a profile, giving up (`None`) when
    /// `cancel` says so.
    pub(crate) fn search_unless(
        &self,
        q: &Query,
        facets: FacetSet,
        cancel: &(dyn Fn() -> bool + Sync),
    ) -> Option<Results> {
        self.run(q, facets, None, None, cancel).map(|(r, _)| r)
    }

    fn text_rows(
        &self,
        text: &TextQuery,
        from: &[u32],
        cancel: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<u32>> {
        let need = text.letter_mask();
        let describe = text.needs_description();
        let parts = par_chunks(from, 16_384, |chunk| {
            let mut out = Vec::new();
            for (i, &row) in chunk.iter().enumerate() {
                if i % CANCEL_EVERY == 0 && cancel() {
                    return None;
                }
                let r = row as usize;
                if self.letters[r] & need != need {
                    continue;
                }
                if text.matches_row(self.hay(r), &self.row_facts(r, describe)) {
                    out.push(row);
                }
            }
            Some(out)
        })?;
        Some(parts.concat())
    }

    fn count(&self, row: usize, f: Facet, counts: &mut FacetCounts) {
        let slot = counts.slot(f);
        if f.is_multi() {
            let mut m = self.many(f, row);
            while m != 0 {
                let b = m.trailing_zeros() as usize;
                if let Some(x) = slot.get_mut(b) {
                    *x += 1;
                }
                m &= m - 1;
            }
        } else if let Some(v) = self.one(f, row)
            && let Some(x) = slot.get_mut(v)
        {
            *x += 1;
        }
    }

    fn filter_and_count(
        &self,
        cq: &Compiled,
        rows: &[u32],
        facets: FacetSet,
        cancel: &(dyn Fn() -> bool + Sync),
    ) -> Option<(Vec<u32>, FacetCounts)> {
        let counted: Vec<Facet> = Facet::ALL
            .iter()
            .copied()
            .filter(|&f| facets.has(f))
            .collect();
        let parts = par_chunks(rows, 16_384, |chunk| {
            let mut counts = FacetCounts::new(self);
            let mut hits = Vec::new();
            for (i, &row) in chunk.iter().enumerate() {
                if i % CANCEL_EVERY == 0 && cancel() {
                    return None;
                }
                let r = row as usize;
                if !cq.ranges_pass(self, r) {
                    continue;
                }
                let mut failed: Option<Facet> = None;
                let mut dropped = false;
                for c in &cq.checks {
                    if !c.passes(self, r) {
                        if failed.is_some() {
                            dropped = true;
                            break;
                        }
                        failed = Some(c.facet);
                    }
                }
                if dropped {
                    continue;
                }
                match failed {
                    None => {
                        hits.push(row);
                        for &f in &counted {
                            self.count(r, f, &mut counts);
                        }
                    }
                    Some(f) if facets.has(f) => self.count(r, f, &mut counts),
                    Some(_) => {}
                }
            }
            Some((hits, counts))
        })?;
        let mut counts = FacetCounts::new(self);
        let mut hits = Vec::with_capacity(parts.iter().map(|p| p.0.len()).sum());
        for (h, c) in parts {
            hits.extend(h);
            counts.add(&c);
        }
        Some((hits, counts))
    }

    /// Orders hits (in storage order, or by pay for the salary sort).
    fn rank(
        &self,
        cq: &Compiled,
        sort: Sort,
        profile: Option<&FitProfile>,
        mut rows: Vec<u32>,
    ) -> Vec<Hit> {
        if sort != Sort::Salary {
            self.newest_first(&mut rows);
        }
        match (sort, profile) {
            (Sort::Fit, Some(p)) => {
                let scores: Vec<u8> = par_chunks(&rows, 32_768, |c| {
                    Some(
                        c.iter()
                            .map(|&r| self.fit_score(r as usize, p))
                            .collect::<Vec<u8>>(),
                    )
                })
                .map(|parts| parts.concat())
                .unwrap_or_default();
                counting_sort_desc(&rows, &scores)
            }
            // without a profile, best fit is best match
            (Sort::Relevance | Sort::Fit, _) if cq.text.ranks() => {
                self.rank_relevance(&cq.text, rows)
            }
            (Sort::Distance, _) if cq.city_km.is_some() => {
                let km = cq.city_km.as_deref().unwrap_or(&[]);
                // cities nearest first; a stable bucket sort keeps newest first within each
                let mut order: Vec<usize> = (0..km.len()).collect();
                order.sort_by(|&a, &b| {
                    let d = |c: usize| km[c].unwrap_or(f64::INFINITY);
                    d(a).total_cmp(&d(b))
                });
                let mut rank = vec![0usize; km.len()];
                for (i, &c) in order.iter().enumerate() {
                    rank[c] = i;
                }
                let mut buckets: Vec<Vec<u32>> = vec![Vec::new(); km.len().max(1)];
                for row in rows {
                    let c = self.city[row as usize] as usize;
                    buckets[rank.get(c).copied().unwrap_or(0)].push(row);
                }
                buckets
                    .into_iter()
                    .flatten()
                    .map(|row| Hit { row, score: 0 })
                    .collect()
            }
            _ => rows.into_iter().map(|row| Hit { row, score: 0 }).collect(),
        }
    }

    /// Relevance: `rows` come newest first. Each gets a cheap score; the
    /// best [`SKIM_TOP`] are ranked by skim. When enough rows reach the
    /// best cheap score possible (common for short queries), scoring stops
    /// there and the remaining rows follow newest first.
    fn rank_relevance(&self, text: &TextQuery, rows: Vec<u32>) -> Vec<Hit> {
        let quick = self.quick_scores(text, &rows);
        let scored = quick.len();
        // 2. a stable counting sort of the scored rows, best first
        let mut sorted = counting_sort_desc(&rows[..scored], &quick);
        // 3. skim ranks the top rows (a single letter gains nothing from it);
        //    unscored rows follow, newest first
        self.skim_top(text, &mut sorted);
        sorted.extend(rows[scored..].iter().map(|&row| Hit { row, score: 0 }));
        sorted
    }

    /// Step 1 of `rank_relevance`: cheap scores, in parallel
    /// chunks of newest-first rows, until [`SKIM_TOP`] rows with the best
    /// possible score are found (the scores of the rows scored, in order).
    #[inline]
    fn quick_scores(&self, text: &TextQuery, rows: &[u32]) -> Vec<u8> {
        let best_possible = text.best_quick_score();
        let mut quick: Vec<u8> = Vec::with_capacity(rows.len());
        let mut at_best = 0usize;
        // small chunks first, so a short query stops early
        let mut from = 0;
        let mut step = 1024;
        while from < rows.len() {
            let chunk = &rows[from..(from + step).min(rows.len())];
            from += chunk.len();
            step = (step * 4).min(65_536);
            let scores = par_chunks(chunk, 16_384, |c| {
                Some(
                    c.iter()
                        .map(|&r| {
                            let r = r as usize;
                            text.quick_score(
                                self.hay(r),
                                self.title_len(r),
                                &self.row_facts(r, false),
                            )
                        })
                        .collect::<Vec<u8>>(),
                )
            })
            .map(|parts| parts.concat())
            .unwrap_or_default();
            at_best += scores.iter().filter(|&&q| q >= best_possible).count();
            quick.extend(scores);
            if at_best >= SKIM_TOP {
                break;
            }
        }
        quick
    }

    /// Step 3 of `rank_relevance`: skim ranks the top rows of
    /// `sorted` (not for a single letter, which gains nothing from it).
    #[inline]
    fn skim_top(&self, text: &TextQuery, sorted: &mut [Hit]) {
        let one_letter =
            text.words().map(|w| w.chars().count()).sum::<usize>() <= 1 && !text.ranks_by_phrase();
        let top = if one_letter {
            0
        } else {
            sorted.len().min(SKIM_TOP)
        };
        let scorer = Scorer::default();
        // with alternatives or phrases to rank by: rows matching every word
        // as typed first, then by the cheap score (which knows the title),
        // then by skim; otherwise by skim
        let mixed = text.has_alternatives() || text.ranks_by_phrase();
        let mut keyed: Vec<(usize, i64, Hit)> = sorted[..top]
            .iter()
            .map(|h| {
                let hay = self.hay(h.row as usize);
                let head = self.row_facts(h.row as usize, false).head;
                let alt = if mixed {
                    text.alternative_only(hay, head)
                } else {
                    0
                };
                let skim = scorer.score(text, hay).unwrap_or(0)
                    + scorer.score_phrases(text, self.title(h.row as usize));
                let quick = if mixed { h.score } else { 0 };
                (
                    alt,
                    quick,
                    Hit {
                        row: h.row,
                        score: skim,
                    },
                )
            })
            .collect();
        keyed.sort_by_key(|(alt, quick, h)| {
            (*alt, std::cmp::Reverse(*quick), std::cmp::Reverse(h.score))
        });
        for (slot, (_, _, h)) in sorted[..top].iter_mut().zip(keyed) {
            *slot = h;
        }
    }

    fn run(
        &self,
        q: &Query,
        facets: FacetSet,
        profile: Option<&FitProfile>,
        prev: Option<&TextRows>,
        cancel: &(dyn Fn() -> bool + Sync),
    ) -> Option<(Results, Option<TextRows>)> {
        let start = Instant::now();
        let mut cq = Compiled::new(self, q);
        let salary_order = cq.sort == Sort::Salary;
        let base: &[u32] = if salary_order {
            &self.by_salary
        } else {
            &self.all
        };
        let text_rows = if !cq.text.filters() {
            None
        } else {
            let rows = match prev {
                Some(p) if p.salary_order == salary_order && p.text == cq.text => p.rows.clone(),
                Some(p) if p.salary_order == salary_order && cq.text.narrows(&p.text) => {
                    Arc::new(self.text_rows(&cq.text, &p.rows, cancel)?)
                }
                _ => Arc::new(self.text_rows(&cq.text, base, cancel)?),
            };
            Some(TextRows {
                text: cq.text.clone(),
                salary_order,
                rows,
            })
        };
        // words that are in no listing at all ("sector 62", "CA firm")
        // cannot be met: search without them, and say so
        let mut missing = Vec::new();
        let mut relaxed = None;
        if let Some(t) = &text_rows
            && t.rows.is_empty()
            && !q.literal
            && cq.text.group_count() > 1
        {
            let gone = self.unmatched_groups(&cq.text, base, cancel)?;
            if !gone.is_empty() && gone.len() < cq.text.group_count() {
                missing = gone.iter().map(|&g| cq.text.group_text(g)).collect();
                cq.text = cq.text.without_groups(&gone);
                relaxed = Some(self.text_rows(&cq.text, base, cancel)?);
            }
        }
        let candidates: &[u32] = match &relaxed {
            Some(rows) => rows,
            None => text_rows.as_ref().map_or(base, |t| t.rows.as_slice()),
        };
        let (hits, counts) = self.filter_and_count(&cq, candidates, facets, cancel)?;
        if cancel() {
            return None;
        }
        let hits = self.rank(&cq, cq.sort, profile, hits);
        Some((
            Results {
                hits,
                facets: counts,
                elapsed: start.elapsed(),
                suggestion: None,
                sort: cq.sort,
                missing,
            },
            text_rows,
        ))
    }

    /// The groups of `text` that no row of `rows` matches on its own.
    fn unmatched_groups(
        &self,
        text: &TextQuery,
        rows: &[u32],
        cancel: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<usize>> {
        let mut gone = Vec::new();
        for g in (0..text.group_count()).filter(|&g| text.droppable(g)) {
            let one = text.only_group(g);
            let need = one.letter_mask();
            let mut found = false;
            for (i, &row) in rows.iter().enumerate() {
                if i % CANCEL_EVERY == 0 && cancel() {
                    return None;
                }
                let r = row as usize;
                if self.letters[r] & need == need
                    && one.matches_row(self.hay(r), &self.row_facts(r, false))
                {
                    found = true;
                    break;
                }
            }
            if !found {
                gone.push(g);
            }
        }
        Some(gone)
    }
}

/// Marks the characters a query matched in shown fields; made once per
/// frame, used for every visible cell.
pub struct Highlighter {
    query: TextQuery,
    scorer: Scorer,
}

impl Highlighter {
    /// Marks the words of `text` as typed (understanding off).
    pub fn new(text: &str) -> Highlighter {
        Highlighter {
            query: TextQuery::parse(text),
            scorer: Scorer::default(),
        }
    }

    /// Marks what `q` matches on `ix`: its free words and their
    /// alternatives, not the words read as filters.
    pub fn for_query(ix: &Index, q: &Query) -> Highlighter {
        let query = if q.literal {
            TextQuery::parse(&q.text)
        } else {
            TextQuery::understood(&ix.interpret(&q.text))
        };
        Highlighter {
            query,
            scorer: Scorer::default(),
        }
    }

    /// Character positions to highlight in `field`.
    pub fn marks(&self, field: &str) -> Vec<usize> {
        if self.query.is_empty() {
            return Vec::new();
        }
        self.scorer.highlight(&self.query, field)
    }
}

/// Runs queries one after another over one index, reusing the last text
/// pass: what the TUI's search worker holds.
pub struct Searcher {
    index: Arc<Index>,
    facets: FacetSet,
    profile: Option<Arc<FitProfile>>,
    last: Option<TextRows>,
}

impl Searcher {
    pub fn new(index: Arc<Index>, facets: FacetSet) -> Searcher {
        Searcher {
            index,
            facets,
            profile: None,
            last: None,
        }
    }

    /// Ranks for this profile from now on (the best-fit sort).
    pub fn set_profile(&mut self, profile: Option<Arc<FitProfile>>) {
        self.profile = profile;
    }

    pub fn index(&self) -> &Arc<Index> {
        &self.index
    }

    /// Runs `q`; `None` if `cancel` said stop before it finished.
    pub fn search(&mut self, q: &Query, cancel: &(dyn Fn() -> bool + Sync)) -> Option<Results> {
        let (results, text) = self.index.run(
            q,
            self.facets,
            self.profile.as_deref(),
            self.last.as_ref(),
            cancel,
        )?;
        if text.is_some() {
            self.last = text;
        }
        let mut results = results;
        if results.total() == 0 && !cancel() {
            results.suggestion = self.index.suggest_unless(q, cancel);
        }
        Some(results)
    }
}
