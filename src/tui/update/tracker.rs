//! The Tracker screen: a board with a column per stage, a sortable and
//! filterable list, stats, moving applications along, and the edit form.

use super::{movement, root};
use crate::tracker::{Application, Status};
use crate::tui::action::{Action, Effect};
use crate::tui::form::{Form, Output, Step};
use crate::tui::layout;
use crate::tui::state::{Overlay, State, TrackerSort, TrackerView};

/// The most columns the board has: the pipeline, rejected, withdrawn.
pub const COLUMNS: usize = 8;
/// The narrowest board column: below it rejected and withdrawn share one
/// "closed" column (its header counts both).
const MIN_COLUMN: u16 = 12;

/// Columns on a board `width` wide: a column per stage when each gets
/// [`MIN_COLUMN`], else seven with closed ones together.
pub fn columns_for(width: u16) -> usize {
    if width / COLUMNS as u16 >= MIN_COLUMN {
        COLUMNS
    } else {
        COLUMNS - 1
    }
}

/// Columns on the board at the current size.
pub fn columns(st: &State) -> usize {
    columns_for(root(st).body.width)
}

/// The column a stage goes in on a board of `n` columns.
pub fn column_of(s: Status, n: usize) -> usize {
    match s {
        Status::Rejected => 6,
        Status::Withdrawn => n - 1,
        _ => Status::PIPELINE.iter().position(|&p| p == s).unwrap_or(0),
    }
}

/// The stages a column holds on a board of `n` columns.
fn column_stages(c: usize, n: usize) -> &'static [Status] {
    // Status::ALL is pipeline order, rejected and withdrawn last
    if n < COLUMNS && c == n - 1 {
        &Status::ALL[6..]
    } else {
        Status::ALL.get(c..=c).unwrap_or(&[])
    }
}

/// A column's title with its count, as long as fits in `room` columns:
/// "HR screening 2", else "Screen 2". Closed together, both counts:
/// "Rejected 2 · Withdrawn 1", "Rej 2 · Wd 1" or "Rej 2 Wd 1".
pub fn column_title(st: &State, c: usize, n: usize, room: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let count = |s: Status| st.tracker.apps.iter().filter(|a| a.status == s).count();
    let candidates: Vec<String> = match column_stages(c, n) {
        [one] => {
            let short = match one {
                Status::Saved => "Saved",
                Status::Applied => "Applied",
                Status::Screening => "Screen",
                Status::Interview => "Intvw",
                Status::Offer => "Offer",
                Status::Accepted => "Accept",
                Status::Rejected => "Reject",
                Status::Withdrawn => "Withdrn",
            };
            let n = count(*one);
            vec![format!("{} {n}", one.label()), format!("{short} {n}")]
        }
        _ => {
            let (r, w) = (count(Status::Rejected), count(Status::Withdrawn));
            vec![
                format!("Rejected {r} · Withdrawn {w}"),
                format!("Rej {r} · Wd {w}"),
                format!("Rej {r} Wd {w}"),
            ]
        }
    };
    let last = candidates.last().cloned().unwrap_or_default();
    candidates
        .into_iter()
        .find(|t| t.width() <= room)
        .unwrap_or(last)
}

/// Applications in a board column, most recently changed first.
pub fn column(st: &State, c: usize) -> Vec<&Application> {
    let stages = column_stages(c, columns(st));
    let mut v: Vec<&Application> = st
        .tracker
        .apps
        .iter()
        .filter(|a| stages.contains(&a.status))
        .collect();
    v.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then(b.id.cmp(&a.id)));
    v
}

/// The next date that matters for an application (interview, follow-up).
pub fn next_date(a: &Application) -> Option<String> {
    a.next_event().map(|e| e.date().to_string())
}

