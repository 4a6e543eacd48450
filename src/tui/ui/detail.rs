//! Detail panes: everything about one listing, or one role.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::widgets::{block, range_bar, salary};
use crate::catalog::{Listing, Role};
use crate::money::{Period, Rupees};
use crate::tui::state::{Pane, RolePane, State};
use crate::tui::theme::Theme;

/// Where a listing's pay sits against its role's band.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compare {
    Below,
    Within,
    Above,
}

/// Compares a listing's range with a band: entirely under it is below,
/// entirely over it is above, anything overlapping is within.
pub fn compare(min: Rupees, max: Rupees, band_min: Rupees, band_max: Rupees) -> Compare {
    if max < band_min {
        Compare::Below
    } else if min > band_max {
        Compare::Above
    } else {
        Compare::Within
    }
}

fn heading<'a>(text: &'a str, th: &Theme) -> Line<'a> {
    Line::from(Span::styled(text, th.accent))
}

fn field<'a>(name: &'a str, value: String, th: &Theme) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("{name}: "), th.title),
        Span::raw(value),
    ])
}

/// The lines of a listing's detail.
pub fn listing_lines<'a>(l: &'a Listing, role: Option<&'a Role>, st: &State) -> Vec<Line<'a>> {
    let th = &st.theme;
    let mut out = Vec::new();
    let mut title = vec![Span::styled(l.title.as_str(), th.title)];
    if st.saved.contains(&l.id) {
        title.push(Span::styled("  ✓ saved", th.good));
    }
    out.push(Line::from(title));
    let place = match &l.state {
        Some(s) => format!("{}, {s}", l.city),
        None => l.city.clone(),
    };
    out.push(Line::from(format!("{} · {place}", l.company)));
    let pay = if l.currency == "INR" {
        format!(
            "{} a month ({})",
            salary(l.salary_min, l.salary_max, Period::Monthly),
            salary(l.salary_min, l.salary_max, Period::Annual)
        )
    } else {
        format!("salary in {} (not compared)", l.currency)
    };
    out.push(Line::from(Span::styled(pay, th.title)));
    if let (Some(role), Some(lo), Some(hi)) = (role, l.salary_min, l.salary_max)
        && l.currency == "INR"
        && let Some(band) = role.band_for_years(l.experience_min)
    {
        let (word, style) = match compare(lo, hi, band.min, band.max) {
            Compare::Below => ("below", th.warn),
            Compare::Within => ("within", th.good),
            Compare::Above => ("above", th.good),
        };
        out.push(Line::from(vec![
            Span::styled(format!("{word} "), style),
            Span::raw(format!(
                "the {} band for {} ({})",
                role.title,
                band.level.label(),
                salary(Some(band.min), Some(band.max), Period::Monthly)
            )),
        ]));
    }
    let exp = if l.experience_max == 0 {
        "freshers".to_string()
    } else {
        format!("{}-{} yrs", l.experience_min, l.experience_max)
    };
    out.push(Line::from(Span::styled(
        format!(
            "{} · {} · {} · {exp} · {} opening{} · posted {} ({})",
            l.work_mode.label(),
            l.employment_type.label(),
            l.shift.label(),
            l.openings,
            if l.openings == 1 { "" } else { "s" },
            l.posted,
            st.index()
                .today()
                .map(|t| crate::display::age((t - l.posted).get_days()))
                .unwrap_or_default()
        ),
        th.muted,
    )));
    if let Some(role) = role {
        out.push(field("Role", role.title.clone(), th));
    }
    if let (Some(p), Some(row)) = (st.profile.as_deref(), st.index().row_of(l.id)) {
        let fit = st.index().fit(row, p);
        out.push(Line::default());
        out.push(Line::from(vec![
            Span::styled("Your fit ", th.accent),
            Span::styled(format!("{}/100", fit.score), th.title),
        ]));
        for r in fit.reasons {
            out.push(Line::from(format!("• {r}")));
        }
    }
    out.push(Line::default());
    out.push(Line::from(l.description.as_str()));
    if let Some(role) = role {
        out.push(Line::default());
        out.push(heading("What you would do", th));
        for r in &role.responsibilities {
            out.push(Line::from(format!("• {r}")));
        }
    }
    out.push(Line::default());
    out.push(field("Skills", l.skills.join(", "), th));
    out.push(field("Languages", l.languages.join(", "), th));
    let benefits: Vec<String> = l
        .benefits
        .iter()
        .map(|b| {
            b.parse::<crate::catalog::Benefit>()
                .map(|k| k.label().to_string())
                .unwrap_or_else(|_| b.clone())
        })
        .collect();
    if !benefits.is_empty() {
        out.push(field("Benefits", benefits.join(", "), th));
    }
    out.push(Line::default());
    out.push(heading("Contact", th));
    out.push(Line::from(l.contact_name.as_str()));
    out.push(Line::from(l.contact_phone.as_str()));
    out.push(Line::from(l.contact_email.as_str()));
    out.push(field("Apply", l.apply_url.clone(), th));
    out.push(Line::default());
    out.push(Line::from(Span::styled(
        format!(
            "listing {} · source {} · s saves it to the tracker",
            l.id, l.source
        ),
        th.muted,
    )));
    out
}

