//! `export seating` and `export place-cards`: a meeting's seating plan, with the layout,
//! seats per table and door given on the command line over the plan the meeting stores.
//! Whoever has no seat is named on standard error; the file is written all the same.

use std::path::{Path, PathBuf};

use super::{export_loaded, find_meeting, load, output};
use crate::export::pdf::{CardFace, CardOptions, CardSize, Paper};
use crate::export::seating::{SeatingFormat, SeatingOptions, plan_for};
use crate::export::{ExportLanguage, ExportRequest};
use crate::model::seating::{DoorFacing, NoSeat, SeatingLayout, TABLE_SEATS, arrange};
use crate::model::{Meeting, MeetingId, Project};

/// `--layout`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LayoutArg {
    /// The bilateral negotiation table: two sides facing each other.
    Talks,
    /// Round tables.
    Banquet,
}

/// `--door`: who faces the door at the talks table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DoorArg {
    /// The guests face the door (the hosts have their backs to it).
    Guests,
    /// The hosts face the door.
    Hosts,
}

/// What both commands take to seat a meeting.
#[derive(Debug, clap::Args)]
pub struct PlanArgs {
    /// The project file.
    pub file: PathBuf,
    /// The meeting id (see `list meetings`).
    #[arg(long)]
    pub meeting: String,
    /// Talks table or banquet rounds.
    #[arg(long, value_enum)]
    pub layout: LayoutArg,
    /// Seats at each banquet table (4 to 24); the meeting's plan's otherwise (10 unless set).
    #[arg(long, value_parser = clap::value_parser!(u32).range(i64::from(*TABLE_SEATS.start())..=i64::from(*TABLE_SEATS.end())))]
    pub seats_per_table: Option<u32>,
    /// Who faces the door at the talks table; the meeting's plan's otherwise (the guests).
    #[arg(long, value_enum)]
    pub door: Option<DoorArg>,
}

/// The arguments of `export seating`.
#[derive(Debug, clap::Args)]
pub struct SeatingArgs {
    #[command(flatten)]
    pub plan: PlanArgs,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: SeatingFormat,
    /// Language of the names, sides and roles.
    #[arg(long, value_enum, default_value_t = ExportLanguage::Both)]
    pub lang: ExportLanguage,
    /// The paper of the PDF (landscape).
    #[arg(long, value_enum, default_value_t = Paper::A4)]
    pub paper: Paper,
    /// Where to write it (`-` for standard output).
    #[arg(short, long)]
    pub output: PathBuf,
}

/// The arguments of `export place-cards`.
#[derive(Debug, clap::Args)]
pub struct PlaceCardArgs {
    #[command(flatten)]
    pub plan: PlanArgs,
    /// The paper: one card per A4 sheet, one per A5 sheet, or two A5 cards per A4 sheet.
    #[arg(long, value_enum, default_value_t = CardSize::A4Folded)]
    pub size: CardSize,
    /// What faces the guests: both scripts on both sides, or `zh`/`en` with the other
    /// language on the back.
    #[arg(long, value_enum, default_value_t = CardFace::Both)]
    pub face: CardFace,
    /// Where to write the PDF (`-` for standard output).
    #[arg(short, long)]
    pub output: PathBuf,
}

impl PlanArgs {
    fn options(&self, paper: Paper) -> SeatingOptions {
        SeatingOptions {
            layout: Some(match self.layout {
                LayoutArg::Talks => SeatingLayout::Talks,
                LayoutArg::Banquet => SeatingLayout::Banquet,
            }),
            seats_per_table: self.seats_per_table,
            door: self.door.map(|d| match d {
                DoorArg::Guests => DoorFacing::Guests,
                DoorArg::Hosts => DoorFacing::Hosts,
            }),
            paper,
        }
    }
}

pub(super) fn export_seating(
    args: &SeatingArgs,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> std::io::Result<i32> {
    let request = ExportRequest::Seating {
        meeting: MeetingId::from(args.plan.meeting.as_str()),
        format: args.format,
        language: args.lang,
        options: args.plan.options(args.paper),
    };
    run(&args.plan, &request, &args.output, out, err)
}

pub(super) fn export_place_cards(
    args: &PlaceCardArgs,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> std::io::Result<i32> {
    let request = ExportRequest::PlaceCards {
        meeting: MeetingId::from(args.plan.meeting.as_str()),
        options: args.plan.options(Paper::A4),
        cards: CardOptions {
            size: args.size,
            face: args.face,
        },
    };
    run(&args.plan, &request, &args.output, out, err)
}

fn run(
    plan: &PlanArgs,
    request: &ExportRequest,
    output_path: &Path,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> std::io::Result<i32> {
    let file = plan.file.as_path();
    if !output::output_allowed(output_path, &[file], err)? {
        return Ok(1);
    }
    let Some(project) = load(file, err)? else {
        return Ok(1);
    };
    let Some(meeting) = find_meeting(&project, &plan.meeting, file, err)? else {
        return Ok(1);
    };
    say_unseated(&project, meeting, &plan.options(Paper::A4), err)?;
    export_loaded(
        &project,
        file,
        request,
        &crate::export::ExportOptions::default(),
        output_path,
        out,
        err,
    )
}

/// `warning: 2 people have no seat: Mr. HUANG Jixian (no seat left), …`.
fn say_unseated(
    project: &Project,
    meeting: &Meeting,
    options: &SeatingOptions,
    err: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let arrangement = arrange(meeting, &project.people, &plan_for(meeting, options));
    if arrangement.unseated.is_empty() {
        return Ok(());
    }
    let names: Vec<String> = arrangement
        .unseated
        .iter()
        .map(|(i, why)| {
            let name = meeting
                .attendees
                .get(*i)
                .map(|a| crate::export::sanitize_cell(&project.person_name(&a.person)))
                .unwrap_or_default();
            let why = match why {
                NoSeat::NoRoom => "no seat left",
                NoSeat::NoSide => "on no side of the meeting",
            };
            format!("{name} ({why})")
        })
        .collect();
    let n = names.len();
    let people = if n == 1 { "person has" } else { "people have" };
    writeln!(
        err,
        "warning: {n} {people} no seat: {}; they are listed as `no seat` in the CSV and under \"Without a seat\" in the PDF and Word plans; add seats or tables, or give them a side",
        names.join(", ")
    )
}