/// Applications in the list, filtered and sorted.
pub fn listed(st: &State) -> Vec<&Application> {
    let t = &st.tracker;
    let mut v: Vec<&Application> = t.apps.iter().filter(|a| t.filter.keeps(a.status)).collect();
    match t.sort {
        TrackerSort::Updated => {
            v.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then(b.id.cmp(&a.id)))
        }
        TrackerSort::Stage => v.sort_by_key(|a| (a.status, a.id)),
        TrackerSort::NextDate => v.sort_by(|a, b| {
            let (x, y) = (next_date(a), next_date(b));
            // dated first, soonest first
            x.is_none()
                .cmp(&y.is_none())
                .then(x.cmp(&y))
                .then(a.id.cmp(&b.id))
        }),
        TrackerSort::Company => v.sort_by_key(|a| a.company.to_lowercase()),
    }
    v
}

/// The selected application.
pub fn selected(st: &State) -> Option<&Application> {
    let id = st.tracker.selected?;
    st.tracker.apps.iter().find(|a| a.id == id)
}

pub fn list_rect(st: &State) -> ratatui::layout::Rect {
    let body = root(st).body;
    if body.width >= layout::WIDE {
        ratatui::layout::Rect::new(body.x, body.y, body.width * 3 / 5, body.height)
    } else {
        body
    }
}

/// Keeps a valid selection after the list or the view changed.
pub fn reselect(st: &mut State) {
    match st.tracker.view {
        TrackerView::Board => {
            let ids: Vec<i64> = column(st, st.tracker.column).iter().map(|a| a.id).collect();
            if !st.tracker.selected.is_some_and(|s| ids.contains(&s)) {
                st.tracker.selected = ids.first().copied();
            }
        }
        TrackerView::List | TrackerView::Stats => {
            let ids: Vec<i64> = listed(st).iter().map(|a| a.id).collect();
            let rows = layout::table_rows(list_rect(st));
            let pos = st
                .tracker
                .selected
                .and_then(|s| ids.iter().position(|&x| x == s))
                .unwrap_or(st.tracker.cursor.selected.min(ids.len().saturating_sub(1)));
            st.tracker.cursor.to(pos, ids.len(), rows);
            st.tracker.selected = ids.get(st.tracker.cursor.selected).copied();
        }
    }
}

fn stage_key(c: char) -> Option<Status> {
    Some(match c {
        's' => Status::Saved,
        'a' => Status::Applied,
        'h' => Status::Screening,
        'i' => Status::Interview,
        'o' => Status::Offer,
        'c' => Status::Accepted,
        'r' => Status::Rejected,
        'w' => Status::Withdrawn,
        _ => return None,
    })
}

/// The stage a key names after `m`.
pub fn stage_for_key(c: char) -> Option<Status> {
    stage_key(c.to_ascii_lowercase())
}

fn move_to(st: &mut State, to: Status) -> Vec<Effect> {
    let Some(a) = selected(st) else {
        return Vec::new();
    };
    if !a.status.can_move_to(to) {
        let msg = format!("{} cannot move to {}", a.status.label(), to.label());
        st.flash_error(msg);
        return Vec::new();
    }
    vec![Effect::MoveApp { id: a.id, to }]
}

/// Keys while the tracker's edit or add form is open.
pub(super) fn form_keys(st: &mut State, action: Action) -> Vec<Effect> {
    let today = st.index().today().unwrap_or(jiff::civil::date(2026, 1, 1));
    let Some(form) = st.tracker_form_mut() else {
        return Vec::new();
    };
    match form.handle(&action, today) {
        Step::Editing => Vec::new(),
        Step::Cancelled => {
            st.overlay = None;
            st.flash("Not saved");
            Vec::new()
        }
        Step::Invalid => {
            st.flash_error("Not saved: fix the marked field");
            Vec::new()
        }
        // the form stays open until the store answers: a failed save keeps
        // everything typed
        Step::Done(out) => match out {
            Output::Patch(_, patch) if patch.is_empty() => {
                st.overlay = None;
                st.flash("Nothing changed");
                Vec::new()
            }
            Output::Patch(base, patch) => vec![Effect::SaveEdit { base, patch }],
            Output::New(new) => vec![Effect::AddApp(Box::new(new))],
            Output::Profile(_) => Vec::new(),
        },
    }
}