pub fn listing(frame: &mut Frame<'_>, r: Rect, st: &State) {
    let th = &st.theme;
    let focused = st.listings.pane == Pane::Detail;
    let b = block(" Detail ", focused, th);
    let lines = match &st.listings.detail {
        Some(l) => {
            let role = l
                .role_id
                .as_deref()
                .and_then(|id| st.index().vocab().roles.iter().find(|r| r.id == id));
            listing_lines(l, role, st)
        }
        None => vec![Line::from(Span::styled(
            "Select a listing to see everything about it.",
            th.muted,
        ))],
    };
    frame.render_widget(
        Paragraph::new(lines)
            .block(b)
            .wrap(Wrap { trim: false })
            .scroll((st.listings.detail_scroll, 0)),
        r,
    );
}

/// Range bars of a role's bands on a common scale.
pub fn band_chart<'a>(role: &'a Role, period: Period, width: usize, th: &Theme) -> Vec<Line<'a>> {
    let scale = role.bands.iter().map(|b| b.max.0).max().unwrap_or(1);
    let bar_w = width.saturating_sub(11 + 20).clamp(4, 40);
    role.bands
        .iter()
        .map(|b| {
            Line::from(vec![
                Span::raw(format!("{:<10} ", b.level.short())),
                Span::styled(range_bar(b.min.0, b.max.0, scale, bar_w), th.accent),
                Span::raw(format!(" {}", salary(Some(b.min), Some(b.max), period))),
            ])
        })
        .collect()
}

