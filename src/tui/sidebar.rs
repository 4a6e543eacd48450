//! Filter sidebars as lines: a header per group, its values with live
//! counts and marks, and a "more" line when a group is folded. The lines
//! are derived from state on demand, by update and view alike.

use super::state::SideState;
use crate::search::understand::{Filter, Interpretation, filter_label};
use crate::search::{Facet, Index, Query, Results};

/// A sidebar group: what the search box was read as, a listing facet, or
/// one of the Roles screen's groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GroupId {
    Understood,
    Facet(Facet),
    Role(RoleGroup),
}

/// The Roles screen's sidebar groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RoleGroup {
    Department,
    Skill,
}

/// Identifies a sidebar line across refreshes: a group's header, one of
/// its values (by key), or its "more" line.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SideId {
    Header(GroupId),
    Value(GroupId, String),
    More(GroupId),
}

impl SideId {
    /// The group the line belongs to.
    pub fn group(&self) -> GroupId {
        match self {
            SideId::Header(g) | SideId::Value(g, _) | SideId::More(g) => *g,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    None,
    Included,
    Excluded,
}

/// One line of a sidebar: what it is (its id), and what it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideLine {
    pub id: SideId,
    pub label: String,
    pub count: Option<u32>,
    pub mark: Mark,
}

/// Values shown per group before "more".
pub const FOLDED: usize = 5;

/// The facets the Listings sidebar shows, in order.
pub const LISTING_FACETS: [Facet; 15] = [
    Facet::Category,
    Facet::Role,
    Facet::Region,
    Facet::City,
    Facet::WorkMode,
    Facet::Experience,
    Facet::Salary,
    Facet::Posted,
    Facet::CompanyType,
    Facet::Industry,
    Facet::Shift,
    Facet::EmploymentType,
    Facet::Language,
    Facet::Skill,
    Facet::Source,
];

/// What the TUI counts: the sidebar's facets.
pub fn counted() -> crate::search::FacetSet {
    crate::search::FacetSet::of(&LISTING_FACETS)
}

/// Facets whose values have a natural order (not sorted by count).
fn ordered(f: Facet) -> bool {
    matches!(
        f,
        Facet::Experience
            | Facet::Salary
            | Facet::Posted
            | Facet::Tier
            | Facet::WorkMode
            | Facet::EmploymentType
            | Facet::Shift
    )
}

/// One group's candidate values: (key, label, count, mark).
pub struct Group {
    pub id: GroupId,
    pub title: String,
    pub values: Vec<(String, String, u32, Mark)>,
    /// Keep natural order instead of sorting by count.
    pub ordered: bool,
}

/// Lays groups out as lines, folding long groups unless expanded.
pub fn lines(groups: Vec<Group>, side: &SideState) -> Vec<SideLine> {
    let mut out = Vec::new();
    for mut g in groups {
        let active = g.values.iter().filter(|v| v.3 != Mark::None).count();
        // values with no results are hidden unless they are selected
        g.values.retain(|v| v.2 > 0 || v.3 != Mark::None);
        if g.values.is_empty() {
            continue;
        }
        if !g.ordered {
            g.values
                .sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
        }
        // a header's count is how many of its values are selected
        out.push(SideLine {
            id: SideId::Header(g.id),
            label: g.title.clone(),
            count: (active > 0).then_some(active as u32),
            mark: Mark::None,
        });
        let expanded = side.expanded.contains(&g.id);
        let total = g.values.len();
        let mut hidden = 0;
        for (i, (key, label, count, mark)) in g.values.into_iter().enumerate() {
            if !expanded && i >= FOLDED && mark == Mark::None {
                hidden += 1;
                continue;
            }
            out.push(SideLine {
                id: SideId::Value(g.id, key),
                label,
                count: Some(count),
                mark,
            });
        }
        if hidden > 0 || (expanded && total > FOLDED) {
            out.push(SideLine {
                id: SideId::More(g.id),
                label: if expanded {
                    "show fewer".to_string()
                } else {
                    format!("{hidden} more…")
                },
                count: None,
                mark: Mark::None,
            });
        }
    }
    out
}

/// What the search box was read as, one line a part ("Pune (city)"); the
/// key is where the part starts in the text.
fn understood_group(index: &Index, results: &Results, understood: &Interpretation) -> Group {
    let values = understood
        .parts
        .iter()
        .map(|p| {
            let (kind, count) = match &p.filter {
                Filter::Facet { facet, keys, .. } => (
                    match facet {
                        Facet::Category => "dept".to_string(),
                        Facet::WorkMode => "mode".to_string(),
                        Facet::EmploymentType => "type".to_string(),
                        Facet::CompanyType => "employer".to_string(),
                        Facet::Experience => "exp".to_string(),
                        f => f.id().to_string(),
                    },
                    keys.iter()
                        .filter_map(|k| index.value_of_key(*facet, k))
                        .map(|v| results.facets.get(*facet, v))
                        .sum(),
                ),
                Filter::Pay(_) => ("pay".to_string(), results.total() as u32),
                Filter::Experience(_) => ("exp".to_string(), results.total() as u32),
            };
            let mark = if p.negated {
                Mark::Excluded
            } else {
                Mark::Included
            };
            let label = format!("{} ({kind})", filter_label(&p.filter));
            (p.span.start.to_string(), label, count, mark)
        })
        .collect();
    Group {
        id: GroupId::Understood,
        title: "From the search box".to_string(),
        values,
        ordered: true,
    }
}

/// The part of the search text that includes (or excludes) a facet value.
pub fn part_naming<'a>(
    understood: &'a Interpretation,
    facet: Facet,
    key: &str,
) -> Option<&'a crate::search::understand::Part> {
    understood.parts.iter().find(|p| {
        matches!(&p.filter, Filter::Facet { facet: f, keys, .. }
            if *f == facet && keys.iter().any(|k| k.eq_ignore_ascii_case(key)))
    })
}