/// The edit form's fresh read arrived.
pub fn edit_loaded(st: &mut State, a: Application) -> Vec<Effect> {
    if st.overlay.is_some() {
        return Vec::new();
    }
    let prep = a
        .role_id
        .as_deref()
        .and_then(|r| st.index().vocab().roles.iter().find(|x| x.id == r))
        .map(|r| r.skills.clone())
        .unwrap_or_default();
    st.overlay = Some(Overlay::TrackerForm(Form::edit(&a, &prep)));
    Vec::new()
}

/// What the store said about the form's save.
pub fn edit_answered(st: &mut State, action: Action) -> Vec<Effect> {
    let Some(form) = st.tracker_form_mut() else {
        return Vec::new();
    };
    match action {
        Action::EditSaved(msg) => {
            st.overlay = None;
            st.flash(msg);
            return vec![Effect::LoadTracker];
        }
        Action::EditConflict { conflicts, current } => {
            let names: Vec<&str> = conflicts.iter().map(|c| c.field.label()).collect();
            let msg = format!(
                "Changed elsewhere since you opened this: {}. m keeps mine · t keeps theirs · b shows both",
                names.join(", ")
            );
            form.conflicted(conflicts, current);
            st.flash_error(msg);
        }
        Action::EditFailed(msg) => {
            form.failed(msg.clone());
            st.flash_error(format!("{msg} (your text is kept: Ctrl-S to try again)"));
        }
        _ => {}
    }
    Vec::new()
}

pub(super) fn update(st: &mut State, action: Action) -> Vec<Effect> {
    if st.tracker.moving {
        st.tracker.moving = false;
        return match action {
            Action::MoveTo(to) => move_to(st, to),
            _ => {
                st.flash("Move cancelled");
                Vec::new()
            }
        };
    }
    match action {
        Action::CycleView => {
            st.tracker.view = match st.tracker.view {
                TrackerView::Board => TrackerView::List,
                TrackerView::List => TrackerView::Stats,
                TrackerView::Stats => TrackerView::Board,
            };
            reselect(st);
        }
        Action::CycleFilter => {
            st.tracker.filter = st.tracker.filter.next();
            if st.tracker.view == TrackerView::Board {
                st.tracker.view = TrackerView::List;
            }
            let label = st.tracker.filter.label();
            st.flash(format!("Showing {label} applications"));
            reselect(st);
        }
        Action::CycleSort => {
            st.tracker.sort = st.tracker.sort.next();
            if st.tracker.view == TrackerView::Board {
                st.tracker.view = TrackerView::List;
            }
            let label = st.tracker.sort.label();
            st.flash(format!("Sorted by {label}"));
            reselect(st);
        }
        Action::StartMove if selected(st).is_some() => {
            st.tracker.moving = true;
            st.flash("Move to which stage? Press its key in the box (Esc cancels)");
        }
        Action::NextStage => {
            if let Some(to) = selected(st).and_then(|a| a.status.next()) {
                return move_to(st, to);
            }
        }
        Action::PrevStage => {
            if let Some(to) = selected(st).and_then(|a| a.status.prev()) {
                return move_to(st, to);
            }
        }
        Action::Apply => return move_to(st, Status::Applied),
        Action::Edit | Action::Open => {
            // from a fresh read, not the list's copy
            if let Some(a) = selected(st) {
                return vec![Effect::OpenEdit(a.id)];
            }
        }
        Action::New => st.overlay = Some(Overlay::TrackerForm(Form::new_app())),
        Action::Left | Action::Right if st.tracker.view == TrackerView::Board => {
            let c = st.tracker.column as isize + if action == Action::Left { -1 } else { 1 };
            st.tracker.column = c.clamp(0, columns(st) as isize - 1) as usize;
            st.tracker.selected = None;
            reselect(st);
        }
        Action::Click { column, row } => click(st, column, row),
        Action::ScrollUp { .. } => step(st, -3),
        Action::ScrollDown { .. } => step(st, 3),
        a => {
            let rows = layout::table_rows(list_rect(st));
            if let Some(d) = movement(&a, rows) {
                step(st, d);
            } else if a == Action::Escape && st.tracker.view != TrackerView::Board {
                st.tracker.view = TrackerView::Board;
                reselect(st);
            }
        }
    }
    Vec::new()
}

