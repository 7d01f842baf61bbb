//! The seating view of a meeting: the talks table or the banquet rounds drawn with a name
//! at every seat, the options of the plan, re-seating, locks, and the exports.
//!
//! Like every panel it reads and returns edits: a drag, a lock, an option or "re-seat"
//! becomes the meeting with a new [`SeatingPlan`], applied at the one apply point (so each
//! is one undo step). Who sits where is worked out once per change of the project, never
//! per frame; the drawing lays out only the tables on screen.

use super::commands_ui::shortcut_text;
use super::seating_canvas::{self, CanvasOutcome, SeatDrag, SeatText};
use super::style::space;
use super::widgets::empty_message;
use super::{Cx, ViewState};
use crate::document::Edit;
use crate::export::ExportLanguage;
use crate::export::ExportRequest;
use crate::export::pdf::{CardFace, CardOptions, CardSize, Paper};
use crate::export::seating::{SeatingFormat, SeatingOptions};
use crate::i18n::Language;
use crate::model::seating::{
    Arrangement, BanquetPlace, MAX_SIDE_SEATS, MAX_TABLES, NoSeat, Party, Row, Seat, SeatingLayout,
    SeatingPlan, TABLE_SEATS, arrange, banquet_place,
};
use crate::model::{Meeting, MeetingId, Person};
use crate::workspace::{Command, Request};

/// What the seating view keeps between frames.
#[derive(Debug, Default)]
pub struct SeatingView {
    /// The arrangement and its texts, for one revision, meeting and language.
    cache: Option<Cache>,
    /// The seat clicked last (its lock is what the Lock button toggles).
    pub selected: Option<Seat>,
    /// The language of the exports.
    pub language: ExportLanguage,
    /// The paper of the plan PDF.
    pub paper: Paper,
    /// The paper and faces of place cards.
    pub cards: CardOptions,
}

/// What is derived from the meeting's plan, once per change.
#[derive(Debug)]
pub(super) struct Cache {
    key: (u64, MeetingId, Language),
    /// Who sits where.
    pub(super) arrangement: Arrangement,
    /// What is written at each seat, in the order of `arrangement.seats`.
    pub(super) seats: Vec<SeatText>,
    /// Who has no seat: attendee, name, why.
    pub(super) unseated: Vec<(usize, String, &'static str)>,
    /// The names of the guests' and the hosts' sides.
    pub(super) party_names: [String; 2],
    /// The talks table's label.
    pub(super) talks_label: String,
}

impl SeatingView {
    /// The derived data of `meeting`, recomputed when the project or the language changed.
    fn cache(&mut self, cx: &Cx<'_>, id: &MeetingId, meeting: &Meeting) -> &Cache {
        let key = (cx.revision, id.clone(), cx.language);
        if self.cache.as_ref().is_some_and(|c| c.key != key) {
            self.cache = None;
        }
        self.cache.get_or_insert_with(|| build(cx, key, meeting))
    }

