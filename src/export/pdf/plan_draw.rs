//! Drawing a seating plan's page: shapes under text, the talks table with its rows of
//! seats, banquet rounds with a name beside each seat.

use krilla::geom::PathBuilder;
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule, LineCap, Stroke, StrokeDash};
use krilla::surface::Surface;

use super::draw::{Op, TextStyle};
use super::fonts::{Fonts, Glyph, width_em};
use super::plan::{Paper, PlanSeat, PlanSide, PlanTable};
use super::wrap::{fit, fit_name};
use super::{GREY, INK, MM, RULE, Rgb};

/// The drawing area of a page: left, top, right, bottom.
pub(super) type Area = (f32, f32, f32, f32);

/// Tint of the hosts' seats.
const HOST_FILL: Rgb = Rgb(0xdb, 0xe7, 0xf4);
/// Tint of the guests' seats.
const GUEST_FILL: Rgb = Rgb(0xfb, 0xed, 0xd3);
/// The table top.
const TABLE_FILL: Rgb = Rgb(0xf0, 0xf0, 0xf0);
/// Outlines.
pub(super) const OUTLINE: Rgb = Rgb(0x80, 0x80, 0x80);

/// A shape to draw under the text.
pub(super) enum Shape {
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        radius: f32,
    },
    Ellipse {
        cx: f32,
        cy: f32,
        rx: f32,
        ry: f32,
    },
    Arc {
        cx: f32,
        cy: f32,
        r: f32,
    },
}

/// A shape with its fill and its outline (colour, width, dashed).
pub(super) type Painted = (Shape, Option<Rgb>, Option<(Rgb, f32, bool)>);

/// A page being drawn: shapes first, text over them.
#[derive(Default)]
pub(super) struct Page {
    pub(super) shapes: Vec<Painted>,
    pub(super) ops: Vec<Op>,
}

impl Page {
    pub(super) fn shape(
        &mut self,
        shape: Shape,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, f32, bool)>,
    ) {
        self.shapes.push((shape, fill, stroke));
    }

    pub(super) fn line(&mut self, from: (f32, f32), to: (f32, f32), width: f32, colour: Rgb) {
        self.ops.push(Op::Line {
            from,
            to,
            width,
            colour,
            dashed: false,
        });
    }

    /// One line of `text` fitted into `width` (shrinking from `size` to `min`), placed by
    /// `align` (-1 left, 0 centre, 1 right) at `x`, its top at `y`; returns its height.
    #[expect(clippy::too_many_arguments, reason = "one piece of text's placement")]
    pub(super) fn text(
        &mut self,
        fonts: &Fonts,
        text: &str,
        (x, y): (f32, f32),
        width: f32,
        (size, min): (f32, f32),
        bold: bool,
        colour: Rgb,
        align: i8,
    ) -> f32 {
        let (size, lines) = fit(fonts, text, bold, (size, min), width.max(1.0), 1);
        let Some(line) = lines.into_iter().next() else {
            return 0.0;
        };
        self.glyphs(line, (x, y), size, bold, colour, align);
        size * super::LINE
    }

    fn glyphs(
        &mut self,
        glyphs: Vec<Glyph>,
        (x, y): (f32, f32),
        size: f32,
        bold: bool,
        colour: Rgb,
        align: i8,
    ) {
        let w = width_em(&glyphs) * size;
        let left = match align {
            a if a < 0 => x,
            0 => x - w / 2.0,
            _ => x - w,
        };
        self.ops.push(Op::Text {
            x: left,
            y: y + size * super::BASELINE,
            glyphs,
            style: TextStyle { size, bold, colour },
        });
    }

    /// The lines of a seat, each fitted to `width`, stacked from `y` (`valign` 0: centred on
    /// `y`, 1: ending at `y`, -1: starting at `y`), aligned by `align` at `x`.
    #[expect(clippy::too_many_arguments, reason = "one label's placement")]
    fn label(
        &mut self,
        fonts: &Fonts,
        seat: &PlanSeat,
        (x, y): (f32, f32),
        width: f32,
        size: f32,
        align: i8,
        valign: i8,
    ) {
        let mut lines: Vec<(f32, Vec<Glyph>, bool, Rgb)> = Vec::new();
        for (i, text) in seat.lines.iter().enumerate() {
            if i == 0 {
                // The first name may take two lines rather than shrink out of sight.
                let (s, fitted) =
                    fit_name(fonts, text, true, (size, size * 0.8, size * 0.55), width);
                lines.extend(fitted.into_iter().map(|line| (s, line, true, INK)));
            } else {
                let (s, fitted) = fit(fonts, text, false, (size, size * 0.62), width, 1);
                if let Some(line) = fitted.into_iter().next() {
                    lines.push((s, line, false, INK));
                }
            }
        }
        let (s, fitted) = fit(
            fonts,
            &seat.place,
            false,
            (size * 0.72, size * 0.5),
            width,
            1,
        );
        if let Some(line) = fitted.into_iter().next() {
            lines.push((s, line, false, GREY));
        }
        let height: f32 = lines.iter().map(|(s, ..)| s * super::LINE).sum();
        let mut top = match valign {
            v if v < 0 => y,
            0 => y - height / 2.0,
            _ => y - height,
        };
        for (s, line, bold, colour) in lines {
            self.glyphs(line, (x, top), s, bold, colour, align);
            top += s * super::LINE;
        }
    }
}