fn step(st: &mut State, d: isize) {
    match st.tracker.view {
        TrackerView::Board => {
            let ids: Vec<i64> = column(st, st.tracker.column).iter().map(|a| a.id).collect();
            if ids.is_empty() {
                return;
            }
            let pos = st
                .tracker
                .selected
                .and_then(|s| ids.iter().position(|&x| x == s))
                .unwrap_or(0) as isize;
            let to = (pos + d).clamp(0, ids.len() as isize - 1) as usize;
            st.tracker.selected = Some(ids[to]);
        }
        _ => {
            let ids: Vec<i64> = listed(st).iter().map(|a| a.id).collect();
            let rows = layout::table_rows(list_rect(st));
            st.tracker.cursor.step(d, ids.len(), rows);
            st.tracker.selected = ids.get(st.tracker.cursor.selected).copied();
        }
    }
}

fn click(st: &mut State, column: u16, row: u16) {
    let body = root(st).body;
    match st.tracker.view {
        TrackerView::Board => {
            let b = layout::board(body, columns(st), st.tracker.column);
            let Some(c) = layout::board_column_at(&b, column) else {
                return;
            };
            st.tracker.column = c;
            // cards and their separators, below the column's top border
            let card = layout::card_height(body.height.saturating_sub(2));
            let i = row.saturating_sub(body.y + 1) as usize / usize::from(card);
            let ids: Vec<i64> = column_apps(st, c);
            st.tracker.selected = ids.get(i).copied().or(ids.first().copied());
        }
        _ => {
            let r = list_rect(st);
            if layout::contains(r, column, row) && row >= r.y + 2 {
                let ids: Vec<i64> = listed(st).iter().map(|a| a.id).collect();
                let i = st.tracker.cursor.offset + (row - r.y - 2) as usize;
                st.tracker.cursor.to(i, ids.len(), layout::table_rows(r));
                st.tracker.selected = ids.get(st.tracker.cursor.selected).copied();
            }
        }
    }
}

fn column_apps(st: &State, c: usize) -> Vec<i64> {
    column(st, c).iter().map(|a| a.id).collect()
}

/// Keeps the board's column on the board after a resize.
pub(super) fn refit(st: &mut State) {
    let n = columns(st);
    if st.tracker.column >= n {
        st.tracker.column = n - 1;
    }
    reselect(st);
}

/// After the applications were (re)loaded: keep the selection sensible,
/// and bring an open edit form up to date where the user has not typed.
pub fn loaded(st: &mut State, apps: Vec<Application>) {
    st.tracker.apps = apps;
    st.saved = st
        .tracker
        .apps
        .iter()
        .filter_map(|a| a.listing_id)
        .collect();
    if let Some(Overlay::TrackerForm(form)) = st.overlay.as_mut()
        && !form.saving
        && let Some(id) = form.app_id
        && let Some(now) = st.tracker.apps.iter().find(|a| a.id == id)
    {
        form.refresh(now);
    }
    if let Some(s) = st.tracker.selected
        && let Some(a) = st.tracker.apps.iter().find(|a| a.id == s)
        && st.tracker.view == TrackerView::Board
    {
        // follow the application to its new column
        st.tracker.column = column_of(a.status, columns(st));
    }
    reselect(st);
}

/// The start-up banner: follow-ups and interviews due today or overdue.
pub fn due_banner(apps: &[Application], today: jiff::civil::Date) -> Option<String> {
    use crate::tracker::Due;
    let (mut follow, mut interviews) = (0, 0);
    for a in apps {
        for d in a.due(today) {
            match d {
                Due::FollowUp(_) => follow += 1,
                Due::Interview(_) => interviews += 1,
            }
        }
    }
    if follow + interviews == 0 {
        return None;
    }
    let mut parts = Vec::new();
    if follow > 0 {
        parts.push(format!(
            "{follow} follow-up{}",
            if follow == 1 { "" } else { "s" }
        ));
    }
    if interviews > 0 {
        parts.push(format!(
            "{interviews} interview{}",
            if interviews == 1 { "" } else { "s" }
        ));
    }
    Some(format!(
        "Due today or overdue: {} (tab 4)",
        parts.join(", ")
    ))
}
