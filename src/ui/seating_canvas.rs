//! The seating plan drawn: the talks table with each side's seats and rows behind, or the
//! banquet rounds, the door at the bottom, a name at every seat. Each seat is a widget
//! that can be dragged onto another (the two swap), dropped on, clicked (selected) and
//! right-clicked (lock). Only the seats on screen are laid out.

use egui::{Color32, Pos2, Rect, Sense, Stroke, Vec2};

use super::seating_sizes::{banquet_geometry, talks_columns};
use super::seating_ui::Cache;
use super::style;
use crate::i18n::Strings;
use crate::model::seating::geometry::{banquet_angle, banquet_cell, talks_top, talks_x};
use crate::model::seating::{Party, Row, Seat, SeatState, SeatingPlan, TableShape};

/// What is written at one seat, worked out once per change.
#[derive(Clone, Debug, Default)]
pub struct SeatText {
    /// The name in the interface's order of scripts (empty: a free seat).
    pub lines: [String; 2],
    /// Where the seat is (`right 1`).
    pub place: String,
    /// What a screen reader (and a test) reads: side or table, place, name, lock.
    pub a11y: String,
    /// Someone of the host's side sits there.
    pub hosts: bool,
}

/// What is dragged: a seated person (from their seat) or someone without a seat (their
/// index among the meeting's attendees).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SeatDrag(pub Result<Seat, usize>);

/// What the user did on the drawing this frame.
#[derive(Clone, Copy, Debug, Default)]
pub struct CanvasOutcome {
    /// A person dropped onto a seat.
    pub moved: Option<(Result<Seat, usize>, Seat)>,
    /// A seat to lock or unlock.
    pub toggle_lock: Option<Seat>,
    /// A seat clicked.
    pub select: Option<Seat>,
}

impl CanvasOutcome {
    /// Takes what `other` holds over what this one holds.
    pub fn merge(&mut self, other: Self) {
        self.moved = other.moved.or(self.moved);
        self.toggle_lock = other.toggle_lock.or(self.toggle_lock);
        self.select = other.select.or(self.select);
    }
}

/// The tint of a seat taken by a host (or a guest), readable in light and dark themes.
fn seat_fill(ui: &egui::Ui, hosts: bool) -> Color32 {
    match (ui.visuals().dark_mode, hosts) {
        (false, true) => style::SEAT_HOST_LIGHT,
        (false, false) => style::SEAT_GUEST_LIGHT,
        (true, true) => style::SEAT_HOST_DARK,
        (true, false) => style::SEAT_GUEST_DARK,
    }
}

/// One seat as a widget in `rect`: interaction, and its box with the name drawn when
/// `boxed` (talks), or its dot and a label beside it (banquet, `label` the label's rect).
fn seat_ui(
    ui: &mut egui::Ui,
    hit: Rect,
    state: &SeatState,
    text: &SeatText,
    selected: bool,
    t: &Strings,
    outcome: &mut CanvasOutcome,
) -> (egui::Response, bool) {
    let s = t.seating;
    let response = ui.interact(
        hit,
        egui::Id::unique(("seating_seat", state.seat)),
        Sense::click_and_drag(),
    );
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::Button, true, selected, text.a11y.clone())
    });
    let occupied = state.attendee.is_some();
    if occupied && !state.locked {
        response.dnd_set_drag_payload(SeatDrag(Ok(state.seat)));
    }
    let hovered_by_drag = !state.locked && response.dnd_hover_payload::<SeatDrag>().is_some();
    if let Some(payload) = response.dnd_release_payload::<SeatDrag>()
        && payload.0 != Ok(state.seat)
        && !state.locked
    {
        outcome.moved = Some((payload.0, state.seat));
    }
    if response.clicked() {
        outcome.select = Some(state.seat);
    }
    let seat = state.seat;
    let locked = state.locked;
    response.context_menu(|ui| {
        if occupied {
            let label = if locked { s.unlock } else { s.lock };
            if ui.button(label).on_hover_text(s.lock_tip).clicked() {
                outcome.toggle_lock = Some(seat);
                outcome.select = Some(seat);
                ui.close();
            }
        } else {
            ui.weak(s.empty_seat);
        }
    });
    (response, hovered_by_drag)
}