    /// The least width the drawing of `meeting`'s plan takes without scrolling sideways:
    /// the meetings view gives it the list's room when the page is narrower.
    pub fn least_width(&mut self, cx: &Cx<'_>, id: &MeetingId, meeting: &Meeting) -> f32 {
        let cache = self.cache(cx, id, meeting);
        super::seating_sizes::least_width(cache, &meeting.seating)
    }
}

/// Characters of a Latin name shown on one line of a seat; a longer one takes two.
const LONG_NAME: usize = 14;

/// A person's name in the interface's order of scripts: Chinese first in the Chinese
/// interface, each script on its own line.
pub(super) fn name_lines(person: Option<&Person>, fallback: &str, zh: bool) -> [String; 2] {
    let Some(p) = person else {
        return [fallback.to_owned(), String::new()];
    };
    let latin = p.formal_name_latin();
    let chinese = p.chinese_name.trim().to_owned();
    if chinese.is_empty() && latin.chars().count() > LONG_NAME {
        // A long Latin name alone takes both lines, given name and family name apart.
        let honorific = p.honorific.abbreviation();
        let given = p.given_name.trim().to_owned();
        let family = p.family_name.trim().to_uppercase();
        let (a, b) = match p.name_order {
            crate::model::NameOrder::GivenFirst => (given, family),
            crate::model::NameOrder::FamilyFirst => (family, given),
        };
        let a = format!("{honorific} {a}").trim().to_owned();
        if !a.is_empty() && !b.is_empty() {
            return [a, b];
        }
    }
    let (first, second) = if zh {
        (chinese, latin)
    } else {
        (latin, chinese)
    };
    if first.is_empty() {
        [second, String::new()]
    } else {
        [first, second]
    }
}

/// Where a seat is, in the interface's language.
pub(super) fn place_label(t: &crate::i18n::Strings, seat: &Seat, per_table: u32) -> String {
    let t = t.seating;
    let hand = |place: i32| match place {
        0 => t.place_centre.to_owned(),
        k if k > 0 => t.place_right.replace("{n}", &k.to_string()),
        k => t.place_left.replace("{n}", &k.unsigned_abs().to_string()),
    };
    match *seat {
        Seat::Talks {
            row: Row::Table,
            place,
            ..
        } => hand(place),
        Seat::Talks {
            row: Row::Behind,
            place,
            ..
        } => t.place_behind.replace("{place}", &hand(place)),
        Seat::Banquet { seat, .. } => match banquet_place(seat, per_table) {
            BanquetPlace::Host => t.place_host.to_owned(),
            BanquetPlace::Right(k) => t.place_right.replace("{n}", &k.to_string()),
            BanquetPlace::Left(k) => t.place_left.replace("{n}", &k.to_string()),
            BanquetPlace::Opposite => t.place_opposite.to_owned(),
        },
    }
}

fn build(cx: &Cx<'_>, key: (u64, MeetingId, Language), meeting: &Meeting) -> Cache {
    let strings = cx.tr();
    let t = strings.seating;
    let zh = cx.zh();
    let arrangement = arrange(meeting, &cx.project.people, &meeting.seating);
    let person = |attendee: usize| {
        meeting
            .attendees
            .get(attendee)
            .map(|a| (cx.project.people.get(&a.person), a.person.as_str()))
    };
    let party_name = |party: Party| -> String {
        let sides = match party {
            Party::Hosts => &arrangement.host_sides,
            Party::Guests => &arrangement.guest_sides,
        };
        let names: Vec<&str> = sides
            .iter()
            .filter_map(|s| meeting.side(s))
            .map(|s| s.name.get(zh))
            .filter(|n| !n.trim().is_empty())
            .collect();
        if names.is_empty() {
            match party {
                Party::Hosts => t.hosts.to_owned(),
                Party::Guests => t.guests.to_owned(),
            }
        } else {
            names.join(" · ")
        }
    };
    let per_table = arrangement.seats_per_table;
    let seats = arrangement
        .seats
        .iter()
        .map(|state| {
            let lines = state
                .attendee
                .and_then(person)
                .map(|(p, id)| name_lines(p, id, zh))
                .unwrap_or_default();
            let place = place_label(strings, &state.seat, per_table);
            let at = match state.seat {
                Seat::Talks { party, .. } => party_name(party),
                Seat::Banquet { table, .. } => t.table_n.replace("{n}", &table.to_string()),
            };
            let who = if lines[0].is_empty() {
                t.empty_seat.to_owned()
            } else {
                lines
                    .iter()
                    .filter(|l| !l.is_empty())
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let mut a11y = format!("{at}, {place}: {who}");
            if state.locked {
                a11y.push_str(&format!(" ({})", t.locked));
            }
            SeatText {
                lines,
                place,
                a11y,
                hosts: state
                    .attendee
                    .is_some_and(|a| arrangement.party.get(a) == Some(&Some(Party::Hosts))),
            }
        })
        .collect();
    let unseated = arrangement
        .unseated
        .iter()
        .map(|(a, why)| {
            let name = person(*a)
                .map(|(p, id)| {
                    let [first, second] = name_lines(p, id, zh);
                    if second.is_empty() {
                        first
                    } else {
                        format!("{first} {second}")
                    }
                })
                .unwrap_or_default();
            let why = match why {
                NoSeat::NoRoom => t.no_room,
                NoSeat::NoSide => t.no_side,
            };
            (*a, name, why)
        })
        .collect();
    let party_names = [party_name(Party::Guests), party_name(Party::Hosts)];
    Cache {
        key,
        arrangement,
        seats,
        unseated,
        party_names,
        talks_label: cx.language.choice(SeatingLayout::Talks).to_owned(),
    }
}

/// The seating view of `meeting`.
pub fn seating_ui(
    ui: &mut egui::Ui,
    cx: &mut Cx<'_>,
    id: &MeetingId,
    meeting: &Meeting,
    state: &mut ViewState,
) {
    let t = cx.tr();
    let s = t.seating;
    let zh = cx.zh();
    // The options are copied every frame, the placements (one per person once arranged by
    // hand) only when something changes.
    let options = options_of(&meeting.seating);
    let mut edited = options.clone();
    let mut next: Option<SeatingPlan> = None;
    ui.horizontal(|ui| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button(s.back)
                .on_hover_text(shortcut_text(ui.ctx(), Command::SeatingPlan))
                .clicked()
            {
                state.seating_mode = false;
            }
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                let title = format!("{} — {}", s.seating_plan, meeting.title.get(zh));
                ui.add(egui::Label::new(egui::RichText::new(title).heading()).truncate());
            });
        });
    });
    ui.add_space(space::S);
    options_ui(ui, cx, &mut edited);
    if edited != options {
        next = Some(SeatingPlan {
            placements: meeting.seating.placements.clone(),
            ..edited
        });
    }
    export_ui(ui, cx, id, &mut state.request, &mut state.seating);

    let selected = state.seating.selected;
    let cache = state.seating.cache(cx, id, meeting);
    let arrangement = &cache.arrangement;
    let mut outcome = CanvasOutcome::default();
    ui.horizontal_wrapped(|ui| {
        let by_hand = meeting
            .seating
            .placements_of(meeting.seating.layout)
            .any(|p| !p.locked);
        if ui
            .add_enabled(by_hand, egui::Button::new(s.reseat))
            .on_hover_text(s.reseat_tip)
            .clicked()
        {
            next.get_or_insert_with(|| meeting.seating.clone()).reseat();
        }
        let selected_state = selected.and_then(|seat| arrangement.state(&seat));
        let lock_label = if selected_state.is_some_and(|st| st.locked) {
            s.unlock
        } else {
            s.lock
        };
        if ui
            .add_enabled(
                selected_state.is_some_and(|st| st.attendee.is_some()),
                egui::Button::new(lock_label),
            )
            .on_hover_text(s.lock_tip)
            .clicked()
        {
            outcome.toggle_lock = selected;
        }
        ui.separator();
        ui.label(format!("{} {}", arrangement.seated(), s.seated));
        if !cache.unseated.is_empty() {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("· {}: {}", s.without_seat, cache.unseated.len()),
            );
        }
        if !arrangement.away.is_empty() {
            ui.weak(format!("· {}: {}", s.away, arrangement.away.len()));
        }
    });
    if arrangement.by_hand() {
        ui.weak(s.by_hand);
    }
    if arrangement.stale > 0 {
        ui.weak(format!("{}: {}", s.stale, arrangement.stale));
    }
    if !cache.unseated.is_empty() {
        unseated_ui(ui, cache, t);
    }
    if cache.seats.iter().all(|s| s.lines[0].is_empty()) && cache.unseated.is_empty() {
        empty_message(ui, s.nobody);
    } else {
        ui.weak(s.hint);
        ui.add_space(space::XS);
        let shown = &meeting.seating;
        let canvas = egui::ScrollArea::both()
            .id_salt("seating_canvas")
            .auto_shrink([false, false])
            .show(ui, |ui| match shown.layout {
                SeatingLayout::Talks => seating_canvas::talks_ui(ui, cache, shown, selected, t),
                SeatingLayout::Banquet => seating_canvas::banquet_ui(ui, cache, shown, selected, t),
            })
            .inner;
        outcome.merge(canvas);
    }
    seating_canvas::drag_preview(ui, cache);

    let mut select = outcome.select;
    if let Some((from, to)) = outcome.moved
        && let Some(moved) =
            arrangement.moved(meeting, next.as_ref().unwrap_or(&meeting.seating), from, to)
    {
        next = Some(moved);
        select = Some(to);
    }
    if let Some(seat) = outcome.toggle_lock
        && let Some(locked) =
            arrangement.toggled_lock(meeting, next.as_ref().unwrap_or(&meeting.seating), seat)
    {
        next = Some(locked);
    }
    if select.is_some() {
        state.seating.selected = select;
    }
    if let Some(plan) = next
        && plan != meeting.seating
    {
        let mut m = meeting.clone();
        m.seating = plan;
        cx.edit_step(Edit::PutMeeting(id.clone(), Box::new(m)));
    }
}