/// The lines of a role's detail.
pub fn role_lines<'a>(role: &'a Role, st: &'a State, width: usize) -> Vec<Line<'a>> {
    let th = &st.theme;
    let v = st.index().vocab();
    let title_of = |id: &str| {
        v.roles
            .iter()
            .find(|r| r.id == id)
            .map_or(id.to_string(), |r| r.title.clone())
    };
    let dept = v
        .categories
        .iter()
        .find(|c| c.id == role.category)
        .map_or(role.category.as_str(), |c| c.name.as_str());
    let mut out = vec![Line::from(Span::styled(role.title.as_str(), th.title))];
    if let Some(hi) = &role.title_hi {
        out.push(Line::from(hi.as_str()));
    }
    out.push(Line::from(Span::styled(dept, th.muted)));
    out.push(Line::default());
    out.push(Line::from(role.summary.as_str()));
    out.push(Line::default());
    out.push(heading("Salary (indicative)", th));
    out.extend(band_chart(role, st.period, width, th));
    if let Some(p) = st.profile.as_deref() {
        let fit = crate::fit::role_fit(p, role, &v.skills);
        out.push(Line::default());
        out.push(Line::from(vec![
            Span::styled("Your fit ", th.accent),
            Span::styled(format!("{}/100", fit.score), th.title),
        ]));
        for r in fit.reasons {
            out.push(Line::from(format!("• {r}")));
        }
        let gaps: Vec<String> = role
            .skills
            .iter()
            .filter_map(|s| crate::fit::skill_position(&v.skills, s).map(|i| (s, i)))
            .filter(|(_, i)| p.skills & (1 << i) == 0)
            .map(|(s, i)| {
                let n = st.unlocks.get(i).copied().unwrap_or(0);
                format!("learn {s}: +{n} listings")
            })
            .collect();
        if !gaps.is_empty() {
            out.push(Line::from(Span::styled("Skill gap", th.accent)));
            for g in gaps {
                out.push(Line::from(format!("• {g}")));
            }
            out.push(Line::from(Span::styled(
                "(+N: listings where that skill takes you to half or more of what they ask)",
                th.muted,
            )));
        }
    }
    out.push(Line::default());
    out.push(heading("What you do", th));
    for r in &role.responsibilities {
        out.push(Line::from(format!("• {r}")));
    }
    out.push(Line::default());
    out.push(field("Skills and tools", role.skills.join(", "), th));
    out.push(field("Qualifications", role.qualifications.join("; "), th));
    let industries: Vec<&str> = role.industries.iter().map(|i| i.label()).collect();
    out.push(field("Hired by", industries.join(", "), th));
    out.push(Line::default());
    out.push(heading("Career path", th));
    let leads: Vec<String> = role.leads_to.iter().map(|r| title_of(r)).collect();
    let from: Vec<String> = v
        .roles
        .iter()
        .filter(|r| r.leads_to.contains(&role.id))
        .map(|r| r.title.clone())
        .collect();
    let none = || "—".to_string();
    out.push(field(
        "Leads to",
        if leads.is_empty() {
            none()
        } else {
            leads.join(", ")
        },
        th,
    ));
    out.push(field(
        "Comes from",
        if from.is_empty() {
            none()
        } else {
            from.join(", ")
        },
        th,
    ));
    let pos = v.roles.iter().position(|r| r.id == role.id).unwrap_or(0);
    let start = role
        .bands
        .first()
        .map_or(crate::catalog::Level::Fresher, |b| b.level);
    let all = crate::catalog::career_paths(&v.roles, pos, 3);
    let paths = crate::catalog::diverse_paths(&v.roles, pos, &all, start);
    if !paths.is_empty() {
        out.push(Line::from(Span::styled(
            "Paths up, one per next step (pay at each step)",
            th.title,
        )));
        for p in &paths {
            let bands = crate::catalog::path_bands(&v.roles, p, start);
            let steps: Vec<String> = p
                .iter()
                .zip(bands)
                .map(|(&r, b)| match b {
                    Some(b) => format!(
                        "{} {}",
                        v.roles[r].title,
                        salary(Some(b.min), Some(b.max), st.period)
                    ),
                    None => v.roles[r].title.clone(),
                })
                .collect();
            out.push(Line::from(format!("• {}", steps.join(" → "))));
        }
        let more = all.len().saturating_sub(paths.len());
        if more > 0 {
            let also: Vec<&str> = crate::catalog::also_reached(&all, &paths)
                .into_iter()
                .map(|r| v.roles[r].title.as_str())
                .collect();
            let mut note = format!(
                "+{more} more path{} through the same next steps",
                if more == 1 { "" } else { "s" }
            );
            if !also.is_empty() {
                note.push_str(&format!(", also to {}", also.join(", ")));
            }
            out.push(Line::from(Span::styled(note, th.muted)));
        }
    }
    let n = st.data.role_counts.get(pos).copied().unwrap_or(0);
    out.push(Line::default());
    out.push(Line::from(Span::styled(
        format!("{n} listings · press l to see them"),
        th.good,
    )));
    out
}

pub fn role(frame: &mut Frame<'_>, r: Rect, st: &State) {
    let th = &st.theme;
    let focused = st.roles.pane() == RolePane::Detail;
    let v = st.index().vocab();
    if st.roles.compare.len() >= 2 {
        let b = block(" Compare · Esc clears ", focused, th);
        let inner = b.inner(r);
        frame.render_widget(b, r);
        compare_roles(frame, inner, st);
        return;
    }
    let b = block(" Role ", focused, th);
    let lines = match st
        .roles
        .found
        .get(st.roles.cursor.selected)
        .and_then(|&i| v.roles.get(i))
    {
        Some(role) => role_lines(role, st, r.width.saturating_sub(2) as usize),
        None => vec![Line::from(Span::styled("No role selected.", Style::new()))],
    };
    frame.render_widget(
        Paragraph::new(lines)
            .block(b)
            .wrap(Wrap { trim: false })
            .scroll((st.roles.detail_scroll, 0)),
        r,
    );
}