/// The outline of a seat: selected, a drop target, or plain.
fn outline(ui: &egui::Ui, selected: bool, target: bool, empty: bool) -> Stroke {
    let v = ui.visuals();
    if target {
        Stroke::new(2.5, v.selection.stroke.color)
    } else if selected {
        Stroke::new(2.0, v.selection.bg_fill)
    } else if empty {
        Stroke::new(1.0, v.widgets.noninteractive.bg_stroke.color)
    } else {
        Stroke::new(1.0, v.widgets.inactive.fg_stroke.color.gamma_multiply(0.5))
    }
}

/// A small padlock at `at` (its top left): a locked seat.
fn padlock(painter: &egui::Painter, at: Pos2, colour: Color32) {
    let body = Rect::from_min_size(at + Vec2::new(0.0, 5.0), Vec2::new(10.0, 7.0));
    painter.rect_filled(body, 1.5, colour);
    let centre = Pos2::new(body.center().x, body.top());
    let points: Vec<Pos2> = (0..=8)
        .map(|i| {
            let a = std::f32::consts::PI * (i as f32) / 8.0;
            centre + Vec2::new(-3.2 * a.cos(), -3.6 * a.sin())
        })
        .collect();
    painter.add(egui::Shape::line(points, Stroke::new(1.6, colour)));
}

/// Lines of text centred on `centre.x`, stacked from `top`.
fn paint_lines(
    painter: &egui::Painter,
    ui: &egui::Ui,
    lines: &[(&str, egui::TextStyle, Color32)],
    centre_x: f32,
    top: f32,
    width: f32,
    align: egui::Align,
) -> f32 {
    let mut y = top;
    for (text, style, colour) in lines {
        if text.is_empty() {
            continue;
        }
        let mut galley = super::widgets::line_galley(ui, *text, width, style.clone());
        if galley.elided && *style != egui::TextStyle::Small {
            // Too long at this size: the small size before cutting it.
            galley = super::widgets::line_galley(ui, *text, width, egui::TextStyle::Small);
        }
        let x = match align {
            egui::Align::Min => centre_x,
            egui::Align::Center => centre_x - galley.size().x / 2.0,
            egui::Align::Max => centre_x - galley.size().x,
        };
        painter.galley(Pos2::new(x, y), galley.clone(), *colour);
        y += galley.size().y;
    }
    y - top
}

/// A side's name beside its row: on one line, else on two (a Chinese delegation's name is
/// long: 中国认证认可协会代表团), cut with "…" only after that.
fn side_name_galley(ui: &egui::Ui, name: &str, width: f32) -> std::sync::Arc<egui::Galley> {
    let one = super::widgets::line_galley(ui, name, width, egui::TextStyle::Body);
    if !one.elided {
        return one;
    }
    let mut job = egui::text::LayoutJob::simple(
        name.to_owned(),
        egui::TextStyle::Body.resolve(ui.style()),
        Color32::PLACEHOLDER,
        width,
    );
    job.wrap.max_rows = 2;
    ui.painter().layout_job(job)
}