/// The talks table across the middle, each side's seats along it and its row behind,
/// each side's name above (or below) its rows.
pub(super) fn talks(
    page: &mut Page,
    fonts: &Fonts,
    (top, bottom): (&PlanSide, &PlanSide),
    seats_per_side: u32,
    oval: bool,
    label: &str,
    (left, area_top, right, area_bottom): Area,
) {
    // Across: from the leftmost to the rightmost seat of either side, at the table or
    // taken behind it.
    let xs = top
        .table
        .iter()
        .chain(&bottom.table)
        .map(|(x, _)| *x)
        .chain(
            top.behind
                .iter()
                .chain(&bottom.behind)
                .filter(|(_, s)| !s.lines.is_empty())
                .map(|(x, _)| *x),
        );
    let (lo, hi) = xs.fold((f32::MAX, f32::MIN), |(lo, hi), x| (lo.min(x), hi.max(x)));
    let (lo, hi) = if lo <= hi { (lo, hi) } else { (0.0, 0.0) };
    let span = (hi - lo + 1.0).max(seats_per_side.max(1) as f32);
    // The widest seat that fits, so that names stay legible on a short table.
    let seat_w = ((right - left) / (span + 0.6)).min(52.0 * MM);
    let name_h = 6.0 * MM;
    let seat_h =
        (((area_bottom - area_top) - 24.0 * MM - 2.0 * name_h) / 4.4).clamp(10.0 * MM, 22.0 * MM);
    let size = (seat_w / (20.0 * MM) * 7.0).clamp(4.5, 10.5);
    let centre_x = (left + right) / 2.0 - (lo + hi) / 2.0 * seat_w;
    let table_h = 22.0 * MM;
    let table_xs = top.table.iter().chain(&bottom.table).map(|(x, _)| *x);
    let (t_lo, t_hi) = table_xs.fold((f32::MAX, f32::MIN), |(a, b), x| (a.min(x), b.max(x)));
    let (t_lo, t_hi) = if t_lo <= t_hi {
        (t_lo, t_hi)
    } else {
        (0.0, 0.0)
    };
    let tx = centre_x + (t_lo - 0.5) * seat_w - 2.0 * MM;
    let table_w = (t_hi - t_lo + 1.0) * seat_w + 4.0 * MM;
    let mid = (area_top + area_bottom) / 2.0;
    let ty = mid - table_h / 2.0;
    if oval {
        page.shape(
            Shape::Ellipse {
                cx: tx + table_w / 2.0,
                cy: mid,
                rx: table_w / 2.0 + 8.0 * MM,
                ry: table_h / 2.0 + 2.0 * MM,
            },
            Some(TABLE_FILL),
            Some((OUTLINE, 1.0, false)),
        );
    } else {
        page.shape(
            Shape::Rect {
                x: tx,
                y: ty,
                w: table_w,
                h: table_h,
                radius: 1.5 * MM,
            },
            Some(TABLE_FILL),
            Some((OUTLINE, 1.0, false)),
        );
    }
    page.text(
        fonts,
        label,
        (tx + table_w / 2.0, mid - 2.5 * MM),
        table_w,
        (10.0, 6.0),
        false,
        GREY,
        0,
    );
    let gap = 2.0 * MM;
    let rows = [
        (top, ty - gap - seat_h, ty - 2.0 * gap - 2.0 * seat_h, true),
        (
            bottom,
            ty + table_h + gap,
            ty + table_h + 2.0 * gap + seat_h,
            false,
        ),
    ];
    for (side, table_y, behind_y, above) in rows {
        // The name next to the outermost row in use.
        let outer = if side.behind.iter().any(|(_, s)| !s.lines.is_empty()) {
            behind_y
        } else {
            table_y
        };
        let name_y = if above {
            outer - name_h
        } else {
            outer + seat_h + 1.5 * MM
        };
        for (x, seat) in &side.table {
            let at = (centre_x + x * seat_w, table_y);
            seat_box(page, fonts, seat, at, (seat_w, seat_h), size, false);
        }
        for (x, seat) in side.behind.iter().filter(|(_, s)| !s.lines.is_empty()) {
            let at = (centre_x + x * seat_w, behind_y);
            seat_box(page, fonts, seat, at, (seat_w, seat_h), size, true);
        }
        // The side's name across its rows, on the far side from the table.
        page.text(
            fonts,
            &side.name,
            ((left + right) / 2.0, name_y),
            right - left,
            (11.0, 7.0),
            true,
            INK,
            0,
        );
    }
}