/// Two or three roles side by side: pay per level, open listings, fit,
/// skills (✓ the ones you have), where they lead and what the work is.
fn compare_roles(frame: &mut Frame<'_>, area: Rect, st: &State) {
    use ratatui::layout::Constraint;
    use ratatui::widgets::{Cell, Row, Table};
    let th = &st.theme;
    let v = st.index().vocab();
    let picked: Vec<usize> = st.roles.compare.clone();
    let roles: Vec<&Role> = picked.iter().filter_map(|&i| v.roles.get(i)).collect();
    let title_of = |id: &str| {
        v.roles
            .iter()
            .find(|r| r.id == id)
            .map_or(id.to_string(), |r| r.title.clone())
    };
    let owned = |s: &str| {
        st.profile.as_deref().is_some_and(|p| {
            crate::fit::skill_position(&v.skills, s).is_some_and(|i| p.skills & (1 << i) != 0)
        })
    };
    let mut rows: Vec<(String, Vec<String>)> = Vec::new();
    rows.push((
        "Department".into(),
        roles
            .iter()
            .map(|r| {
                v.categories
                    .iter()
                    .find(|c| c.id == r.category)
                    .map_or(r.category.clone(), |c| c.name.clone())
            })
            .collect(),
    ));
    for level in crate::catalog::Level::ALL {
        rows.push((
            level.short().to_string(),
            roles
                .iter()
                .map(|r| match r.band(*level) {
                    Some(b) => salary(Some(b.min), Some(b.max), st.period),
                    None => "—".into(),
                })
                .collect(),
        ));
    }
    rows.push((
        "Open listings".into(),
        picked
            .iter()
            .map(|&i| st.data.role_counts.get(i).copied().unwrap_or(0).to_string())
            .collect(),
    ));
    if let Some(p) = st.profile.as_deref() {
        rows.push((
            "Your fit".into(),
            roles
                .iter()
                .map(|r| format!("{}/100", crate::fit::role_fit(p, r, &v.skills).score))
                .collect(),
        ));
    }
    rows.push((
        "Skills".into(),
        roles
            .iter()
            .map(|r| {
                r.skills
                    .iter()
                    .map(|s| {
                        if owned(s) {
                            format!("✓{s}")
                        } else {
                            s.clone()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .collect(),
    ));
    rows.push((
        "Next roles".into(),
        roles
            .iter()
            .map(|r| {
                r.leads_to
                    .iter()
                    .map(|id| title_of(id))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .collect(),
    ));
    rows.push((
        "What you do".into(),
        roles
            .iter()
            .map(|r| {
                r.responsibilities
                    .iter()
                    .take(3)
                    .map(|x| format!("• {x}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect(),
    ));
    let n = roles.len().max(1) as u16;
    let col_w = (area.width.saturating_sub(14) / n).max(8) as usize;
    let table_rows: Vec<Row<'_>> = rows
        .into_iter()
        .map(|(label, cells)| {
            let mut height = 1;
            let mut cs = vec![Cell::from(Span::styled(label, th.title))];
            for c in cells {
                let lines: Vec<Line<'static>> = super::form::wrap_words(&c, col_w)
                    .into_iter()
                    .map(Line::from)
                    .collect();
                height = height.max(lines.len().max(1) as u16);
                cs.push(Cell::from(lines));
            }
            Row::new(cs).height(height)
        })
        .collect();
    let mut widths = vec![Constraint::Length(13)];
    widths.extend(roles.iter().map(|_| Constraint::Fill(1)));
    let header: Vec<Cell<'_>> = std::iter::once(Cell::from(""))
        .chain(
            roles
                .iter()
                .map(|r| Cell::from(Span::styled(r.title.clone(), th.accent))),
        )
        .collect();
    frame.render_widget(
        Table::new(table_rows, widths)
            .header(Row::new(header))
            .column_spacing(1),
        area,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compares_ranges_with_bands() {
        let r = Rupees;
        assert_eq!(compare(r(10), r(14), r(15), r(20)), Compare::Below);
        assert_eq!(compare(r(14), r(16), r(15), r(20)), Compare::Within);
        assert_eq!(compare(r(21), r(30), r(15), r(20)), Compare::Above);
    }
}