/// The door: a wall across the bottom of the room with a doorway in its middle.
fn door(ui: &egui::Ui, left: f32, right: f32, y: f32, label: &str) {
    let painter = ui.painter();
    let colour = ui.visuals().widgets.inactive.fg_stroke.color;
    let mid = (left + right) / 2.0;
    let gap = 44.0;
    let stroke = Stroke::new(3.0, colour);
    painter.line_segment([Pos2::new(left, y), Pos2::new(mid - gap / 2.0, y)], stroke);
    painter.line_segment([Pos2::new(mid + gap / 2.0, y), Pos2::new(right, y)], stroke);
    painter.line_segment(
        [
            Pos2::new(mid - gap / 2.0, y),
            Pos2::new(mid - gap / 2.0, y - gap),
        ],
        Stroke::new(1.5, colour),
    );
    let arc: Vec<Pos2> = (0..=12)
        .map(|i| {
            let a = std::f32::consts::FRAC_PI_2 * (i as f32) / 12.0;
            Pos2::new(mid - gap / 2.0 + gap * a.sin(), y - gap * a.cos())
        })
        .collect();
    painter.add(egui::Shape::dashed_line(
        &arc,
        Stroke::new(1.0, colour),
        3.0,
        3.0,
    ));
    painter.text(
        Pos2::new(mid, y + 4.0),
        egui::Align2::CENTER_TOP,
        label,
        egui::TextStyle::Body.resolve(ui.style()),
        ui.visuals().strong_text_color(),
    );
}

