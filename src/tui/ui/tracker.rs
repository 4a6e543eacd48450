//! The Tracker screen: saved applications.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::{Paragraph, Row, Table, Wrap};

use super::widgets::{block, salary};
use crate::tui::state::State;

pub fn render(frame: &mut Frame<'_>, body: Rect, st: &State) {
    let th = &st.theme;
    let t = &st.tracker;
    let b = block(format!(" Tracker · {} saved ", t.apps.len()), true, th);
    if t.apps.is_empty() {
        let inner = b.inner(body);
        frame.render_widget(b, body);
        frame.render_widget(
            Paragraph::new(
                "Nothing saved yet. On the Listings tab, press s on a listing to save it here.",
            )
            .style(th.muted)
            .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let height = crate::tui::layout::table_rows(body);
    let rows: Vec<Row<'_>> = t
        .apps
        .iter()
        .enumerate()
        .skip(t.cursor.offset)
        .take(height)
        .map(|(i, a)| {
            let row = Row::new(vec![
                a.title.clone(),
                a.company.clone(),
                a.city.clone(),
                salary(a.salary_min, a.salary_max, st.period),
                a.status.label().to_string(),
                a.created_at.get(..10).unwrap_or("").to_string(),
            ]);
            if i == t.cursor.selected {
                row.style(th.selection)
            } else {
                row
            }
        })
        .collect();
    let table = Table::new(
        rows,
        [
            Constraint::Fill(3),
            Constraint::Fill(2),
            Constraint::Length(12),
            Constraint::Length(16),
            Constraint::Length(12),
            Constraint::Length(10),
        ],
    )
    .header(Row::new(["Title", "Company", "City", "Salary", "Status", "Saved"]).style(th.title))
    .column_spacing(1)
    .block(b);
    frame.render_widget(table, body);
}