/// One talks seat: a tinted box, centred at `cx`, its top at `y`.
fn seat_box(
    page: &mut Page,
    fonts: &Fonts,
    seat: &PlanSeat,
    (cx, y): (f32, f32),
    (w, h): (f32, f32),
    size: f32,
    behind: bool,
) {
    let empty = seat.lines.is_empty();
    let fill = match (empty, seat.hosts) {
        (true, _) => None,
        (false, true) => Some(HOST_FILL),
        (false, false) => Some(GUEST_FILL),
    };
    let inset = 0.8 * MM;
    page.shape(
        Shape::Rect {
            x: cx - w / 2.0 + inset,
            y,
            w: w - 2.0 * inset,
            h,
            radius: 1.2 * MM,
        },
        fill,
        Some((if empty { RULE } else { OUTLINE }, 0.6, empty || behind)),
    );
    page.label(
        fonts,
        seat,
        (cx, y + h / 2.0),
        w - 2.0 * inset - 1.5 * MM,
        size,
        0,
        0,
    );
}

/// A page of banquet tables, each a round with its number, seats round it and a name at
/// each.
pub(super) fn banquet(
    page: &mut Page,
    fonts: &Fonts,
    tables: &[PlanTable],
    paper: Paper,
    (left, top, right, bottom): Area,
) {
    let (columns, rows) = super::plan::page_grid(paper, u32::try_from(tables.len()).unwrap_or(1));
    let cell_w = (right - left) / columns as f32;
    let cell_h = (bottom - top) / rows as f32;
    let radius = (cell_w.min(cell_h) * 0.22).min(34.0 * MM);
    let ring = radius + 4.0 * MM;
    let dot = 2.2 * MM;
    for table in tables {
        let (column, row) = table.cell;
        let cx = left + (column + 0.5) * cell_w;
        let cy = top + (row as f32 + 0.5) * cell_h;
        page.shape(
            Shape::Ellipse {
                cx,
                cy,
                rx: radius,
                ry: radius,
            },
            Some(TABLE_FILL),
            Some((OUTLINE, 1.0, false)),
        );
        page.text(
            fonts,
            &table.number.to_string(),
            (cx, cy - 6.0 * MM),
            radius * 1.6,
            (20.0, 10.0),
            true,
            INK,
            0,
        );
        page.text(
            fonts,
            &table.label,
            (cx, cy + 2.0 * MM),
            radius * 1.6,
            (7.0, 5.0),
            false,
            GREY,
            0,
        );
        let seats = table.seats.len().max(1) as f32;
        // Room for a name: the arc between two seats, and the half-cell beside the table.
        let side_width = (cell_w / 2.0 - ring - dot - 1.5 * MM).max(10.0 * MM);
        let arc_width = (std::f32::consts::TAU * ring / seats * 1.6).max(12.0 * MM);
        let size = (radius / (14.0 * MM) * 6.5).clamp(6.0, 9.5);
        for (angle, seat) in &table.seats {
            let (cos, sin) = (angle.cos(), angle.sin());
            let (sx, sy) = (cx + ring * cos, cy + ring * sin);
            let fill = match (seat.lines.is_empty(), seat.hosts) {
                (true, _) => None,
                (false, true) => Some(HOST_FILL),
                (false, false) => Some(GUEST_FILL),
            };
            page.shape(
                Shape::Ellipse {
                    cx: sx,
                    cy: sy,
                    rx: dot,
                    ry: dot,
                },
                fill,
                Some((OUTLINE, 0.5, seat.lines.is_empty())),
            );
            // Beside the dot on the sides of the table, above or below it at the top and
            // bottom.
            let (ax, ay) = if cos.abs() < 0.3 {
                (sx, sy + sin.signum() * (dot + 0.8 * MM))
            } else {
                (sx + cos.signum() * (dot + 1.2 * MM), sy)
            };
            if cos.abs() < 0.3 {
                // Above or below the table: centred, stacked away from it.
                let valign = if sin < 0.0 { 1 } else { -1 };
                page.label(fonts, seat, (ax, ay), arc_width, size, 0, valign);
            } else {
                let align = if cos < 0.0 { 1 } else { -1 };
                page.label(fonts, seat, (ax, ay), side_width, size, align, 0);
            }
        }
    }
}