/// The talks table: the side facing the door along the top, the other along the bottom,
/// each with its row behind; the door below.
pub(super) fn talks_ui(
    ui: &mut egui::Ui,
    cache: &Cache,
    plan: &SeatingPlan,
    selected: Option<Seat>,
    t: &Strings,
) -> CanvasOutcome {
    let s = t.seating;
    let mut outcome = CanvasOutcome::default();
    let a = &cache.arrangement;
    let top = talks_top(plan.talks.door);
    let x_of = |seat: &Seat| match *seat {
        Seat::Talks { party, place, .. } => talks_x(party, place, top),
        Seat::Banquet { .. } => 0.0,
    };
    let (min_x, columns) = talks_columns(cache, plan);
    let gap = style::SEAT_GAP;
    // Seats as wide as the pane allows, down to a width that still shows a name; below
    // that the sides' names give up room, then the drawing scrolls.
    let available = ui.available_width();
    let seats_at_least = columns * (style::SEAT_MIN_WIDTH + gap);
    let label_width = (available - gap - seats_at_least)
        .clamp(style::SEATING_LABEL_MIN_WIDTH, style::SEATING_LABEL_WIDTH);
    let fit = (available - label_width - gap) / columns - gap;
    let size = Vec2::new(
        fit.clamp(style::SEAT_MIN_WIDTH, style::SEAT_SIZE.x),
        style::SEAT_SIZE.y,
    );
    let seats_width = columns * (size.x + gap);
    let row = size.y + gap;
    let band = style::TALKS_TABLE_HEIGHT;
    let height = 4.0 * row + band + 2.0 * gap + style::DOOR_HEIGHT;
    let width = (label_width + seats_width + gap).max(ui.available_width());
    let (rect, _) = ui.allocate_exact_size(Vec2::new(width, height), Sense::hover());
    let left =
        rect.left() + label_width + ((rect.width() - label_width - seats_width) / 2.0).max(0.0);
    let column_x = |x: f32| left + (x - min_x) * (size.x + gap);
    let bottom = match top {
        Party::Guests => Party::Hosts,
        Party::Hosts => Party::Guests,
    };
    let row_top = |party: Party, r: Row| -> f32 {
        let y = rect.top();
        match (party == top, r) {
            (true, Row::Behind) => y,
            (true, Row::Table) => y + row,
            (false, Row::Table) => y + 2.0 * row + band + 2.0 * gap,
            (false, Row::Behind) => y + 3.0 * row + band + 2.0 * gap,
        }
    };
    // The table between the two rows, as long as the seats at it.
    let table_xs = a.seats.iter().filter_map(|st| match st.seat {
        Seat::Talks {
            row: Row::Table, ..
        } => Some(x_of(&st.seat)),
        _ => None,
    });
    let (lo, hi) = table_xs.fold((f32::MAX, f32::MIN), |(lo, hi), x| (lo.min(x), hi.max(x)));
    if lo <= hi {
        let table = Rect::from_min_max(
            Pos2::new(column_x(lo) - gap, rect.top() + 2.0 * row + gap),
            Pos2::new(
                column_x(hi) + size.x + gap,
                rect.top() + 2.0 * row + band + gap,
            ),
        );
        let rounding = match plan.talks.shape {
            TableShape::Oval => band / 2.0,
            TableShape::Rectangular => 4.0,
        };
        let v = ui.visuals();
        ui.painter().rect(
            table,
            rounding,
            v.faint_bg_color,
            Stroke::new(1.0, v.widgets.noninteractive.fg_stroke.color),
            egui::StrokeKind::Inside,
        );
        ui.painter().text(
            table.center(),
            egui::Align2::CENTER_CENTER,
            &cache.talks_label,
            egui::TextStyle::Small.resolve(ui.style()),
            v.weak_text_color(),
        );
    }
    // Each side's name beside its table row, "behind" beside its back row.
    for party in [top, bottom] {
        let name = cache
            .party_names
            .get(usize::from(party == Party::Hosts))
            .map_or("", String::as_str);
        let y = row_top(party, Row::Table);
        let label = Rect::from_min_size(
            Pos2::new(rect.left(), y),
            Vec2::new(label_width - gap, size.y),
        );
        ui.painter().rect_filled(
            Rect::from_min_size(
                Pos2::new(rect.left(), y + 8.0),
                Vec2::new(6.0, size.y - 16.0),
            ),
            2.0,
            seat_fill(ui, party == Party::Hosts),
        );
        let galley = side_name_galley(ui, name, label.width() - 12.0);
        ui.painter().galley(
            Pos2::new(
                label.left() + 12.0,
                label.center().y - galley.size().y / 2.0,
            ),
            galley,
            ui.visuals().strong_text_color(),
        );
        let y = row_top(party, Row::Behind);
        paint_lines(
            ui.painter(),
            ui,
            &[(
                s.behind_row,
                egui::TextStyle::Small,
                ui.visuals().weak_text_color(),
            )],
            rect.left() + 12.0,
            y + size.y / 2.0 - 8.0,
            label_width,
            egui::Align::Min,
        );
    }
    for (state, text) in a.seats.iter().zip(&cache.seats) {
        let Seat::Talks { party, row: r, .. } = state.seat else {
            continue;
        };
        let seat_rect = Rect::from_min_size(
            Pos2::new(column_x(x_of(&state.seat)), row_top(party, r)),
            size,
        );
        if !ui.is_rect_visible(seat_rect) {
            continue;
        }
        let is_selected = selected == Some(state.seat);
        let (response, target) = seat_ui(ui, seat_rect, state, text, is_selected, t, &mut outcome);
        let empty = state.attendee.is_none();
        let painter = ui.painter();
        let dragging = response.dragged();
        let fill = if empty {
            Color32::TRANSPARENT
        } else if dragging {
            seat_fill(ui, text.hosts).gamma_multiply(0.4)
        } else {
            seat_fill(ui, text.hosts)
        };
        let stroke = outline(ui, is_selected, target, empty);
        if empty && r == Row::Behind && !target {
            // A free seat behind: only a faint dashed outline to drop onto.
            let c = seat_rect.shrink(2.0);
            let points = vec![
                c.left_top(),
                c.right_top(),
                c.right_bottom(),
                c.left_bottom(),
                c.left_top(),
            ];
            painter.add(egui::Shape::dashed_line(&points, stroke, 4.0, 4.0));
        } else {
            painter.rect(seat_rect, 5.0, fill, stroke, egui::StrokeKind::Inside);
        }
        let v = ui.visuals();
        let inner = seat_rect.shrink2(Vec2::new(6.0, 4.0));
        let lines = [
            (
                text.lines[0].as_str(),
                egui::TextStyle::Body,
                v.strong_text_color(),
            ),
            (
                text.lines[1].as_str(),
                egui::TextStyle::Small,
                v.text_color(),
            ),
            (
                text.place.as_str(),
                egui::TextStyle::Small,
                v.weak_text_color(),
            ),
        ];
        let shown: &[(&str, egui::TextStyle, Color32)] = if empty && r == Row::Behind {
            &[]
        } else if empty {
            &lines[2..]
        } else {
            &lines
        };
        let h: f32 = shown.len() as f32 * 16.0;
        paint_lines(
            painter,
            ui,
            shown,
            inner.center().x,
            inner.center().y - h / 2.0,
            inner.width(),
            egui::Align::Center,
        );
        if state.locked {
            padlock(
                painter,
                seat_rect.right_top() + Vec2::new(-15.0, 3.0),
                v.strong_text_color(),
            );
        }
    }
    door(
        ui,
        rect.left() + label_width,
        rect.right(),
        rect.bottom() - 22.0,
        s.door,
    );
    outcome
}

