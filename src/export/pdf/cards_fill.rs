//! Name cards whose names fill their faces: checked on the longest names, in both scripts,
//! on every paper and face.

use super::cards::{CardFace, CardSize, faces};
use super::draw::Op;
use super::fonts::{fonts, width_em};
use super::{MM, NameCard};

/// The names of a face (bold lines): their size and width in points, and the lowest point
/// any text of the face reaches.
fn names(ops: &[Op]) -> (Vec<(f32, f32)>, f32) {
    let mut names = Vec::new();
    let mut bottom = 0.0_f32;
    for op in ops {
        if let Op::Text {
            y, glyphs, style, ..
        } = op
        {
            bottom = bottom.max(y + style.size * 0.3);
            if style.bold {
                names.push((style.size, width_em(glyphs) * style.size));
            }
        }
    }
    (names, bottom)
}

fn card(latin: &str, chinese: &str) -> NameCard {
    NameCard {
        name_latin: latin.into(),
        name_chinese: chinese.into(),
        organisation: "AFNOR 法国标准化协会".into(),
        title: "President of AFNOR China / 国际总经理".into(),
        title_en: "President of AFNOR China".into(),
        title_zh: "国际总经理".into(),
        organisation_en: "AFNOR".into(),
        organisation_zh: "法国标准化协会".into(),
        mark: String::new(),
    }
}

#[test]
fn the_name_fills_the_face_in_both_scripts() {
    let fonts = fonts().unwrap();
    let cards = [
        // The longest names of the samples, and a short one.
        card("Ms. Myriam AUGEREAU LANDAIS", "米里亚姆·奥热罗-朗代女士"),
        card("Mr. HUANG Jixian", "黄继先"),
        card("Ms. FANG Yan", "方 艳"),
        card(
            "Prof. Dr. Maximilian-Alexander VON HOHENLOHE-SCHILLINGSFÜRST",
            "马克西米利安·亚历山大·冯·霍恩洛厄-席林斯菲尔斯特",
        ),
    ];
    for size in CardSize::ALL {
        let (width, height) = match size {
            CardSize::A4Folded => (297.0 * MM, 105.0 * MM),
            CardSize::A5Tent | CardSize::TwoPerA4 => (210.0 * MM, 74.25 * MM),
        };
        let room = width - 2.0 * (15.0 * MM).min(width / 10.0);
        for face in CardFace::ALL {
            for c in &cards {
                let (front, back) = faces(fonts, c, face, width, height);
                for ops in [front, back] {
                    let (names, bottom) = names(&ops);
                    assert!(!names.is_empty());
                    assert!(
                        bottom <= height,
                        "{size:?} {face:?} {}: {bottom}",
                        c.name_latin
                    );
                    // A name set on two lines: consecutive lines of one size.
                    let lines_of = |points: f32| names.iter().filter(|(p, _)| *p == points).count();
                    let two_names = names.windows(2).any(|w| w[0].0 != w[1].0)
                        || matches!(face, CardFace::Both);
                    for (points, wide) in &names {
                        assert!(*wide <= room + 0.5, "{size:?} {face:?}: fits the face");
                        // As large as fits: the name spans most of the face, or it is as
                        // high as the face allows (a short name, or a long one on two
                        // lines): with two names stacked (both scripts on one face) each
                        // takes half of that.
                        let fills_width = *wide >= 0.8 * room;
                        let share = if two_names { 0.2 } else { 0.3 };
                        let fills_height = *points * lines_of(*points) as f32 >= share * height;
                        assert!(
                            fills_width || fills_height,
                            "{size:?} {face:?} {}: {points} pt, {wide} of {room} pt wide",
                            c.name_latin
                        );
                    }
                }
            }
        }
    }
    // A three-character name on the A4 face of a Chinese card: well over 60 pt.
    let (front, _) = faces(
        fonts,
        &card("Mr. HUANG Jixian", "黄继先"),
        CardFace::Chinese,
        297.0 * MM,
        105.0 * MM,
    );
    let (names, _) = names(&front);
    assert!(names[0].0 > 100.0, "{names:?}");
}