fn fill(colour: Rgb) -> Fill {
    Fill {
        paint: colour.into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::default(),
    }
}

/// Bézier handle length of a quarter circle, as a fraction of its radius.
const KAPPA: f32 = 0.552_284_8;

pub(super) fn draw_shape(
    surface: &mut Surface<'_>,
    shape: &Shape,
    fill_colour: Option<Rgb>,
    stroke: Option<(Rgb, f32, bool)>,
) {
    let mut b = PathBuilder::new();
    match *shape {
        Shape::Rect { x, y, w, h, radius } => {
            let r = radius.min(w / 2.0).min(h / 2.0).max(0.0);
            let k = r * (1.0 - KAPPA);
            b.move_to(x + r, y);
            b.line_to(x + w - r, y);
            b.cubic_to(x + w - k, y, x + w, y + k, x + w, y + r);
            b.line_to(x + w, y + h - r);
            b.cubic_to(x + w, y + h - k, x + w - k, y + h, x + w - r, y + h);
            b.line_to(x + r, y + h);
            b.cubic_to(x + k, y + h, x, y + h - k, x, y + h - r);
            b.line_to(x, y + r);
            b.cubic_to(x, y + k, x + k, y, x + r, y);
            b.close();
        }
        Shape::Ellipse { cx, cy, rx, ry } => {
            let (kx, ky) = (KAPPA * rx, KAPPA * ry);
            b.move_to(cx + rx, cy);
            b.cubic_to(cx + rx, cy + ky, cx + kx, cy + ry, cx, cy + ry);
            b.cubic_to(cx - kx, cy + ry, cx - rx, cy + ky, cx - rx, cy);
            b.cubic_to(cx - rx, cy - ky, cx - kx, cy - ry, cx, cy - ry);
            b.cubic_to(cx + kx, cy - ry, cx + rx, cy - ky, cx + rx, cy);
            b.close();
        }
        Shape::Arc { cx, cy, r } => {
            // A quarter circle from straight up round to the right: a door's swing.
            let k = KAPPA * r;
            b.move_to(cx, cy - r);
            b.cubic_to(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        }
    }
    let Some(path) = b.finish() else {
        return;
    };
    surface.set_fill(fill_colour.map(fill));
    surface.set_stroke(stroke.map(|(colour, width, dashed)| Stroke {
        paint: colour.into(),
        width,
        line_cap: LineCap::Butt,
        dash: dashed.then(|| StrokeDash {
            array: vec![2.0, 1.5],
            offset: 0.0,
        }),
        ..Default::default()
    }));
    surface.draw_path(&path);
    surface.set_fill(None);
    surface.set_stroke(None);
}
