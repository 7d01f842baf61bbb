//! What a file given to File › Open is when it is no project (issue 27): a list of people
//! or a programme that an import reads, or something neither reads. Told by its bytes
//! through the import gate, then by its lines: a programme is mostly lines that start
//! with a time of day.

use super::agenda_text::parse_line;
use super::gate::Input;
use super::programme_file::read_programme;
use super::source::{Content, NotAList};

/// The import a file looks made for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportKind {
    /// An attendee list: the list import.
    List,
    /// A meeting's programme: the paste-agenda import.
    Programme,
}

/// What a file that is no project is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotAProject {
    /// A file an import reads: what it is, and the import it looks made for.
    Importable {
        /// A workbook, a Word document or text.
        content: Content,
        /// The import it looks made for.
        kind: ImportKind,
    },
    /// A file nothing in the app reads (an image, a PDF, an archive…).
    Other(NotAList),
}

/// How many lines are looked at to tell a programme from a list.
const LINES_LOOKED_AT: usize = 2_000;

/// What a file read through the gate, which did not read as a project, is; `None` when
/// it looks like a project after all (a damaged one: its own error says where).
pub fn classify(input: Input) -> Option<NotAProject> {
    let content = input.content;
    match content {
        Content::Refused(NotAList::Project) => None,
        Content::Refused(what) => Some(NotAProject::Other(what)),
        Content::Workbook(_) | Content::WordDocument(_) | Content::Text => {
            // A file the programme reader cannot read (a damaged workbook, an old .doc)
            // is offered as a list: the list import then says precisely what is wrong.
            let kind = match read_programme(input, None) {
                Ok(read) if is_programme(&read.text) => ImportKind::Programme,
                _ => ImportKind::List,
            };
            Some(NotAProject::Importable { content, kind })
        }
    }
}

/// Whether `text` reads as a programme: at least two lines start with a time, and they
/// are at least a third of the lines (day headings, notes and speakers make the rest).
fn is_programme(text: &str) -> bool {
    let mut lines = 0_usize;
    let mut timed = 0_usize;
    for line in text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(LINES_LOOKED_AT)
    {
        lines += 1;
        if parse_line(line).is_some_and(|l| l.start.is_some()) {
            timed += 1;
        }
    }
    timed >= 2 && timed * 3 >= lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> Option<NotAProject> {
        classify(Input::from_bytes(text.as_bytes().to_vec()).unwrap())
    }

    #[test]
    fn a_programme_is_told_from_a_list_by_its_times() {
        let programme = "第一天 2025年5月12日\n上午9:00 开幕致辞\n9:30-10:30 双方介绍\n（地点：第一会议室）\n下午14:00 参观\n";
        assert_eq!(
            kind(programme),
            Some(NotAProject::Importable {
                content: Content::Text,
                kind: ImportKind::Programme
            })
        );
        let list =
            "Name;Organisation;Title\nKlaus MÜLLER;DIN;Director\nAnna MEIER;DIN;Head of unit\n";
        assert_eq!(
            kind(list),
            Some(NotAProject::Importable {
                content: Content::Text,
                kind: ImportKind::List
            })
        );
        // One time in a list (a note "arrives 9:00") does not make it a programme.
        let noted = "Name,Note\nPeter ZHANG,9:00 arrival\nLisa WANG,\nAnna MEIER,\n";
        assert_eq!(
            kind(noted),
            Some(NotAProject::Importable {
                content: Content::Text,
                kind: ImportKind::List
            })
        );
    }

    #[test]
    fn a_damaged_project_stays_a_project_and_an_image_is_said() {
        assert_eq!(kind("V4((\n  info: (title: (en: \"x\""), None);
        assert_eq!(
            classify(Input::from_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec()).unwrap()),
            Some(NotAProject::Other(NotAList::Image("PNG")))
        );
    }
}