/// The Listings sidebar groups: what the search box was read as, then
/// facet values with counts from `results`, marked when the query or the
/// search text selects them.
pub fn listing_groups(
    index: &Index,
    results: &Results,
    query: &Query,
    understood: &Interpretation,
) -> Vec<Group> {
    let mut groups = Vec::new();
    if !understood.parts.is_empty() {
        groups.push(understood_group(index, results, understood));
    }
    groups.extend(
        LISTING_FACETS
            .iter()
            .filter(|&&f| f != Facet::Source || index.value_count(Facet::Source) > 1)
            .map(|&f| {
                let sel = query.selection(f);
                let values = (0..index.value_count(f))
                    .map(|v| {
                        let key = index.value_key(f, v);
                        let from_text = part_naming(understood, f, &key).map(|p| p.negated);
                        let mark = match (sel, from_text) {
                            (Some(s), _) if s.include.contains(&key) => Mark::Included,
                            (Some(s), _) if s.exclude.contains(&key) => Mark::Excluded,
                            (_, Some(false)) => Mark::Included,
                            (_, Some(true)) => Mark::Excluded,
                            _ => Mark::None,
                        };
                        let label = index.value_label(f, v).to_string();
                        (key, label, results.facets.get(f, v), mark)
                    })
                    .collect();
                Group {
                    id: GroupId::Facet(f),
                    title: f.label().to_string(),
                    values,
                    ordered: ordered(f),
                }
            }),
    );
    groups
}

/// Where the cursor is among `lines` (falling back to its group's header,
/// then the first line).
pub fn position(lines: &[SideLine], at: &Option<SideId>) -> usize {
    let Some(at) = at else { return 0 };
    if let Some(i) = lines.iter().position(|l| &l.id == at) {
        return i;
    }
    let header = SideId::Header(at.group());
    lines.iter().position(|l| l.id == header).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CITY: GroupId = GroupId::Facet(Facet::City);

    fn group(n: usize) -> Group {
        Group {
            id: CITY,
            title: "City".into(),
            values: (0..n)
                .map(|i| {
                    (
                        format!("c{i}"),
                        format!("City {i}"),
                        (n - i) as u32,
                        Mark::None,
                    )
                })
                .collect(),
            ordered: false,
        }
    }

    #[test]
    fn folds_long_groups_and_keeps_selected_values() {
        let mut g = group(9);
        g.values[8].3 = Mark::Excluded;
        let l = lines(vec![g], &SideState::default());
        // header + 5 + the excluded one + "3 more"
        assert_eq!(l.len(), 8);
        assert_eq!((l[0].label.as_str(), l[0].count), ("City", Some(1)));
        assert_eq!(l[6].mark, Mark::Excluded);
        assert_eq!(l[7].label, "3 more…");
        let mut side = SideState::default();
        side.expanded.insert(CITY);
        let l = lines(vec![group(9)], &side);
        assert_eq!(l.len(), 11);
        assert_eq!(l[10].label, "show fewer");
    }

    #[test]
    fn hides_empty_values_and_sorts_by_count() {
        let mut g = group(3);
        g.values[0].2 = 0;
        g.values[2].2 = 50;
        let l = lines(vec![g], &SideState::default());
        let labels: Vec<&str> = l.iter().map(|x| x.label.as_str()).collect();
        assert_eq!(labels, ["City", "City 2", "City 1"]);
    }

    #[test]
    fn position_falls_back_to_the_header() {
        let l = lines(vec![group(3)], &SideState::default());
        let value = |k: &str| Some(SideId::Value(CITY, k.into()));
        assert_eq!(position(&l, &value("c1")), 2);
        assert_eq!(position(&l, &value("gone")), 0);
        assert_eq!(position(&l, &None), 0);
    }
}