/// The plan's options without its placements.
fn options_of(plan: &SeatingPlan) -> SeatingPlan {
    SeatingPlan {
        layout: plan.layout,
        senior: plan.senior,
        talks: plan.talks.clone(),
        banquet: plan.banquet.clone(),
        placements: Vec::new(),
    }
}

/// The options of the plan: layout, seat of honour, and those of the layout shown.
fn options_ui(ui: &mut egui::Ui, cx: &Cx<'_>, plan: &mut SeatingPlan) {
    let t = cx.tr();
    let s = t.seating;
    let language = cx.language;
    // A few controls a row, so that a narrow pane wraps between rows rather than inside
    // a control.
    ui.horizontal_wrapped(|ui| {
        choice(ui, s.layout, "seating_layout", language, &mut plan.layout);
        choice(ui, s.senior, "seating_senior", language, &mut plan.senior);
        if plan.layout == SeatingLayout::Talks {
            choice(ui, s.door, "seating_door", language, &mut plan.talks.door);
        }
    });
    match plan.layout {
        SeatingLayout::Talks => {
            ui.horizontal_wrapped(|ui| {
                let interpreter = &mut plan.talks.interpreter;
                choice(
                    ui,
                    s.interpreter,
                    "seating_interpreter",
                    language,
                    interpreter,
                );
                choice(
                    ui,
                    s.shape,
                    "seating_shape",
                    language,
                    &mut plan.talks.shape,
                );
            });
            ui.horizontal_wrapped(|ui| {
                let per_side = &mut plan.talks.seats_per_side;
                count_ui(ui, t, s.seats_per_side, per_side, 1..=MAX_SIDE_SEATS, 8);
            });
        }
        SeatingLayout::Banquet => {
            ui.horizontal_wrapped(|ui| {
                ui.horizontal(|ui| {
                    ui.label(s.seats_per_table);
                    let mut seats = plan.banquet.seats();
                    if stepper(ui, s.seats_per_table, &mut seats, TABLE_SEATS) {
                        plan.banquet.seats_per_table = seats;
                    }
                });
                ui.add_space(space::L);
                count_ui(ui, t, s.tables, &mut plan.banquet.tables, 1..=MAX_TABLES, 5);
            });
        }
    }
}

