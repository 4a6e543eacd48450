//! A role's detail: pay bands, skills, career path.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::compare::{compare_max_scroll, compare_open, compare_roles};
use super::{field, fit_lines, heading, max_scroll};
use crate::catalog::Role;
use crate::fit::FitProfile;
use crate::money::Period;
use crate::tui::state::{RolePane, State};
use crate::tui::theme::Theme;
use crate::tui::ui::widgets::{block, range_bar, salary};
use crate::tui::ui::wrap;

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
        out.extend(fit_lines(crate::fit::role_fit(p, role, &v.skills), th));
        skill_gap(&mut out, role, p, st);
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
    let pos = v.roles.iter().position(|r| r.id == role.id).unwrap_or(0);
    career_path(&mut out, role, pos, st);
    let n = st.data.role_counts.get(pos).copied().unwrap_or(0);
    out.push(Line::default());
    out.push(Line::from(Span::styled(
        format!("{n} listings · press l to see them"),
        th.good,
    )));
    out
}

/// The skills of a role the profile lacks, each with the listings it
/// would open.
fn skill_gap<'a>(out: &mut Vec<Line<'a>>, role: &Role, p: &FitProfile, st: &State) {
    let th = &st.theme;
    let v = st.index().vocab();
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

/// Where a role leads and comes from, and the paths up with their pay
/// (`pos`: the role's position in the vocabulary).
fn career_path<'a>(out: &mut Vec<Line<'a>>, role: &Role, pos: usize, st: &State) {
    let th = &st.theme;
    let v = st.index().vocab();
    let title_of = |id: &str| {
        v.roles
            .iter()
            .find(|r| r.id == id)
            .map_or(id.to_string(), |r| r.title.clone())
    };
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
    paths_up(out, role, pos, st);
}

/// The paths up from a role, one per next step, with the pay at each step.
fn paths_up<'a>(out: &mut Vec<Line<'a>>, role: &Role, pos: usize, st: &State) {
    let th = &st.theme;
    let v = st.index().vocab();
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
}

pub fn role(frame: &mut Frame<'_>, r: Rect, st: &State) {
    let th = &st.theme;
    let focused = st.roles.screen.pane() == RolePane::Detail;
    if compare_open(st) {
        compare_roles(frame, r, st);
        return;
    }
    let title = match st.roles.compare.len() {
        n @ 2.. => format!(" Role · Enter compares {n} "),
        _ => " Role ".to_string(),
    };
    let b = block(title, focused, th);
    let lines = role_wrapped(st, r);
    let scroll = st.roles.screen.detail_scroll.min(max_scroll(&lines, r));
    frame.render_widget(Paragraph::new(lines).block(b).scroll((scroll, 0)), r);
}

/// The selected role's detail for the pane `r`, unscrolled.
fn role_wrapped(st: &State, r: Rect) -> Vec<Line<'static>> {
    let v = st.index().vocab();
    let lines = match st
        .roles
        .found
        .get(st.roles.screen.cursor.selected)
        .and_then(|&i| v.roles.get(i))
    {
        Some(role) => role_lines(role, st, r.width.saturating_sub(2) as usize),
        None => vec![Line::from(Span::styled("No role selected.", Style::new()))],
    };
    wrap::lines(&lines, r.width.saturating_sub(2), false)
}

/// How far the role detail in the pane `r` scrolls before its last line
/// sits at the bottom (the comparison's, when that is open).
pub fn role_max_scroll(st: &State, r: Rect) -> u16 {
    if compare_open(st) {
        return compare_max_scroll(st, r);
    }
    max_scroll(&role_wrapped(st, r), r)
}