/// The banquet rounds in rows from the front of the room (table 1 in the middle of the
/// first row), the door below; only the tables on screen are drawn.
pub(super) fn banquet_ui(
    ui: &mut egui::Ui,
    cache: &Cache,
    plan: &SeatingPlan,
    selected: Option<Seat>,
    t: &Strings,
) -> CanvasOutcome {
    let s = t.seating;
    let mut outcome = CanvasOutcome::default();
    let a = &cache.arrangement;
    let seats = a.seats_per_table.max(1);
    let (ring, cell) = banquet_geometry(seats);
    let dot = style::BANQUET_DOT;
    let label_width = style::BANQUET_LABEL_WIDTH;
    let columns = ((ui.available_width() / cell.x).floor() as u32).clamp(1, 12);
    let tables = a.tables.max(1);
    let rows = tables.div_ceil(columns);
    let width = (cell.x * columns as f32).max(ui.available_width());
    let height = cell.y * rows as f32 + style::DOOR_HEIGHT;
    let (rect, _) = ui.allocate_exact_size(Vec2::new(width, height), Sense::hover());
    let left = rect.left() + (rect.width() - cell.x * columns as f32) / 2.0;
    let centre_of = |table: u32| {
        let (column, row) = banquet_cell(table, tables, columns, plan.senior);
        Pos2::new(
            left + (column + 0.5) * cell.x,
            rect.top() + (row as f32 + 0.5) * cell.y,
        )
    };
    let v = ui.visuals().clone();
    let mut seat_index = 0;
    for table in 1..=tables {
        let centre = centre_of(table);
        let bounds = Rect::from_center_size(centre, cell);
        let count = a
            .seats
            .get(seat_index..)
            .unwrap_or_default()
            .iter()
            .take_while(|st| st.seat.table() == table)
            .count();
        let range = seat_index..seat_index + count;
        seat_index += count;
        if !ui.is_rect_visible(bounds) {
            continue;
        }
        let painter = ui.painter().clone();
        let table_radius = ring - dot - 6.0;
        painter.circle(
            centre,
            table_radius,
            v.faint_bg_color,
            Stroke::new(1.0, v.widgets.noninteractive.fg_stroke.color),
        );
        painter.text(
            centre,
            egui::Align2::CENTER_CENTER,
            s.table_n.replace("{n}", &table.to_string()),
            egui::TextStyle::Heading.resolve(ui.style()),
            v.strong_text_color(),
        );
        for i in range {
            let (Some(state), Some(text)) = (a.seats.get(i), cache.seats.get(i)) else {
                continue;
            };
            let Seat::Banquet { seat, .. } = state.seat else {
                continue;
            };
            let angle = banquet_angle(seat, seats);
            let (cos, sin) = (angle.cos(), angle.sin());
            let at = centre + Vec2::new(cos, sin) * ring;
            let dot_rect = Rect::from_center_size(at, Vec2::splat(2.0 * dot));
            // The name beside its dot, away from the table.
            // Beside the dot for seats on the sides, above or below it at the top and
            // bottom of the table.
            let anchor = if cos.abs() < 0.3 {
                at + Vec2::new(0.0, sin.signum() * (dot + 3.0))
            } else {
                at + Vec2::new(cos.signum() * (dot + 5.0), 0.0)
            };
            let label_size = Vec2::new(label_width, 36.0);
            let label = if cos.abs() < 0.3 {
                let top = if sin < 0.0 {
                    anchor.y - label_size.y
                } else {
                    anchor.y
                };
                Rect::from_min_size(Pos2::new(anchor.x - label_size.x / 2.0, top), label_size)
            } else if cos < 0.0 {
                Rect::from_min_size(
                    Pos2::new(anchor.x - label_size.x, anchor.y - label_size.y / 2.0),
                    label_size,
                )
            } else {
                Rect::from_min_size(
                    Pos2::new(anchor.x, anchor.y - label_size.y / 2.0),
                    label_size,
                )
            };
            let is_selected = selected == Some(state.seat);
            let hit = dot_rect.union(label);
            let (response, target) = seat_ui(ui, hit, state, text, is_selected, t, &mut outcome);
            let empty = state.attendee.is_none();
            let fill = if empty {
                v.extreme_bg_color
            } else {
                seat_fill(ui, text.hosts)
            };
            let stroke = outline(ui, is_selected, target, empty);
            painter.circle(at, dot, fill, stroke);
            if target || is_selected || response.hovered() {
                painter.rect_stroke(label, 4.0, stroke, egui::StrokeKind::Outside);
            }
            let align = if cos.abs() < 0.3 {
                egui::Align::Center
            } else if cos < 0.0 {
                egui::Align::Max
            } else {
                egui::Align::Min
            };
            let x = match align {
                egui::Align::Center => label.center().x,
                egui::Align::Max => label.right(),
                egui::Align::Min => label.left(),
            };
            let lines = if empty {
                vec![(
                    text.place.as_str(),
                    egui::TextStyle::Small,
                    v.weak_text_color(),
                )]
            } else {
                vec![
                    (
                        text.lines[0].as_str(),
                        egui::TextStyle::Body,
                        v.strong_text_color(),
                    ),
                    (
                        text.lines[1].as_str(),
                        egui::TextStyle::Small,
                        v.text_color(),
                    ),
                ]
            };
            let h = lines.iter().filter(|l| !l.0.is_empty()).count() as f32 * 16.0;
            paint_lines(
                &painter,
                ui,
                &lines,
                x,
                label.center().y - h / 2.0,
                label.width(),
                align,
            );
            if state.locked {
                padlock(&painter, at + Vec2::new(-5.0, -7.0), v.strong_text_color());
            }
        }
    }
    door(ui, rect.left(), rect.right(), rect.bottom() - 22.0, s.door);
    outcome
}