/// A label and its choice, kept together when the toolbar wraps.
fn choice<C: crate::model::Choice>(
    ui: &mut egui::Ui,
    label: &str,
    id: &str,
    language: Language,
    value: &mut C,
) {
    ui.horizontal(|ui| {
        let l = ui.label(label);
        super::widgets::choice_combo(ui, id, language, value, l.id);
    });
    ui.add_space(space::M);
}

/// A count that is either "as needed" or a number the user sets.
fn count_ui(
    ui: &mut egui::Ui,
    t: &crate::i18n::Strings,
    label: &str,
    value: &mut Option<u32>,
    range: std::ops::RangeInclusive<u32>,
    default: u32,
) {
    let s = t.seating;
    // One group, so that a wrapping toolbar never parts the label from its controls.
    ui.horizontal(|ui| {
        ui.label(label);
        let mut auto = value.is_none();
        if ui
            .checkbox(&mut auto, s.as_needed)
            .on_hover_text(s.as_needed_tip)
            .changed()
        {
            *value = (!auto).then_some(default);
        }
        if let Some(n) = value {
            let mut v = (*n).clamp(*range.start(), *range.end());
            if stepper(ui, label, &mut v, range) {
                *n = v;
            }
        }
    });
}

/// − n +: one undo step per click, unlike a drag value that changes every frame. The
/// buttons are named for screen readers after `name` (`Seats per table −`).
fn stepper(
    ui: &mut egui::Ui,
    name: &str,
    value: &mut u32,
    range: std::ops::RangeInclusive<u32>,
) -> bool {
    let mut changed = false;
    ui.push_id(name, |ui| {
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = space::XXS;
            let button = |ui: &mut egui::Ui, sign: &str, enabled: bool| {
                let response = ui.add_enabled(enabled, egui::Button::new(sign).small());
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, enabled, format!("{name} {sign}"))
                });
                response.clicked()
            };
            if button(ui, "−", *value > *range.start()) {
                *value -= 1;
                changed = true;
            }
            ui.label(egui::RichText::new(value.to_string()).strong());
            if button(ui, "+", *value < *range.end()) {
                *value += 1;
                changed = true;
            }
        });
    });
    changed
}

