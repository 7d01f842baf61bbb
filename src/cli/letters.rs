//! `export letters` (one invitation letter or certificate per person, from a Word template
//! or a built-in one) and `export share` (a copy of the project without personal data).

use std::path::{Path, PathBuf};

use super::{find_meeting, load};
use crate::export::ExportLanguage;
use crate::export::letters::{
    self, Builtin, LetterError, LetterFormat, LetterTemplate, Missing, Template, field_label,
};
use crate::model::{PersonId, Project};

/// What `export letters` was asked.
pub(super) struct LetterArgs<'a> {
    pub file: &'a Path,
    pub meeting: &'a str,
    pub template: &'a str,
    pub people: &'a [String],
    pub lang: Option<ExportLanguage>,
    pub format: LetterFormat,
    pub today: chrono::NaiveDate,
    pub overwrite: bool,
    pub output: &'a Path,
}

/// Reads the template named on the command line: a built-in one's key, or a `.docx` file.
///
/// # Errors
/// The message to print.
pub(super) fn read_template(name: &str) -> Result<LetterTemplate, String> {
    if let Some(builtin) = Builtin::from_key(name) {
        return Ok(LetterTemplate::Builtin(builtin));
    }
    let path = Path::new(name);
    let meta = std::fs::metadata(path).map_err(|e| {
        let builtins: Vec<&str> = Builtin::ALL.iter().map(|b| b.key()).collect();
        format!(
            "{name}: cannot be read ({e}); give a Word template (.docx) or one of {}",
            builtins.join(", ")
        )
    })?;
    if !meta.is_file() {
        return Err(format!("{name}: not a file; give a Word template (.docx)"));
    }
    if meta.len() > letters::MAX_TEMPLATE_BYTES {
        return Err(format!(
            "{name}: {}",
            letters::TemplateError::TooLarge {
                size: meta.len(),
                max: letters::MAX_TEMPLATE_BYTES
            }
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{name}: cannot be read ({e})"))?;
    Template::from_docx(bytes)
        .map(LetterTemplate::Word)
        .map_err(|e| format!("{name}: {e}"))
}

/// The personal-data columns named on the command line (`all`, or field keys such as
/// `passport-number`); the message to print for a name that is none.
///
/// # Errors
/// A name that is no personal field.
pub(super) fn personal_columns(
    names: &[String],
) -> Result<Vec<crate::import::attendees::Field>, String> {
    use crate::import::attendees::Field;
    use crate::model::Choice as _;
    let personal: Vec<Field> = Field::ALL
        .iter()
        .copied()
        .filter(|f| f.is_personal())
        .collect();
    let mut out = Vec::new();
    for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        if name == "all" {
            out.clone_from(&personal);
            continue;
        }
        match personal.iter().find(|f| f.key() == name) {
            Some(f) if !out.contains(f) => out.push(*f),
            Some(_) => {}
            None => {
                let keys: Vec<&str> = personal.iter().map(|f| f.key()).collect();
                return Err(format!(
                    "--personal {name}: no such personal field; use all, or any of {}",
                    keys.join(", ")
                ));
            }
        }
    }
    Ok(out)
}

/// One line per person and field lacking a value, as `export letters` prints them.
pub fn missing_lines(project: &Project, meeting: &str, missing: &[Missing]) -> Vec<String> {
    missing
        .iter()
        .map(|m| {
            let label = field_label(m.field.trim_start_matches("day."), project, false);
            match &m.person {
                Some(id) => format!(
                    "{} ({id}): no {label} ({{{{{}}}}})",
                    project.person_name(id),
                    m.field
                ),
                None => format!(
                    "meeting {meeting}: no {label} ({{{{{}}}}}); fill it in the meeting, its host organisation or its letter details",
                    m.field
                ),
            }
        })
        .collect()
}

/// `export letters`: checks every value first; writes one file per person into the
/// output folder, never over an existing file unless `--overwrite`.
pub(super) fn export_letters(
    args: &LetterArgs<'_>,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> std::io::Result<i32> {
    let Some(project) = load(args.file, err)? else {
        return Ok(1);
    };
    let Some(meeting) = find_meeting(&project, args.meeting, args.file, err)? else {
        return Ok(1);
    };
    let template = match read_template(args.template) {
        Ok(t) => t,
        Err(message) => {
            writeln!(err, "{message}")?;
            return Ok(1);
        }
    };
    let people: Vec<PersonId> = if args.people.is_empty() {
        letters::default_people(&project, meeting)
    } else {
        args.people
            .iter()
            .flat_map(|p| p.split(','))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(PersonId::from)
            .collect()
    };
    // A built-in letter is bilingual unless asked; a user's template is in its own
    // language, English unless asked.
    let language = args.lang.unwrap_or(match template {
        LetterTemplate::Builtin(_) => ExportLanguage::Both,
        LetterTemplate::Word(_) => ExportLanguage::En,
    });
    if args.output.exists() && !args.output.is_dir() {
        writeln!(
            err,
            "{}: not a folder; give the folder the letters go in after -o",
            args.output.display()
        )?;
        return Ok(1);
    }
    let contexts = match letters::contexts(&project, meeting, &people, language, args.today) {
        Ok(c) => c,
        Err(e) => {
            writeln!(err, "{e}")?;
            return Ok(1);
        }
    };
    let made = letters::generate(&template, &contexts, args.format, &mut |_, _| true);
    let made = match made {
        Ok(made) => made,
        Err(LetterError::Missing(missing)) => {
            for line in missing_lines(&project, args.meeting, &missing) {
                writeln!(err, "{line}")?;
            }
            writeln!(
                err,
                "{} values missing: no letter was written; fill them in and run again",
                missing.len()
            )?;
            return Ok(1);
        }
        Err(e) => {
            writeln!(err, "{e}")?;
            return Ok(1);
        }
    };
    if !made.unprintable.is_empty() {
        writeln!(
            err,
            "warning: {}",
            crate::export::pdf::unprintable_message(&made.unprintable)
        )?;
    }
    let targets: Vec<PathBuf> = made
        .letters
        .iter()
        .map(|l| args.output.join(&l.file_name))
        .collect();
    let existing: Vec<&PathBuf> = targets.iter().filter(|t| t.exists()).collect();
    if !existing.is_empty() && !args.overwrite {
        for path in &existing {
            writeln!(err, "{}: already exists", path.display())?;
        }
        writeln!(
            err,
            "no letter was written: {} of them are there already; choose another folder, or replace them with --overwrite",
            existing.len()
        )?;
        return Ok(1);
    }
    for target in &targets {
        if let Err(refusal) = crate::project_file::check_output(target, &[args.file]) {
            writeln!(err, "{}: not written: {refusal}", target.display())?;
            return Ok(1);
        }
    }
    if let Err(e) = std::fs::create_dir_all(args.output) {
        writeln!(
            err,
            "{}: cannot make the folder ({e})",
            args.output.display()
        )?;
        return Ok(1);
    }
    let files: Vec<(PathBuf, &[u8])> = targets
        .iter()
        .cloned()
        .zip(made.letters.iter().map(|l| l.bytes.as_slice()))
        .collect();
    if let Err(failure) = crate::project_file::write_files_atomically(&files) {
        let (_, e) = *failure;
        writeln!(err, "{e}")?;
        return Ok(1);
    }
    for (path, bytes) in &files {
        writeln!(out, "wrote {} ({} bytes)", path.display(), bytes.len())?;
    }
    writeln!(
        out,
        "{} letters in {}",
        made.letters.len(),
        args.output.display()
    )?;
    Ok(0)
}

/// `export share --without-personal-data`: a valid copy of the project with no passport
/// numbers, birth dates, phones, e-mails or custom personal fields.
pub(super) fn export_share(
    file: &Path,
    without_personal_data: bool,
    output: &Path,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> std::io::Result<i32> {
    if !without_personal_data {
        writeln!(
            err,
            "say --without-personal-data: a shared copy leaves out passport numbers, birth dates, phones, e-mails and custom personal fields"
        )?;
        return Ok(1);
    }
    if super::output::is_stdout(output) {
        writeln!(err, "-: give a file name for the copy after -o")?;
        return Ok(1);
    }
    if !super::output::output_allowed(output, &[file], err)? {
        return Ok(1);
    }
    let Some(project) = load(file, err)? else {
        return Ok(1);
    };
    let copy = project.without_personal_data();
    if let Err(e) = crate::project_file::save_project(output, &copy) {
        writeln!(err, "{e}")?;
        return Ok(1);
    }
    writeln!(
        out,
        "wrote {}: {} people without personal data (passport, birth date, phone, e-mail, custom fields)",
        output.display(),
        copy.people.len()
    )?;
    Ok(0)
}