/// While a person is dragged, their name under the pointer.
pub(super) fn drag_preview(ui: &egui::Ui, cache: &Cache) {
    let Some(payload) = egui::DragAndDrop::payload::<SeatDrag>(ui.ctx()) else {
        return;
    };
    let Some(pointer) = ui.ctx().pointer_latest_pos() else {
        return;
    };
    let name = match payload.0 {
        Ok(seat) => cache
            .arrangement
            .seats
            .iter()
            .position(|st| st.seat == seat)
            .and_then(|i| cache.seats.get(i))
            .map(|t| t.lines[0].clone()),
        Err(attendee) => cache
            .unseated
            .iter()
            .find(|(a, ..)| *a == attendee)
            .map(|(_, name, _)| name.clone()),
    };
    let Some(name) = name else {
        return;
    };
    let painter = ui.ctx().layer_painter(egui::LayerId::new(
        egui::Order::Tooltip,
        egui::Id::unique("seat_drag_preview"),
    ));
    let font = egui::TextStyle::Body.resolve(ui.style());
    let galley = painter.layout_no_wrap(name, font, ui.visuals().strong_text_color());
    let rect = Rect::from_min_size(pointer + Vec2::new(12.0, 8.0), galley.size()).expand(5.0);
    painter.rect(
        rect,
        4.0,
        ui.visuals().window_fill,
        ui.visuals().window_stroke,
        egui::StrokeKind::Outside,
    );
    painter.galley(
        rect.min + Vec2::splat(5.0),
        galley,
        ui.visuals().strong_text_color(),
    );
}