/// Who has no seat: names to drag onto a free seat, and why each has none.
fn unseated_ui(ui: &mut egui::Ui, cache: &Cache, t: &crate::i18n::Strings) {
    let s = t.seating;
    /// Names shown; a longer list says how many more.
    const SHOWN: usize = 60;
    ui.horizontal_wrapped(|ui| {
        ui.colored_label(ui.visuals().warn_fg_color, format!("{}:", s.without_seat))
            .on_hover_text(s.without_seat_tip);
        for (attendee, name, why) in cache.unseated.iter().take(SHOWN) {
            let chip = ui
                .add(
                    egui::Button::new(name.as_str())
                        .small()
                        .sense(egui::Sense::click_and_drag()),
                )
                .on_hover_text(format!("{why}. {}", s.without_seat_tip));
            chip.dnd_set_drag_payload(SeatDrag(Err(*attendee)));
        }
        if cache.unseated.len() > SHOWN {
            ui.weak(format!("+{}", cache.unseated.len() - SHOWN));
        }
    });
}

/// The exports: language, paper, then the plan as PDF, Word or CSV, and place cards.
fn export_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    id: &MeetingId,
    request: &mut Option<Request>,
    view: &mut SeatingView,
) {
    let (language, paper, cards) = (view.language, view.paper, view.cards);
    let t = cx.tr();
    let s = t.seating;
    egui::CollapsingHeader::new(s.export)
        .id_salt("seating_export")
        .default_open(false)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                let l = ui.label(s.language);
                egui::ComboBox::from_id_salt("seating_export_language")
                    .selected_text(lang_label(t, language))
                    .show_ui(ui, |ui| {
                        for option in [ExportLanguage::Both, ExportLanguage::En, ExportLanguage::Zh]
                        {
                            ui.selectable_value(&mut view.language, option, lang_label(t, option));
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.add_space(space::M);
                let l = ui.label(s.paper);
                egui::ComboBox::from_id_salt("seating_export_paper")
                    .selected_text(paper_label(paper))
                    .show_ui(ui, |ui| {
                        for option in Paper::ALL {
                            ui.selectable_value(&mut view.paper, option, paper_label(option));
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.add_space(space::M);
                let options = SeatingOptions {
                    paper,
                    ..SeatingOptions::default()
                };
                for (format, label, tip) in [
                    (SeatingFormat::Pdf, s.export_pdf, s.export_pdf_tip),
                    (SeatingFormat::Docx, s.export_docx, s.export_docx_tip),
                    (SeatingFormat::Csv, s.export_csv, s.export_csv_tip),
                ] {
                    if ui.button(label).on_hover_text(tip).clicked() {
                        *request = Some(Request::Export(Box::new(ExportRequest::Seating {
                            meeting: id.clone(),
                            format,
                            language,
                            options,
                        })));
                    }
                }
            });
            ui.horizontal_wrapped(|ui| {
                let l = ui.label(t.card_size);
                egui::ComboBox::from_id_salt("seating_card_size")
                    .selected_text(card_size_label(t, cards.size))
                    .show_ui(ui, |ui| {
                        for option in CardSize::ALL {
                            ui.selectable_value(
                                &mut view.cards.size,
                                option,
                                card_size_label(t, option),
                            );
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.add_space(space::M);
                let l = ui.label(t.card_face);
                egui::ComboBox::from_id_salt("seating_card_face")
                    .selected_text(card_face_label(t, cards.face))
                    .show_ui(ui, |ui| {
                        for option in CardFace::ALL {
                            ui.selectable_value(
                                &mut view.cards.face,
                                option,
                                card_face_label(t, option),
                            );
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.add_space(space::M);
                if ui
                    .button(s.place_cards)
                    .on_hover_text(s.place_cards_tip)
                    .clicked()
                {
                    *request = Some(Request::Export(Box::new(ExportRequest::PlaceCards {
                        meeting: id.clone(),
                        options: SeatingOptions::default(),
                        cards,
                    })));
                }
            });
        });
    ui.add_space(space::XS);
}

fn lang_label(t: &crate::i18n::Strings, language: ExportLanguage) -> &'static str {
    let s = t.seating;
    match language {
        ExportLanguage::Both => t.lang_both,
        ExportLanguage::En => s.lang_en,
        ExportLanguage::Zh => s.lang_zh,
    }
}

fn paper_label(paper: Paper) -> &'static str {
    match paper {
        Paper::A4 => "A4",
        Paper::A3 => "A3",
    }
}

fn card_size_label(t: &crate::i18n::Strings, size: CardSize) -> &'static str {
    match size {
        CardSize::A4Folded => t.card_a4,
        CardSize::A5Tent => t.card_a5,
        CardSize::TwoPerA4 => t.card_two,
    }
}

fn card_face_label(t: &crate::i18n::Strings, face: CardFace) -> &'static str {
    match face {
        CardFace::Both => t.card_face_both,
        CardFace::Chinese => t.card_face_zh,
        CardFace::English => t.card_face_en,
    }
}
