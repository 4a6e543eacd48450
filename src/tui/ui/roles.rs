//! The Roles screen: search, department and skill filters, list, detail.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::detail;
use super::widgets::block;
use crate::tui::screen::view;
use crate::tui::state::{Pane, State};
use crate::tui::update::roles::RolesScreen;

pub fn render(frame: &mut Frame<'_>, area: Rect, st: &State) {
    view::render::<RolesScreen>(
        frame,
        area,
        st,
        [
            " Search ",
            "type to search roles: title, skill, department…",
        ],
        |f, a| list(f, a, st),
        |f, a| detail::role(f, a, st),
    );
}

fn list(frame: &mut Frame<'_>, a: Rect, st: &State) {
    let th = &st.theme;
    let r = &st.roles;
    let v = st.index().vocab();
    let b = block(
        format!(" Roles {} ", r.found.len()),
        r.screen.pane == Pane::Results,
        th,
    );
    let inner = b.inner(a);
    frame.render_widget(b, a);
    let w = inner.width as usize;
    let lines: Vec<Line<'_>> = r
        .found
        .iter()
        .enumerate()
        .skip(r.screen.cursor.offset)
        .take(inner.height as usize)
        .map(|(i, &ri)| {
            let role = &v.roles[ri];
            let n = st.data.role_counts.get(ri).copied().unwrap_or(0);
            // the mark keeps its place so the numbers stay in line
            let mark = if r.compare.contains(&ri) {
                "◆ "
            } else {
                "  "
            };
            let count = match st.profile.as_deref() {
                Some(p) => format!(
                    "fit {:>3} · {n:>3} jobs",
                    crate::fit::role_fit(p, role, &v.skills).score
                ),
                None => format!("{n:>3} jobs"),
            };
            let count = format!("{mark}{count}");
            let count_w = unicode_width::UnicodeWidthStr::width(count.as_str());
            let title_w = super::columns::role_title_width(st, w, inner.height.into(), count_w);
            let title = crate::display::truncate(&role.title, title_w);
            let pad = title_w + 1 - unicode_width::UnicodeWidthStr::width(title.as_str());
            let line = Line::from(vec![
                Span::raw(title),
                Span::raw(" ".repeat(pad)),
                Span::styled(count, th.muted),
            ]);
            if i == r.screen.cursor.selected {
                th.select(line)
            } else {
                line
            }
        })
        .collect();
    if lines.is_empty() {
        frame.render_widget(Paragraph::new("No roles match.").style(th.muted), inner);
    } else {
        frame.render_widget(Paragraph::new(lines), inner);
    }
}
